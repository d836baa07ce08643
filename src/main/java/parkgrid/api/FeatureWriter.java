package parkgrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import parkgrid.feature.Feature;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;
import parkgrid.io.EncodingOptions;
import parkgrid.io.GeoJsonFeatureWriter;

/**
 * Writes stored (CRS84) features as GeoJSON Feature objects in a response CRS, for answers that are not a
 * plain collection (one feature with its links); collections go through {@link parkgrid.io.FeatureEncoder}s.
 * One per request: not thread-safe.
 */
final class FeatureWriter {
    private final GeoJsonFeatureWriter geoJson;

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
        this.geoJson = new GeoJsonFeatureWriter(new EncodingOptions(crs, order, properties));
    }

    void write(JsonGenerator g, Feature f) throws IOException {
        geoJson.write(g, f);
    }

    String toJson(Feature f) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Responses.JSON.getFactory().createGenerator(w)) {
            write(g, f);
        }
        return w.toString();
    }
}
