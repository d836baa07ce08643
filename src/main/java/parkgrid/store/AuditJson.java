package parkgrid.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import parkgrid.feature.Feature;
import parkgrid.geo.GeoJsonWriter;

/** The text the audit table keeps of a feature: one RFC 7946 GeoJSON Feature (EPSG:4326 lon/lat), or null. */
public final class AuditJson {
    private static final JsonFactory JSON = new JsonFactory();

    private AuditJson() {}

    public static String of(Feature f) {
        if (f == null) return null;
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            GeoJsonWriter.RFC7946.writeFeature(g, f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
