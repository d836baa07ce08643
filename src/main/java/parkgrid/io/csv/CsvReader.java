package parkgrid.io.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
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
import parkgrid.io.Utf8Check;

/**
 * Reads a CSV table with a header line. The geometry comes from a WKT column ({@code wkt}, {@code geometry},
 * {@code geom}, {@code the_geom}, {@code wkt_geom}, {@code shape}) or, for points, from a pair of coordinate
 * columns ({@code lon}/{@code lat}, {@code lng}/{@code lat}, {@code longitude}/{@code latitude}, {@code x}/{@code y},
 * {@code 经度}/{@code 纬度}, {@code 东经}/{@code 北纬}; case-insensitive); a table with neither has features without
 * geometry, of a point layer. Those columns are not properties. An integer column {@code fid} gives the ids, else
 * rows are numbered from 1. The other columns become properties (names by {@link FieldNames}), typed by a
 * first pass: integer when every value is a whole number, number when every value is a number, else string; a
 * quoted value is always a string (as {@link CsvEncoder} writes them); empty fields are null. Text encoding: the
 * client's, else UTF-8 with or without BOM when the file decodes as UTF-8, else GBK (Excel on a Chinese Windows).
 * A CSV does not declare a CRS.
 *
 * <p>Options ({@link ReadOptions#extra}): {@code x}, {@code y} — the coordinate columns; {@code wkt} — the WKT
 * column; {@code delimiter} — one character (default: the most frequent of {@code , ; tab |} in the header line).
 */
public final class CsvReader implements LayerReader {
    private static final Set<String> OPTIONS = Set.of("x", "y", "wkt", "delimiter");
    private static final List<String> WKT_NAMES = List.of("wkt", "geometry_wkt", "geometry", "geom", "the_geom", "wkt_geom", "shape");
    private static final List<String[]> XY_NAMES = List.of(new String[] {"lon", "lat"}, new String[] {"lng", "lat"},
            new String[] {"longitude", "latitude"}, new String[] {"x", "y"}, new String[] {"经度", "纬度"}, new String[] {"东经", "北纬"},
            new String[] {"long", "lat"}, new String[] {"easting", "northing"});
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public List<String> extensions() {
        return List.of(".csv", ".tsv");
    }

    @Override
    public Read read(Path file, ReadOptions options) throws IOException {
        for (String k : options.extra().keySet()) {
            if (!OPTIONS.contains(k)) throw new IllegalArgumentException("unknown CSV option '" + k + "' (known: " + OPTIONS + ")");
        }
        Charset charset = options.charset() != null ? options.charset() : detect(file);
        char delimiter = delimiter(file, charset, options.extra().get("delimiter"));
        Columns columns = firstPass(file, charset, delimiter, options);
        String name = options.layerName() != null ? options.layerName() : "csv";
        Layer layer = new Layer(name, file.getFileName().toString(), null, null, columns.kind, columns.properties, null, null);
        LayerSource source = new LayerSource() {
            @Override
            public Layer layer() {
                return layer;
            }

            @Override
            public void forEach(FeatureSink sink) throws IOException {
                try (Reader r = open(file, charset)) {
                    CsvRecords records = new CsvRecords(r, delimiter);
                    records.next();
                    long row = 0;
                    List<CsvRecords.Field> fields;
                    while (true) {
                        long line = records.line();
                        if ((fields = records.next()) == null) break;
                        row++;
                        sink.accept(columns.feature(row, line, fields));
                    }
                }
            }
        };
        return new Read(source, null);
    }

