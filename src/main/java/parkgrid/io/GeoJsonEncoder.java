package parkgrid.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import parkgrid.feature.Feature;
import parkgrid.geo.GeoJsonCrsMember;

/**
 * A GeoJSON FeatureCollection (RFC 7946), streamed with a Jackson generator. In CRS84 it has no
 * {@code crs} member; a file in another CRS ({@link EncodingOptions#needsCrsMember()}) names it with
 * GeoJSON's legacy {@code crs} member after {@code name}, positions easting first, as GDAL and QGIS read it.
 * Members are written in the order {@link CollectionMetadata} states.
 */
public final class GeoJsonEncoder implements FeatureEncoder {
    private static final ObjectMapper JSON = parkgrid.json.Json.MAPPER;

    private final JsonGenerator g;
    private final EncodingOptions options;
    private final GeoJsonFeatureWriter features;
    private CollectionMetadata metadata;

    public GeoJsonEncoder(OutputStream out, EncodingOptions options) throws IOException {
        this.g = JSON.getFactory().createGenerator(out);
        this.options = options;
        this.features = new GeoJsonFeatureWriter(options);
    }

    @Override
    public void start(CollectionMetadata m) throws IOException {
        if (metadata != null) throw new IllegalStateException("start() was already called");
        metadata = m;
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        if (m.name() != null) g.writeStringField("name", m.name());
        if (options.needsCrsMember()) GeoJsonCrsMember.write(g, options.crs());
        if (m.numberMatched() != null) g.writeNumberField("numberMatched", m.numberMatched());
        if (m.numberReturned() != null) g.writeNumberField("numberReturned", m.numberReturned());
        if (m.timeStamp() != null) g.writeStringField("timeStamp", m.timeStamp().truncatedTo(ChronoUnit.SECONDS).toString());
        g.writeArrayFieldStart("features");
    }

    @Override
    public void feature(Feature f) throws IOException {
        features.write(g, f);
    }

    @Override
    public void end(Map<String, Object> trailing) throws IOException {
        if (metadata == null) throw new IllegalStateException("start() was not called");
        g.writeEndArray();
        if (metadata.links() != null) {
            g.writeFieldName("links");
            g.writeTree(metadata.links());
        }
        for (Map.Entry<String, Object> e : metadata.extra().entrySet()) member(e.getKey(), e.getValue());
        for (Map.Entry<String, Object> e : trailing.entrySet()) member(e.getKey(), e.getValue());
        g.writeEndObject();
    }

    private void member(String name, Object value) throws IOException {
        g.writeFieldName(name);
        if (value instanceof FeatureSet set) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Feature f : set.features()) features.write(g, f);
            g.writeEndArray();
            g.writeEndObject();
        } else if (value instanceof JsonNode n) {
            g.writeTree(n);
        } else {
            g.writeObject(value);
        }
    }

    @Override
    public void close() throws IOException {
        g.close();
    }
}
