package parkgrid.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;

/**
 * Reads a TXT 电子报盘 ({@link LandApprovalTxt}) into a MultiPolygon layer: one feature per parcel (id = its number
 * in the file), positions as x = easting (Y), y = northing (X) — the file writes northing first. Ring 1 is the
 * outer ring; a further ring inside it is a hole, one outside it another part. An unclosed ring (its last point
 * does not repeat its first) is an error naming the line. The CRS: {@code CGCS2000-GK} (zone from the prefixed
 * easting) when eastings carry the zone; else the zone the header's 带号 and 几度分带 give; else left to the
 * client ({@code zone}, {@code cm}). Charset: the client's, else UTF-8 if the bytes are valid UTF-8, else GBK.
 * Only CGCS2000 files are read (坐标系 blank or naming 2000).
 */
public final class LandApprovalTxtReader implements LayerReader {
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=]+)=([^=]*?)(?=\\s+[^\\s=]+=|$)");

    @Override public String id() { return "txt"; }

    @Override public List<String> extensions() { return List.of(".txt"); }

    @Override
    public Read read(Path file, ReadOptions options) throws IOException {
        Charset charset = options.charset() != null ? options.charset() : LandApprovalTxt.detect(head(file));
        Map<String, String> attributes = new LinkedHashMap<>();
        Double[] firstEasting = {null};
        long[] parcels = {0};
        scan(file, charset, attributes, new ParcelSink() {
            @Override public void parcel(long number, Map<String, Object> properties, Geometry g, Coordinate first) {
                parcels[0]++;
                if (firstEasting[0] == null && first != null) firstEasting[0] = first.x;
            }
        });
        String system = attributes.getOrDefault("坐标系", "");
        if (!system.isBlank() && !system.contains("2000")) {
            throw new IllegalArgumentException("坐标系=" + system + ": only CGCS2000 (2000国家大地坐标系) files are read");
        }
        String description = "TXT 电子报盘" + (attributes.isEmpty() ? "" : ": " + String.join(" ",
                attributes.entrySet().stream().filter(e -> !e.getValue().isBlank()).map(e -> e.getKey() + "=" + e.getValue()).toList()));
        Layer layer = new Layer(options.layerName(), options.layerName(), null, description, GeometryKind.MULTIPOLYGON,
                LandApprovalTxt.SCHEMA, attributes.getOrDefault("数据产生单位", null), null);
        String crs = crs(attributes, firstEasting[0]);
        LayerSource source = new LayerSource() {
            @Override public Layer layer() { return layer; }

            @Override
            public void forEach(FeatureSink sink) throws IOException {
                scan(file, charset, new LinkedHashMap<>(), (number, properties, g, first) -> sink.accept(new Feature(number, g, properties)));
            }
        };
        return new Read(source, crs);
    }

    /** The CRS the header and the first easting give (see the class comment). */
    static String crs(Map<String, String> attributes, Double firstEasting) {
        if (firstEasting != null && firstEasting >= 1_000_000) return "CGCS2000-GK";
        String zone = attributes.getOrDefault("带号", "").trim();
        if (zone.matches("\\d{1,2}")) {
            int z = Integer.parseInt(zone);
            boolean sixDegree = attributes.getOrDefault("几度分带", "3").trim().equals("6");
            int cm = sixDegree ? 6 * z - 3 : 3 * z;
            if (cm >= 75 && cm <= 135) return "EPSG:" + (4534 + (cm - 75) / 3);
        }
        return "CGCS2000-GK";
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(1 << 20);
        }
    }

    /** Told each parcel as it is complete. */
    @FunctionalInterface
    private interface ParcelSink {
        void parcel(long number, Map<String, Object> properties, Geometry g, Coordinate firstPosition) throws IOException;
    }

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** One pass over the file. */
    private static void scan(Path file, Charset charset, Map<String, String> attributes, ParcelSink sink) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
            String section = null;
            Parcel parcel = null;
            long parcels = 0;
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                String t = line.strip();
                if (t.isEmpty()) continue;
                if (t.startsWith("[") && t.endsWith("]")) {
                    section = t;
                    continue;
                }
                if (LandApprovalTxt.ATTRIBUTES.equals(section)) {
                    Matcher m = ATTRIBUTE.matcher(t);
                    while (m.find()) attributes.put(m.group(1), m.group(2).strip());
                    continue;
                }
                if (!LandApprovalTxt.PARCELS.equals(section)) {
                    throw new IllegalArgumentException("line " + lineNo + ": '" + t + "' is outside [属性描述] and [地块坐标]");
                }
                if (t.endsWith("@")) {
                    if (parcel != null) sink.parcel(parcels, parcel.properties, parcel.geometry(lineNo - 1), parcel.first);
                    parcels++;
                    parcel = new Parcel(t, lineNo, parcels);
                    continue;
                }
                if (parcel == null) throw new IllegalArgumentException("line " + lineNo + ": a point before the first parcel header (a line ending in @)");
                parcel.point(t, lineNo);
            }
            if (parcel != null) sink.parcel(parcels, parcel.properties, parcel.geometry(lineNo), parcel.first);
        }
    }

    /** One parcel being read: its header's properties and its rings by ring number. */
    private static final class Parcel {
        final Map<String, Object> properties = new LinkedHashMap<>();
        final long number;
        final Map<Integer, List<Coordinate>> rings = new LinkedHashMap<>();
        final Map<Integer, String> firstNames = new LinkedHashMap<>();
        final Map<Integer, Integer> lastLines = new LinkedHashMap<>();
        final Map<Integer, String> lastNames = new LinkedHashMap<>();
        Coordinate first;

        Parcel(String header, int line, long number) {
            this.number = number;
            String[] f = header.substring(0, header.length() - 1).split(",", -1);
            // f[0] is the point count (界址点数): derived from the points, not kept
            for (int i = 0; i < LandApprovalTxt.SCHEMA.size(); i++) {
                String v = i + 1 < f.length ? f[i + 1].strip() : "";
                properties.put(LandApprovalTxt.SCHEMA.get(i).name(), v.isEmpty() ? null : v);
            }
            if (f.length < 3) throw new IllegalArgumentException("line " + line + ": a parcel header needs 界址点数,地块面积,地块编号,… ending in @");
        }

        void point(String t, int line) {
            String[] f = t.split(",");
            if (f.length < 4) throw new IllegalArgumentException("line " + line + ": a point needs 点号,圈号,X,Y, got '" + t + "'");
            int ring;
            double north, east;
            try {
                ring = Integer.parseInt(f[1].strip());
                north = Double.parseDouble(f[2].strip());
                east = Double.parseDouble(f[3].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + line + ": 圈号, X and Y must be numbers, got '" + t + "'");
            }
            Coordinate c = new Coordinate(east, north);
            if (first == null) first = c;
            rings.computeIfAbsent(ring, k -> new ArrayList<>()).add(c);
            firstNames.putIfAbsent(ring, f[0].strip());
            lastNames.put(ring, f[0].strip());
            lastLines.put(ring, line);
        }

        Geometry geometry(int endLine) {
            if (rings.isEmpty()) throw new IllegalArgumentException("line " + endLine + ": parcel " + number + " has no points");
            List<LinearRing> closed = new ArrayList<>();
            for (Map.Entry<Integer, List<Coordinate>> e : rings.entrySet()) {
                List<Coordinate> ps = e.getValue();
                int line = lastLines.get(e.getKey());
                String where = "line " + line + ": ring " + e.getKey() + " of parcel " + number
                        + (properties.get("parcel_no") == null ? "" : " (" + properties.get("parcel_no") + ")");
                if (ps.size() < 4 || !ps.get(0).equals2D(ps.get(ps.size() - 1))) {
                    throw new IllegalArgumentException(where + " is not closed: its last point " + lastNames.get(e.getKey())
                            + " does not repeat its first point " + firstNames.get(e.getKey()));
                }
                closed.add(GEOMETRY.createLinearRing(ps.toArray(Coordinate[]::new)));
            }
            List<Polygon> parts = new ArrayList<>();
            Polygon outer = GEOMETRY.createPolygon(closed.get(0));
            PreparedGeometry outerShape = PreparedGeometryFactory.prepare(outer);
            List<LinearRing> holes = new ArrayList<>();
            List<Polygon> others = new ArrayList<>();
            for (LinearRing ring : closed.subList(1, closed.size())) {
                if (outerShape.containsProperly(ring)) holes.add(ring); else others.add(GEOMETRY.createPolygon(ring));
            }
            parts.add(GEOMETRY.createPolygon(closed.get(0), holes.toArray(LinearRing[]::new)));
            parts.addAll(others);
            return parts.size() == 1 ? parts.get(0) : GEOMETRY.createMultiPolygon(parts.toArray(Polygon[]::new));
        }
    }
}
