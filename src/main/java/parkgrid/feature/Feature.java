package parkgrid.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature: a positive integer id unique within its layer, a JTS geometry in EPSG:4326 (x = lon,
 * y = lat) and property values typed by the layer schema (String, Long, Double or null).
 *
 * <p>The geometry is null for a feature whose place is not known (GeoJSON {@code "geometry": null},
 * RFC 7946 §3.2; a NULL geometry column in the stores). Such a feature is counted and listed, but no
 * spatial test (bbox, CQL2 spatial predicate, nearest, analyses) ever selects it.
 */
public record Feature(long id, Geometry geometry, Map<String, Object> properties) {
    public Feature {
        // values a reader built as PropertyValues are unmodifiable already and held by no one else: kept as they are
        if (!(properties instanceof PropertyValues)) properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** True when the feature has a place (its geometry is not null; it may still be empty). */
    public boolean hasGeometry() {
        return geometry != null;
    }
}
