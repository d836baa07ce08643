package parkgrid.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;

/**
 * The closed outlines of an ASCII DXF drawing (red lines from design institutes) as a Polygon layer: every closed
 * {@code LWPOLYLINE} and every closed 2D {@code POLYLINE} ({@code VERTEX} … {@code SEQEND}) of the ENTITIES section
 * is a feature, with its CAD layer as {@code dxf_layer} and its handle as {@code dxf_handle}; a polyline counts as
 * closed when its flag (70, bit 1) says so or its last vertex repeats its first. Arc segments (bulge, code 42) are
 * densified in 5° steps. Open polylines, polyface meshes, blocks and other entities are skipped. A mirrored entity
 * (extrusion 230 = −1) has its x negated into world coordinates. The text encoding: UTF-8 from AutoCAD 2007
 * ({@code $ACADVER} AC1021) on, else {@code $DWGCODEPAGE} ({@code ANSI_936} → GBK, {@code ANSI_1252} …), else the
 * client's {@code charset}, else UTF-8; {@code \U+XXXX} escapes are decoded. A drawing carries no CRS: positions are
 * taken as lon/lat or Gauss–Krüger by their values ({@link parkgrid.geo.SourceCoordinates}).
 */
public final class DxfLayerReader implements LayerReader {
    private static final Pattern UNICODE = Pattern.compile("\\\\U\\+([0-9A-Fa-f]{4})");
    private static final List<PropertyDefinition> SCHEMA = List.of(
            new PropertyDefinition("dxf_layer", PropertyType.STRING), new PropertyDefinition("dxf_handle", PropertyType.STRING));
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Override public String id() { return "dxf"; }

    @Override public List<String> extensions() { return List.of(".dxf"); }

    @Override
    public Read read(Path file, ReadOptions options) throws IOException {
        Charset charset = charset(file, options.charset());
        long[] count = {0};
        scan(file, charset, f -> count[0]++);
        if (count[0] == 0) throw new IllegalArgumentException("the DXF has no closed LWPOLYLINE or POLYLINE in its ENTITIES section");
        Layer layer = new Layer(options.layerName(), options.layerName(), null, "closed polylines of a DXF drawing",
                GeometryKind.POLYGON, SCHEMA, "DXF upload", null);
        LayerSource source = new LayerSource() {
            @Override public Layer layer() { return layer; }
            @Override public void forEach(FeatureSink sink) throws IOException { scan(file, charset, sink); }
        };
        return new Read(source, null);
    }

