package parkgrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import parkgrid.feature.Feature;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.GeoJsonWriter;
import parkgrid.geo.SupportedCrs;

/** Writes stored (CRS84) features as GeoJSON in a response CRS. One per request: not thread-safe. */
final class FeatureWriter {
    private final CrsTransformer transformer;
    private final GeoJsonWriter geoJson;

    FeatureWriter(SupportedCrs crs) {
        this.transformer = crs.isStorageCrs() ? null : new CrsTransformer(crs);
        this.geoJson = GeoJsonWriter.forCrs(crs);
    }

    void write(JsonGenerator g, Feature f) throws IOException {
        geoJson.writeFeature(g, transformer == null ? f : new Feature(f.id(), transformer.fromCrs84(f.geometry()), f.properties()));
    }

    String toJson(Feature f) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Responses.JSON.getFactory().createGenerator(w)) {
            write(g, f);
        }
        return w.toString();
    }
}