    private static Charset detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return Utf8Check.isUtf8(in) ? StandardCharsets.UTF_8 : Charset.forName("GBK");
        }
    }

    /** A reader over the file's text, past a UTF-8 byte-order mark. */
    private static Reader open(Path file, Charset charset) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16);
        r.mark(1);
        if (r.read() != '\uFEFF') r.reset();
        return r;
    }

    private static char delimiter(Path file, Charset charset, String asked) throws IOException {
        if (asked != null) {
            String d = asked.equals("tab") || asked.equals("\\t") ? "\t" : asked;
            if (d.length() != 1) throw new IllegalArgumentException("delimiter must be one character, got '" + asked + "'");
            return d.charAt(0);
        }
        String header;
        try (BufferedReader r = new BufferedReader(open(file, charset))) {
            header = r.readLine();
        }
        if (header == null) throw new IllegalArgumentException("the CSV file is empty");
        char best = ',';
        long most = 0;
        for (char c : new char[] {',', ';', '\t', '|'}) {
            long n = header.chars().filter(x -> x == c).count();
            if (n > most) {
                best = c;
                most = n;
            }
        }
        return best;
    }

    private static Columns firstPass(Path file, Charset charset, char delimiter, ReadOptions options) throws IOException {
        try (Reader r = open(file, charset)) {
            CsvRecords records = new CsvRecords(r, delimiter);
            List<CsvRecords.Field> header = records.next();
            if (header == null) throw new IllegalArgumentException("the CSV file is empty");
            Columns c = new Columns(header.stream().map(f -> f.text().strip()).toList(), options.extra());
            List<CsvRecords.Field> fields;
            while (true) {
                long line = records.line();
                if ((fields = records.next()) == null) break;
                c.infer(line, fields);
            }
            c.finish();
            return c;
        }
    }

    /** Which column is what, and the property types the first pass found. */
    private static final class Columns {
        final List<String> header;
        final int wkt, x, y, fid;
        final List<Integer> propertyColumns = new ArrayList<>();
        final List<PropertyType> types = new ArrayList<>();
        List<PropertyDefinition> properties;
        GeometryKind kind;
        private final WKTReader wktReader = new WKTReader(FACTORY);

        Columns(List<String> header, Map<String, String> extra) {
            this.header = header;
            wkt = extra.containsKey("wkt") ? required(extra.get("wkt")) : find(WKT_NAMES);
            int[] xy = {-1, -1};
            if (extra.containsKey("x") || extra.containsKey("y")) {
                if (!extra.containsKey("x") || !extra.containsKey("y")) throw new IllegalArgumentException("options x and y go together");
                xy = new int[] {required(extra.get("x")), required(extra.get("y"))};
            } else {
                for (String[] pair : XY_NAMES) {
                    int a = find(List.of(pair[0])), b = find(List.of(pair[1]));
                    if (a >= 0 && b >= 0) {
                        xy = new int[] {a, b};
                        break;
                    }
                }
            }
            x = xy[0];
            y = xy[1];
            int f = find(List.of("fid"));
            fid = f;
            for (int i = 0; i < header.size(); i++) {
                if (i == wkt || i == x || i == y || i == fid) continue;
                propertyColumns.add(i);
                types.add(null);
            }
        }

        private int required(String column) {
            int i = find(List.of(column.toLowerCase(Locale.ROOT)));
            if (i < 0) throw new IllegalArgumentException("the CSV has no column '" + column + "' (it has " + header + ")");
            return i;
        }

        private int find(List<String> names) {
            for (String n : names) {
                for (int i = 0; i < header.size(); i++) if (header.get(i).toLowerCase(Locale.ROOT).equals(n)) return i;
            }
            return -1;
        }

        void infer(long line, List<CsvRecords.Field> fields) {
            for (int k = 0; k < propertyColumns.size(); k++) {
                CsvRecords.Field f = field(fields, propertyColumns.get(k));
                if (f == null || (f.text().isEmpty())) continue;
                PropertyType seen = types.get(k);
                PropertyType now = f.quoted() ? PropertyType.STRING : typeOf(f.text().strip());
                types.set(k, widen(seen, now));
            }
            if (wkt >= 0) {
                CsvRecords.Field f = field(fields, wkt);
                if (f != null && !f.text().isBlank()) kind = widen(kind, GeometryKind.fromName(geometry(line, f.text()).getGeometryType()));
            }
        }

        void finish() {
            if (kind == null) kind = GeometryKind.POINT;
            List<String> names = propertyColumns.stream().map(header::get).toList();
            FieldNames mapped = FieldNames.of(names, propertyColumns.stream().mapToInt(i -> i + 1).toArray());
            properties = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                properties.add(new PropertyDefinition(mapped.name(k), types.get(k) == null ? PropertyType.STRING : types.get(k)));
            }
        }

        Feature feature(long row, long line, List<CsvRecords.Field> fields) {
            long id = row;
            CsvRecords.Field idField = fid >= 0 ? field(fields, fid) : null;
            if (idField != null && !idField.text().isBlank()) {
                try {
                    id = Long.parseLong(idField.text().strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + line + ": fid '" + idField.text() + "' is not an integer");
                }
            }
            Geometry g = null;
            if (wkt >= 0) {
                CsvRecords.Field f = field(fields, wkt);
                if (f != null && !f.text().isBlank()) g = geometry(line, f.text());
            } else if (x >= 0) {
                CsvRecords.Field a = field(fields, x), b = field(fields, y);
                if (a != null && b != null && !a.text().isBlank() && !b.text().isBlank()) {
                    try {
                        g = FACTORY.createPoint(new Coordinate(Double.parseDouble(a.text().strip()), Double.parseDouble(b.text().strip())));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("line " + line + ": coordinates '" + a.text() + "', '" + b.text() + "' are not numbers");
                    }
                }
            }
            Map<String, Object> props = new LinkedHashMap<>();
            for (int k = 0; k < propertyColumns.size(); k++) {
                CsvRecords.Field f = field(fields, propertyColumns.get(k));
                PropertyDefinition p = properties.get(k);
                String text = f == null ? "" : f.quoted() ? f.text() : f.text().strip();
                props.put(p.name(), text.isEmpty() ? null : p.type().coerce(text));
            }
            return new Feature(id, g, props);
        }

        private Geometry geometry(long line, String text) {
            try {
                return wktReader.read(text.strip());
            } catch (ParseException e) {
                throw new IllegalArgumentException("line " + line + ": not WKT: " + e.getMessage(), e);
            }
        }

        private static CsvRecords.Field field(List<CsvRecords.Field> fields, int i) {
            return i < fields.size() ? fields.get(i) : null;
        }

        private static PropertyType typeOf(String v) {
            if (v.matches("[+-]?\\d{1,18}")) return PropertyType.INTEGER;
            try {
                if (Double.isFinite(Double.parseDouble(v)) && v.matches("[+-]?[0-9.]+([eE][+-]?\\d+)?")) return PropertyType.NUMBER;
            } catch (NumberFormatException e) {
                // text
            }
            return PropertyType.STRING;
        }

        private static PropertyType widen(PropertyType a, PropertyType b) {
            if (a == null || a == b) return b;
            if (a != PropertyType.STRING && b != PropertyType.STRING) return PropertyType.NUMBER;
            return PropertyType.STRING;
        }

        /** Polygon with MultiPolygon is MultiPolygon (and so on); kinds of different families cannot share a layer. */
        private static GeometryKind widen(GeometryKind a, GeometryKind b) {
            if (a == null || a == b) return b;
            if (b.name().equals("MULTI" + a.name())) return b;
            if (a.name().equals("MULTI" + b.name())) return a;
            throw new IllegalArgumentException("the WKT column mixes " + a.geoJsonName() + " and " + b.geoJsonName());
        }
    }
}