    /** The encoding the header declares (read as ISO-8859-1, the header is ASCII), else the client's, else UTF-8. */
    static Charset charset(Path file, Charset client) throws IOException {
        String version = null, codePage = null;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String variable = null;
            for (String code; (code = r.readLine()) != null; ) {
                String value = r.readLine();
                if (value == null) break;
                int c = groupCode(code.strip(), 0);
                String v = value.strip();
                if (c == 0 && v.equals("ENDSEC")) break; // the header (the first section) is over
                if (c == 9) variable = v;
                else if (c == 1 && "$ACADVER".equals(variable)) version = v;
                else if (c == 3 && "$DWGCODEPAGE".equals(variable)) codePage = v;
            }
        }
        if (version != null && version.compareTo("AC1021") >= 0) return StandardCharsets.UTF_8;
        if (codePage != null) {
            String p = codePage.toUpperCase(Locale.ROOT);
            if (p.equals("ANSI_936")) return Charset.forName("GBK");
            if (p.startsWith("ANSI_")) {
                try {
                    return Charset.forName("windows-" + p.substring(5));
                } catch (IllegalArgumentException e) {
                    // an unknown code page: fall through
                }
            }
        }
        return client != null ? client : StandardCharsets.UTF_8;
    }

    private static int groupCode(String text, int line) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": '" + text + "' is no DXF group code (an ASCII DXF is pairs of code and value lines)");
        }
    }

    /** One polyline being read. */
    private static final class Outline {
        String layer = "0";
        String handle;
        int flags;
        boolean mirrored;
        final List<double[]> vertices = new ArrayList<>(); // x, y, bulge

        void x(double x) { vertices.add(new double[] {x, 0, 0}); }
        void y(double y) { if (!vertices.isEmpty()) vertices.get(vertices.size() - 1)[1] = y; }
        void bulge(double b) { if (!vertices.isEmpty()) vertices.get(vertices.size() - 1)[2] = b; }
    }

    private static void scan(Path file, Charset charset, FeatureSink sink) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
            boolean inEntities = false, sectionName = false;
            String entity = null;
            Outline outline = null;         // the LWPOLYLINE or POLYLINE being read
            boolean inPolyline = false;     // between POLYLINE and SEQEND
            long features = 0;
            int line = 0;
            for (String codeLine; (codeLine = r.readLine()) != null; ) {
                String value = r.readLine();
                line += 2;
                if (value == null) break;
                int code = groupCode(codeLine.strip(), line - 1);
                String v = value.strip();
                if (code == 0) {
                    if ("LWPOLYLINE".equals(entity) && outline != null) features = emit(outline, features, sink);
                    if (inPolyline && v.equals("SEQEND")) {
                        features = emit(outline, features, sink);
                        inPolyline = false;
                        outline = null;
                    } else if (!inPolyline || !v.equals("VERTEX")) {
                        inPolyline = false;
                        outline = null;
                    }
                    entity = v;
                    if (v.equals("SECTION")) sectionName = true;
                    else if (v.equals("ENDSEC")) inEntities = false;
                    if (inEntities && (v.equals("LWPOLYLINE") || v.equals("POLYLINE"))) {
                        outline = new Outline();
                        inPolyline = v.equals("POLYLINE");
                    }
                    continue;
                }
                if (sectionName && code == 2) {
                    inEntities = v.equals("ENTITIES");
                    sectionName = false;
                    continue;
                }
                if (outline == null) continue;
                try {
                    boolean vertex = "VERTEX".equals(entity);
                    switch (code) {
                        case 8 -> { if (!vertex) outline.layer = decode(value.strip()); }
                        case 5 -> { if (!vertex) outline.handle = v; }
                        case 70 -> {
                            int flags = Integer.parseInt(v);
                            if (!vertex) outline.flags = flags;
                            else if ((flags & 16) != 0) { // a spline frame point (its 10/20 came first): not on the outline
                                if (!outline.vertices.isEmpty()) outline.vertices.remove(outline.vertices.size() - 1);
                                entity = "SKIPPED_VERTEX";
                            }
                        }
                        case 10 -> { if (vertex || "LWPOLYLINE".equals(entity)) outline.x(Double.parseDouble(v)); }
                        case 20 -> { if (vertex || "LWPOLYLINE".equals(entity)) outline.y(Double.parseDouble(v)); }
                        case 42 -> { if (vertex || "LWPOLYLINE".equals(entity)) outline.bulge(Double.parseDouble(v)); }
                        case 230 -> { if (!vertex) outline.mirrored = Double.parseDouble(v) < 0; }
                        default -> { }
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + line + ": group " + code + " of " + entity + " must be a number, got '" + v + "'");
                }
            }
        }
    }

    /** Passes a closed outline on as feature {@code features + 1}; returns the new count. */
    private static long emit(Outline o, long features, FeatureSink sink) throws IOException {
        if ((o.flags & (16 | 32 | 64)) != 0) return features; // 3D mesh, polyface: not an outline
        List<double[]> vs = o.vertices;
        if (vs.size() < 3) return features;
        boolean repeats = vs.get(0)[0] == vs.get(vs.size() - 1)[0] && vs.get(0)[1] == vs.get(vs.size() - 1)[1];
        if ((o.flags & 1) == 0 && !repeats) return features;
        List<Coordinate> ring = new ArrayList<>();
        int n = repeats ? vs.size() - 1 : vs.size();
        for (int i = 0; i < n; i++) {
            double[] a = vs.get(i), b = vs.get((i + 1) % n);
            ring.add(new Coordinate(o.mirrored ? -a[0] : a[0], a[1]));
            if (a[2] != 0) arc(a, b, o.mirrored, ring);
        }
        ring.add(ring.get(0).copy());
        if (ring.size() < 4) return features;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("dxf_layer", o.layer);
        props.put("dxf_handle", o.handle);
        sink.accept(new Feature(features + 1, GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new)), props));
        return features + 1;
    }

    /** The inner points of the arc from a to b with a's bulge (tan of a quarter of the included angle), in 5° steps. */
    private static void arc(double[] a, double[] b, boolean mirrored, List<Coordinate> out) {
        double dx = b[0] - a[0], dy = b[1] - a[1], chord = Math.hypot(dx, dy);
        if (chord == 0) return;
        double theta = 4 * Math.atan(a[2]);
        double d = chord / 2 / Math.tan(theta / 2);
        double cx = (a[0] + b[0]) / 2 - dy / chord * d, cy = (a[1] + b[1]) / 2 + dx / chord * d;
        double radius = Math.hypot(a[0] - cx, a[1] - cy), start = Math.atan2(a[1] - cy, a[0] - cx);
        int steps = Math.max(2, (int) Math.ceil(Math.abs(theta) / Math.toRadians(5)));
        for (int k = 1; k < steps; k++) {
            double angle = start + theta * k / steps;
            double x = cx + radius * Math.cos(angle), y = cy + radius * Math.sin(angle);
            out.add(new Coordinate(mirrored ? -x : x, y));
        }
    }

    private static String decode(String name) {
        Matcher m = UNICODE.matcher(name);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        m.appendTail(sb);
        return sb.toString();
    }
}
