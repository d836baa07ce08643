package parkgrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.GeoJsonWriter;
import parkgrid.geo.SupportedCrs;

/** Writes stored (CRS84) features as GeoJSON in a response CRS. One per request: not thread-safe. */
final class FeatureWriter {
    private final CrsTransformer transformer;
    private final GeoJsonWriter geoJson;
    private final List<String> properties;
    private final CrsTransformer.AxisOrder order;

    FeatureWriter(SupportedCrs crs) {
        this(crs, null);
    }

    /** @param properties the properties to write, in this order; null for all */
    FeatureWriter(SupportedCrs crs, List<String> properties) {
        this(crs, properties, CrsTransformer.AxisOrder.AUTHORITY);
    }

    /**
     * @param properties the properties to write, in this order; null for all
     * @param order      authority axis order (OGC API Part 2 responses) or easting first (files with a crs member)
     */
    FeatureWriter(SupportedCrs crs, List<String> properties, CrsTransformer.AxisOrder order) {
        this.transformer = crs.isStorageCrs() ? null : new CrsTransformer(crs);
        this.geoJson = GeoJsonWriter.forCrs(crs, order);
        this.properties = properties;
        this.order = order;
    }

    void write(JsonGenerator g, Feature f) throws IOException {
        Map<String, Object> props = f.properties();
        if (properties != null) {
            props = new LinkedHashMap<>();
            for (String p : properties) props.put(p, f.properties().get(p));
        }
        Geometry geometry = transformer == null || !f.hasGeometry() ? f.geometry() : transformer.fromCrs84(f.geometry(), order);
        geoJson.writeFeature(g, geometry == f.geometry() && props == f.properties() ? f : new Feature(f.id(), geometry, props));
    }

    String toJson(Feature f) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Responses.JSON.getFactory().createGenerator(w)) {
            write(g, f);
        }
        return w.toString();
    }
}
