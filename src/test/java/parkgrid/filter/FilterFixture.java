package parkgrid.filter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;

/** A small substation layer and hand-made features (EPSG:4326 lon/lat WKT) for the filter tests. */
final class FilterFixture {
    static final Layer SUBSTATIONS = new Layer("substations", "Substations", null, null, GeometryKind.POINT, List.of(
            new PropertyDefinition("name", PropertyType.STRING),
            new PropertyDefinition("capacity_kva", PropertyType.INTEGER),
            new PropertyDefinition("load_ratio", PropertyType.NUMBER)), null, null);

    private FilterFixture() {}

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    /** A feature with alternating key/value properties; a null value is left out, i.e. absent. */
    static Feature feature(long id, String wkt, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new Feature(id, wkt(wkt), properties);
    }

    static boolean matches(String cql2, Feature feature) {
        return new FilterEvaluator(FilterBinder.parseAndBind(cql2, SUBSTATIONS)).matches(feature);
    }
}
