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
    private EncodedFeatureCache cache;
    private parkgrid.feature.Layer cachedLayer;
    private long cachedIncarnation;
    private int shape;
    private com.fasterxml.jackson.core.util.ByteArrayBuilder missBuffer;

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

    /** Used when this encoder writes what the cache keeps: CRS84 (either axis order is lon/lat) and every property. */
    @Override
    public void useCache(EncodedFeatureCache c) {
        cache = c != null && c.isEnabled() && options.crs().isStorageCrs() && options.properties() == null ? c : null;
    }

    @Override
    public boolean holds(parkgrid.feature.StoredRow row) {
        return cache != null && cache.holds(shapeOf(row), row.id(), row.stamp());
    }

    /** The row's cached bytes when current, else the feature encoded now (and kept). */
    @Override
    public void row(parkgrid.feature.StoredRow row) throws IOException {
        if (cache == null) {
            feature(row.feature());
            return;
        }
        int shape = shapeOf(row);
        byte[] bytes = cache.get(shape, row.id(), row.stamp());
        if (bytes == null) {
            bytes = encoded(row.feature());
            cache.put(shape, row.id(), row.stamp(), bytes);
        }
        g.writeRawValue(new EncodedJsonValue(bytes));
    }

    private int shapeOf(parkgrid.feature.StoredRow row) {
        if (row.layer() != cachedLayer || row.tableIncarnation() != cachedIncarnation) {
            cachedLayer = row.layer();
            cachedIncarnation = row.tableIncarnation();
            shape = cache.shape(cachedLayer, cachedIncarnation);
        }
        return shape;
    }

    /** One Feature object as the generator would write it inside the array, on its own. */
    private byte[] encoded(Feature f) throws IOException {
        if (missBuffer == null) missBuffer = new com.fasterxml.jackson.core.util.ByteArrayBuilder(1024);
        missBuffer.reset();
        try (JsonGenerator one = JSON.getFactory().createGenerator(missBuffer)) {
            features.write(one, f);
        }
        return missBuffer.toByteArray();
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
