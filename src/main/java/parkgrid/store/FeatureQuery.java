package parkgrid.feature;

import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * What to read from a layer: features whose geometry intersects {@code bbox} (EPSG:4326, null for all)
 * and whose properties equal every value in {@code propertyEquals} (values typed by the layer schema),
 * ordered by id, skipping {@code offset} and returning at most {@code limit}.
 */
public record FeatureQuery(Envelope bbox, Map<String, Object> propertyEquals, long limit, long offset) {
    /** No limit: used for exports that stream a whole layer. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    public FeatureQuery {
        propertyEquals = Map.copyOf(propertyEquals);
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0: " + limit);
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0: " + offset);
    }

    public static FeatureQuery all() {
        return new FeatureQuery(null, Map.of(), UNLIMITED, 0);
    }

    /** The same filters with no paging: what {@code numberMatched} counts. */
    public FeatureQuery unpaged() {
        return new FeatureQuery(bbox, propertyEquals, UNLIMITED, 0);
    }
}
