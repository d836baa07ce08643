package parkgrid.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import parkgrid.feature.Feature;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.GeoJsonWriter;

/**
 * The text the audit table keeps of a feature: one RFC 7946 GeoJSON Feature (EPSG:4326 lon/lat), or null;
 * {@link #feature} reads it back (a revert restores what {@link #of} wrote).
 */
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

    /** The feature {@link #of} wrote: id, geometry (null when it had none) and properties typed String, Long or Double. */
    public static Feature feature(String text) {
        try {
            JsonNode f = parkgrid.json.Json.MAPPER.readTree(text);
            Map<String, Object> properties = new LinkedHashMap<>();
            f.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), value(e.getValue())));
            return new Feature(f.path("id").asLong(), GeoJsonReader.readGeometryOrNull(f.get("geometry")), properties);
        } catch (IOException e) {
            throw new UncheckedIOException("audit record is not GeoJSON: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) return null;
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isNumber()) return v.asDouble();
        return v.asText();
    }
}
