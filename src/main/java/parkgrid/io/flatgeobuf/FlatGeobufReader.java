package parkgrid.io.flatgeobuf;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.PackedRTree;
import org.wololo.flatgeobuf.generated.ColumnType;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.io.FieldNames;
import parkgrid.io.LayerReader;
import parkgrid.io.ReadOptions;

/**
 * Reads a FlatGeobuf file front to back (the spatial index, when there is one, is skipped): the header's
 * geometry type (Unknown: taken from the first feature), columns (integer types and Bool → integer, Float and
 * Double → number, String, Json, DateTime → string; Binary columns are left out) and EPSG code; then one
 * feature at a time. A {@code fid} integer column gives the ids (as {@link FlatGeobufEncoder} writes), else
 * features are numbered from 1. Column names become property names by {@link FieldNames}.
 */
public final class FlatGeobufReader implements LayerReader {
    @Override
    public String id() {
        return "flatgeobuf";
    }

    @Override
    public List<String> extensions() {
        return List.of(".fgb");
    }

    @Override
    public Read read(Path file, ReadOptions options) throws IOException {
        if (!options.extra().isEmpty()) throw new IllegalArgumentException("FlatGeobuf takes no options, got " + options.extra().keySet());
        HeaderMeta header;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            header = header(in);
        }
        int fid = -1;
        List<String> names = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        List<PropertyType> types = new ArrayList<>();
        for (int i = 0; i < header.columns.size(); i++) {
            ColumnMeta c = header.columns.get(i);
            PropertyType t = type(c.type);
            if (t == null) continue;
            if (fid < 0 && c.name.equalsIgnoreCase("fid") && t == PropertyType.INTEGER) {
                fid = i;
                continue;
            }
            names.add(c.name);
            columns.add(i);
            types.add(t);
        }
        FieldNames mapped = FieldNames.of(names, columns.stream().mapToInt(i -> i + 1).toArray());
        List<PropertyDefinition> props = new ArrayList<>();
        int[] propertyOf = new int[header.columns.size()];
        Arrays.fill(propertyOf, -1);
        for (int k = 0; k < names.size(); k++) {
            props.add(new PropertyDefinition(mapped.name(k), types.get(k)));
            propertyOf[columns.get(k)] = k;
        }
        GeometryKind kind = header.geometryType >= 1 && header.geometryType <= 6
                ? GeometryKind.values()[header.geometryType - 1] : firstKind(file);
        String name = options.layerName() != null ? options.layerName() : "flatgeobuf";
        String title = header.name != null ? header.name : file.getFileName().toString();
        Layer layer = new Layer(name, title, null, null, kind, props, null, null);
        int fidColumn = fid;
        LayerSource source = new LayerSource() {
            @Override
            public Layer layer() {
                return layer;
            }

            @Override
            public void forEach(FeatureSink sink) throws IOException {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                    HeaderMeta h = header(in);
                    long number = 0;
                    ByteBuffer f;
                    while ((f = next(in)) != null) {
                        number++;
                        sink.accept(feature(h, f, number, fidColumn, propertyOf, props));
                    }
                }
            }
        };
        return new Read(source, header.srid > 0 ? "EPSG:" + header.srid : null);
    }

    private static GeometryKind firstKind(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            HeaderMeta h = header(in);
            ByteBuffer f;
            while ((f = next(in)) != null) {
                org.wololo.flatgeobuf.generated.Feature feature = org.wololo.flatgeobuf.generated.Feature.getRootAsFeature(f);
                if (feature.geometry() != null) {
                    Geometry g = GeometryConversions.deserialize(feature.geometry(), feature.geometry().type());
                    if (g != null) return GeometryKind.fromName(g.getGeometryType());
                }
            }
            throw new IllegalArgumentException("the FlatGeobuf file has geometry type Unknown and no feature with a geometry");
        }
    }

    /** Reads the magic bytes, the header and skips the index: {@code in} is then at the first feature. */
    private static HeaderMeta header(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || magic[0] != Constants.MAGIC_BYTES[0] || magic[1] != Constants.MAGIC_BYTES[1]
                || magic[2] != Constants.MAGIC_BYTES[2]) {
            throw new IllegalArgumentException("not a FlatGeobuf file (no 'fgb' magic bytes)");
        }
        byte[] length = in.readNBytes(4);
        int size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] header = new byte[size];
        in.readFully(header);
        ByteBuffer all = ByteBuffer.allocate(12 + size).order(ByteOrder.LITTLE_ENDIAN).put(magic).put(length).put(header).flip();
        HeaderMeta h = HeaderMeta.read(all);
        if (h.indexNodeSize > 0 && h.featuresCount > 0) {
            long index = PackedRTree.calcSize((int) h.featuresCount, h.indexNodeSize);
            in.skipNBytes(index);
        }
        return h;
    }

    private static ByteBuffer next(DataInputStream in) throws IOException {
        byte[] length = in.readNBytes(4);
        if (length.length == 0) return null;
        if (length.length < 4) throw new IllegalArgumentException("the FlatGeobuf file ends inside a feature's size");
        byte[] feature = new byte[ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt()];
        in.readFully(feature);
        return ByteBuffer.wrap(feature).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Feature feature(HeaderMeta h, ByteBuffer bytes, long number, int fidColumn, int[] propertyOf,
                                   List<PropertyDefinition> props) {
        org.wololo.flatgeobuf.generated.Feature f = org.wololo.flatgeobuf.generated.Feature.getRootAsFeature(bytes);
        Geometry g = null;
        if (f.geometry() != null) {
            int type = h.geometryType == 0 ? f.geometry().type() : h.geometryType;
            g = GeometryConversions.deserialize(f.geometry(), type);
        }
        long id = number;
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertyDefinition p : props) values.put(p.name(), null);
        ByteBuffer b = f.propertiesLength() == 0 ? null : f.propertiesAsByteBuffer();
        if (b != null) {
            b = b.slice().order(ByteOrder.LITTLE_ENDIAN);
            while (b.remaining() >= 2) {
                int column = Short.toUnsignedInt(b.getShort());
                if (column >= h.columns.size()) throw new IllegalArgumentException("feature " + number + ": column " + column + " is not in the header");
                Object v = value(b, h.columns.get(column).type);
                if (column == fidColumn && v instanceof Long l) id = l;
                else if (propertyOf[column] >= 0) values.put(props.get(propertyOf[column]).name(), v);
            }
        }
        return new Feature(id, g, values);
    }

    private static Object value(ByteBuffer b, int type) {
        return switch (type) {
            case ColumnType.Byte -> (long) b.get();
            case ColumnType.UByte -> (long) Byte.toUnsignedInt(b.get());
            case ColumnType.Bool -> b.get() != 0 ? 1L : 0L;
            case ColumnType.Short -> (long) b.getShort();
            case ColumnType.UShort -> (long) Short.toUnsignedInt(b.getShort());
            case ColumnType.Int -> (long) b.getInt();
            case ColumnType.UInt -> Integer.toUnsignedLong(b.getInt());
            case ColumnType.Long, ColumnType.ULong -> b.getLong();
            case ColumnType.Float -> (double) b.getFloat();
            case ColumnType.Double -> b.getDouble();
            default -> {
                byte[] text = new byte[b.getInt()];
                b.get(text);
                yield type == ColumnType.Binary ? null : new String(text, StandardCharsets.UTF_8);
            }
        };
    }

    private static PropertyType type(int columnType) {
        return switch (columnType) {
            case ColumnType.Byte, ColumnType.UByte, ColumnType.Bool, ColumnType.Short, ColumnType.UShort, ColumnType.Int,
                 ColumnType.UInt, ColumnType.Long, ColumnType.ULong -> PropertyType.INTEGER;
            case ColumnType.Float, ColumnType.Double -> PropertyType.NUMBER;
            case ColumnType.Binary -> null;
            default -> PropertyType.STRING;
        };
    }
}
