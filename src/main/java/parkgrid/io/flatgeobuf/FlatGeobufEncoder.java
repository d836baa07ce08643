package parkgrid.io.flatgeobuf;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.generated.ColumnType;
import parkgrid.feature.Feature;
import parkgrid.feature.PropertyDefinition;
import parkgrid.io.CollectionMetadata;
import parkgrid.io.EncodingOptions;
import parkgrid.io.FeatureEncoder;
import parkgrid.io.FileLayer;

/**
 * A FlatGeobuf file (3.x) of one layer, without spatial index: header with the layer name, geometry type,
 * the output CRS's EPSG code, feature count and extent, columns {@code fid} (Long) and the properties
 * (String, Long, Double, in UTF-8); then the features. The features are spooled to a temporary file since the
 * header, which comes first, holds their count and extent; {@link #end} writes the header and copies them.
 */
public final class FlatGeobufEncoder implements FeatureEncoder {
    private final OutputStream out;
    private final EncodingOptions options;
    private final FlatBufferBuilder builder = new FlatBufferBuilder(1024);
    private final Envelope box = new Envelope();
    private FileLayer layer;
    private byte geometryType;
    private Path spool;
    private OutputStream spooled;
    private long count;

    public FlatGeobufEncoder(OutputStream out, EncodingOptions options) {
        this.out = out;
        this.options = options;
    }

    @Override
    public void start(CollectionMetadata metadata) throws IOException {
        layer = FileLayer.of(metadata, options, "FlatGeobuf");
        geometryType = (byte) (layer.kind().ordinal() + 1); // Point 1, LineString 2, Polygon 3, Multi… 4–6: GeometryKind's order
        spool = Files.createTempFile("parkgrid", ".fgb-features");
        spooled = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16);
    }

    @Override
    public void feature(Feature f) throws IOException {
        Geometry g = layer.geometry(f);
        if (g != null && !g.isEmpty()) box.expandToInclude(g.getEnvelopeInternal());
        builder.clear();
        int props = org.wololo.flatgeobuf.generated.Feature.createPropertiesVector(builder, properties(f));
        int geometry = g == null ? 0 : GeometryConversions.serialize(builder, g, geometryType);
        int feature = org.wololo.flatgeobuf.generated.Feature.createFeature(builder, geometry, props, 0);
        builder.finishSizePrefixed(feature);
        spooled.write(builder.sizedByteArray());
        count++;
    }

    /** The property buffer: for each non-null value its column index (ushort) and value, little-endian. */
    private byte[] properties(Feature f) {
        List<byte[]> strings = new ArrayList<>();
        int size = 2 + 8;
        Object[] values = new Object[layer.properties().size()];
        for (int i = 0; i < values.length; i++) {
            PropertyDefinition p = layer.properties().get(i);
            values[i] = p.type().coerce(f.properties().get(p.name()));
            if (values[i] == null) continue;
            if (values[i] instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                strings.add(b);
                size += 2 + 4 + b.length;
            } else {
                size += 2 + 8;
            }
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putLong(f.id());
        int s = 0;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) continue;
            b.putShort((short) (i + 1));
            if (v instanceof String) {
                byte[] text = strings.get(s++);
                b.putInt(text.length).put(text);
            } else if (v instanceof Long l) {
                b.putLong(l);
            } else {
                b.putDouble((Double) v);
            }
        }
        return b.array();
    }

    @Override
    public void end(Map<String, Object> trailing) throws IOException {
        spooled.close();
        HeaderMeta h = new HeaderMeta();
        h.name = layer.name();
        h.geometryType = geometryType;
        h.srid = layer.epsg();
        h.featuresCount = count;
        h.indexNodeSize = 0;
        h.envelope = box.isNull() ? null : box;
        h.columns = new ArrayList<>();
        h.columns.add(column("fid", ColumnType.Long));
        for (PropertyDefinition p : layer.properties()) {
            h.columns.add(column(p.name(), switch (p.type()) {
                case STRING -> ColumnType.String;
                case INTEGER -> ColumnType.Long;
                case NUMBER -> ColumnType.Double;
            }));
        }
        OutputStream o = new BufferedOutputStream(out, 1 << 16);
        o.write(Constants.MAGIC_BYTES);
        HeaderMeta.write(h, o, new FlatBufferBuilder(1024));
        Files.copy(spool, o);
        o.flush();
    }

    private static ColumnMeta column(String name, int type) {
        ColumnMeta c = new ColumnMeta();
        c.name = name;
        c.type = (byte) type;
        c.nullable = true;
        return c;
    }

    @Override
    public void close() throws IOException {
        try {
            if (spooled != null) spooled.close();
            out.close();
        } finally {
            if (spool != null) Files.deleteIfExists(spool);
        }
    }
}
