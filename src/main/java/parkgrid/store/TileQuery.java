package parkgrid.store;

import java.time.Instant;
import java.util.List;
import parkgrid.filter.BoundFilter;
import parkgrid.geo.WebMercatorQuad;

/**
 * One layer's part of one {@link WebMercatorQuad} vector tile: the tile (zoom, row, column), the features'
 * CQL2 filter (null for none), the properties to write (null for all) and when building must give up (null: never).
 */
public record TileQuery(int zoom, long row, long col, BoundFilter filter, List<String> properties, Instant deadline) {
    public TileQuery {
        if (!WebMercatorQuad.exists(zoom, row, col)) {
            throw new IllegalArgumentException("no WebMercatorQuad tile " + zoom + "/" + row + "/" + col);
        }
        properties = properties == null ? null : List.copyOf(properties);
    }
}
