package parkgrid.io.shapefile;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFReader;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.io.EsriWkt;
import parkgrid.io.FieldNames;
import parkgrid.io.LayerReader;
import parkgrid.io.ReadOptions;

/**
 * Reads a zipped ESRI Shapefile ({@code .shp} + {@code .dbf}, with {@code .prj} and {@code .cpg} when present;
 * {@code .shx} is not needed since records are read in order). The DBF's text encoding is
 * {@link CodePage}'s; field names become property names by {@link FieldNames}; a numeric {@code fid}
 * column (as ParkGrid writes) gives the feature ids, else records are numbered from 1. Types: {@code C},
 * {@code D} (as {@code yyyy-MM-dd}) and {@code L} are strings, {@code N}/{@code F} with decimals numbers and
 * without them integers (wider than 18 digits: numbers); blank values are null. The geometry kind comes from the
 * shape type and a first pass over the records (a polygon file with any multi-part record is MultiPolygon).
 * The CRS is the {@code .prj}'s EPSG code ({@link EsriWkt#epsg}).
 *
 * <p>Options ({@link ReadOptions#extra}): {@code layer} — the base name of the Shapefile to take from a zip
 * that holds several.
 */
public final class ShapefileReader implements LayerReader {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Override
    public String id() {
        return "shapefile";
    }

    @Override
    public List<String> extensions() {
        return List.of(".zip", ".shp.zip");
    }

    @Override
    public Read read(Path file, ReadOptions options) throws IOException {
        for (String k : options.extra().keySet()) {
            if (!k.equals("layer")) throw new IllegalArgumentException("unknown Shapefile option '" + k + "' (known: layer)");
        }
        String wanted = options.extra().get("layer");
        try (ShapefileArchive zip = ShapefileArchive.open(file, wanted)) {
            Charset charset = charset(zip, options);
            Schema schema = schema(zip, charset);
            GeometryKind kind = kind(zip);
            String name = options.layerName() != null ? options.layerName() : layerName(zip.name());
            Layer layer = new Layer(name, zip.name(), zip.name(), null, kind, schema.properties(), null, null);
            Optional<String> prj = zip.text(".prj", StandardCharsets.ISO_8859_1);
            String crs = prj.flatMap(EsriWkt::epsg).map(c -> "EPSG:" + c).orElse(null);
            LayerSource source = new LayerSource() {
                @Override
                public Layer layer() {
                    return layer;
                }

                @Override
                public void forEach(FeatureSink sink) throws IOException {
                    try (ShapefileArchive again = ShapefileArchive.open(file, wanted)) {
                        readFeatures(again, charset, schema, sink);
                    }
                }
            };
            return new Read(source, crs);
        }
    }

    /** A layer name from the file's name: its identifier form, else {@code shapefile}. */
    private static String layerName(String fileName) {
        String n = FieldNames.of(List.of(fileName)).name(0);
        return n.equals("f1") ? "shapefile" : n;
    }

    private static Charset charset(ShapefileArchive zip, ReadOptions options) throws IOException {
        if (options.charset() != null) return options.charset();
        Optional<Charset> cpg = zip.text(".cpg", StandardCharsets.ISO_8859_1).flatMap(CodePage::ofCpg);
        if (cpg.isPresent()) return cpg.get();
        try (InputStream in = new BufferedInputStream(zip.open(".dbf"))) {
            byte[] head = in.readNBytes(32);
            if (head.length < 32) throw new IllegalArgumentException(zip.name() + ".dbf is cut short");
            Optional<Charset> ldid = CodePage.ofLanguageDriver(head[29] & 0xFF);
            if (ldid.isPresent()) return ldid.get();
            // the field descriptors' names and every record: UTF-8 when all of it decodes, else GBK
            return CodePage.isUtf8(in) ? StandardCharsets.UTF_8 : CodePage.GBK;
        }
    }

    /** The DBF's columns: which is the id, and the properties with their names and types. */
    private record Schema(int fidColumn, List<PropertyDefinition> properties, int[] columnOfProperty, DBFDataType[] types) {}

