package parkgrid.store;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import parkgrid.filter.BoundFilter;

/**
 * What to read from a layer: features whose geometry intersects {@code bbox} (EPSG:4326, null for all),
 * whose properties equal every value in {@code propertyEquals} (values typed by the layer schema) and that
 * match {@code filter} (CQL2, null for none), ordered by {@code sortBy} then id, skipping {@code offset}
 * and returning at most {@code limit}.
 */
public record FeatureQuery(Envelope bbox, Map<String, Object> propertyEquals, BoundFilter filter, List<SortKey> sortBy,
                           long limit, long offset) {
    /** No limit: used for exports that stream a whole layer. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** One ordering key: a schema property, ascending or descending (nulls last either way). */
    public record SortKey(String property, boolean ascending) {}

    public FeatureQuery {
        propertyEquals = Map.copyOf(propertyEquals);
        sortBy = List.copyOf(sortBy);
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0: " + limit);
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0: " + offset);
    }

    public FeatureQuery(Envelope bbox, Map<String, Object> propertyEquals, long limit, long offset) {
        this(bbox, propertyEquals, null, List.of(), limit, offset);
    }

    public static FeatureQuery all() {
        return new FeatureQuery(null, Map.of(), UNLIMITED, 0);
    }

    /** The same filters with no paging: what {@code numberMatched} counts. */
    public FeatureQuery unpaged() {
        return new FeatureQuery(bbox, propertyEquals, filter, sortBy, UNLIMITED, 0);
    }
}
