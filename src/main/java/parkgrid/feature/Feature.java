package parkgrid.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature: a positive integer id unique within its layer, a JTS geometry in EPSG:4326 (x = lon,
 * y = lat) and property values typed by the layer schema (String, Long, Double or null).
 */
public record Feature(long id, Geometry geometry, Map<String, Object> properties) {
    public Feature {
        Objects.requireNonNull(geometry, "geometry");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