    private static Schema schema(ShapefileArchive zip, Charset charset) throws IOException {
        try (InputStream in = zip.open(".dbf"); DBFReader dbf = new DBFReader(in, charset)) {
            int n = dbf.getFieldCount();
            int fid = -1;
            List<String> names = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            List<PropertyType> types = new ArrayList<>();
            DBFDataType[] dbfTypes = new DBFDataType[n];
            for (int i = 0; i < n; i++) {
                DBFField f = dbf.getField(i);
                dbfTypes[i] = f.getType();
                PropertyType t = type(f);
                if (fid < 0 && f.getName().equalsIgnoreCase("fid") && t == PropertyType.INTEGER) {
                    fid = i;
                    continue;
                }
                names.add(f.getName());
                columns.add(i);
                types.add(t);
            }
            FieldNames mapped = FieldNames.of(names, columns.stream().mapToInt(i -> i + 1).toArray());
            List<PropertyDefinition> props = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) props.add(new PropertyDefinition(mapped.name(i), types.get(i)));
            return new Schema(fid, props, columns.stream().mapToInt(Integer::intValue).toArray(), dbfTypes);
        }
    }

    private static PropertyType type(DBFField f) {
        return switch (f.getType()) {
            case NUMERIC, FLOATING_POINT -> f.getDecimalCount() == 0 && f.getLength() <= 18 ? PropertyType.INTEGER : PropertyType.NUMBER;
            case LONG, AUTOINCREMENT -> PropertyType.INTEGER;
            case DOUBLE, CURRENCY -> PropertyType.NUMBER;
            default -> PropertyType.STRING;
        };
    }

    /** The layer's kind: the shape type, multi when any record has several points, lines or shells. */
    private static GeometryKind kind(ShapefileArchive zip) throws IOException {
        ShpRecords records = new ShpRecords(FACTORY);
        try (DataInputStream shp = new DataInputStream(new BufferedInputStream(zip.open(".shp"), 1 << 16))) {
            ShapeType type = ShapeType.ofCode(fileType(shp, zip.name()));
            boolean multi = type == ShapeType.MULTIPOINT;
            ByteBuffer content;
            while (!multi && (content = next(shp)) != null) {
                // a one-part polyline is a LineString without decoding it: only records with parts are decoded
                multi = (type != ShapeType.POLYLINE || partCount(content) > 1) && ShpRecords.isMulti(records.decode(content));
            }
            return switch (type) {
                case POINT -> GeometryKind.POINT;
                case MULTIPOINT -> GeometryKind.MULTIPOINT;
                case POLYLINE -> multi ? GeometryKind.MULTILINESTRING : GeometryKind.LINESTRING;
                case POLYGON -> multi ? GeometryKind.MULTIPOLYGON : GeometryKind.POLYGON;
                case NULL -> throw new IllegalArgumentException(zip.name() + ".shp holds only null shapes: its geometry type is unknown");
            };
        }
    }

    /** A PolyLine or Polygon record's part count (after the shape type and the box), 0 for a null shape. */
    private static int partCount(ByteBuffer content) {
        ByteBuffer c = content.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return c.capacity() < 40 || c.getInt(0) == 0 ? 0 : c.getInt(36);
    }

    private static int fileType(DataInputStream shp, String name) throws IOException {
        byte[] header = new byte[100];
        try {
            shp.readFully(header);
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + ".shp is shorter than its 100-byte header");
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        if (h.getInt(0) != 9994) throw new IllegalArgumentException(name + ".shp is not a Shapefile (file code " + h.getInt(0) + ")");
        return h.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
    }

    /** The next record's content, null at the end. */
    private static ByteBuffer next(DataInputStream shp) throws IOException {
        byte[] head = shp.readNBytes(8);
        if (head.length == 0) return null;
        if (head.length < 8) throw new IllegalArgumentException("the .shp ends inside a record header");
        int words = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getInt(4);
        byte[] content = new byte[words * 2];
        shp.readFully(content);
        return ByteBuffer.wrap(content);
    }

    private static void readFeatures(ShapefileArchive zip, Charset charset, Schema schema, FeatureSink sink) throws IOException {
        ShpRecords records = new ShpRecords(FACTORY);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
        try (DataInputStream shp = new DataInputStream(new BufferedInputStream(zip.open(".shp"), 1 << 16));
             InputStream dbfIn = new BufferedInputStream(zip.open(".dbf"), 1 << 16);
             DBFReader dbf = new DBFReader(dbfIn, charset)) {
            fileType(shp, zip.name());
            long number = 0;
            ByteBuffer content;
            while ((content = next(shp)) != null) {
                number++;
                Geometry g;
                try {
                    g = records.decode(content);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("record " + number + " of " + zip.name() + ".shp: " + e.getMessage(), e);
                }
                Object[] row = dbf.nextRecord();
                if (row == null) throw new IllegalArgumentException(zip.name() + ".dbf has fewer rows than the .shp has records (" + number + ")");
                long id = number;
                if (schema.fidColumn() >= 0 && row[schema.fidColumn()] instanceof Number n) id = n.longValue();
                Map<String, Object> props = new LinkedHashMap<>();
                for (int i = 0; i < schema.properties().size(); i++) {
                    PropertyDefinition p = schema.properties().get(i);
                    props.put(p.name(), value(row[schema.columnOfProperty()[i]], p.type(), day));
                }
                sink.accept(new Feature(id, g, props));
            }
        }
    }

    private static Object value(Object v, PropertyType type, SimpleDateFormat day) {
        if (v == null) return null;
        if (v instanceof String s) {
            String t = s.stripTrailing();
            return t.isEmpty() ? null : t;
        }
        if (v instanceof java.util.Date d) return day.format(d);
        if (v instanceof BigDecimal b) return type == PropertyType.INTEGER ? (Object) b.longValue() : (Object) b.doubleValue();
        if (v instanceof Number n) return type == PropertyType.INTEGER ? (Object) n.longValue() : (Object) n.doubleValue();
        return v.toString();
    }
}
