package parkgrid.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.SupportedCrs;

/**
 * Reads a land-approval boundary coordinate file, the "TXT 电子报盘" that CASS and most survey tools export
 * (FACTS.md, confidence [H]):
 *
 * <pre>
 * [属性描述]
 * 坐标系=2000国家大地坐标系
 * 几度分带=3
 * 带号=37
 * [地块坐标]
 * 界址点数,地块面积(公顷),地块编号,地块名称,面,图幅号,地块用途,地类编码,@
 * J1,1,3781508.512,37438683.652
 * …
 * </pre>
 *
 * Point rows are {@code 点号,圈号,X,Y} with X the northing and Y the easting (surveying order); an easting of 8
 * digits before the point carries the zone number ({@code 37…}). 圈号 1 is the outer ring; rings ≥ 2 inside
 * it are holes, outside it further parts. A ring closes by repeating its first point; the {@code @} ends each
 * parcel's header. Only CGCS2000 Gauss–Krüger coordinates are accepted (3° or 6° zones, with or without the
 * zone prefix). Problems name the input the text came in ({@code parameter}) and the line.
 */
public final class BoundaryTxtReader {
    private static final GeometryFactory LON_LAT = GeoJsonReader.WGS84;
    private static final Pattern KEY_VALUE = Pattern.compile("([^=\\s]+)=(\\S*)");

    /**
     * One parcel (地块) of the file.
     *
     * @param code     地块编号
     * @param name     地块名称
     * @param use      地块用途
     * @param geometry its polygon(s), lon/lat
     */
    public record Parcel(String code, String name, String use, Geometry geometry) {}

    /**
     * The file's parcels and the CRS their coordinates were in.
     *
     * @param parcels in file order
     * @param crs     the CGCS2000 Gauss–Krüger CRS of the coordinates
     */
    public record BoundaryFile(List<Parcel> parcels, SupportedCrs crs) {
        /** All parcels as one geometry (a MultiPolygon when there are several), lon/lat. */
        public Geometry boundary() {
            List<Polygon> all = new ArrayList<>();
            for (Parcel p : parcels) {
                for (int i = 0; i < p.geometry().getNumGeometries(); i++) all.add((Polygon) p.geometry().getGeometryN(i));
            }
            return all.size() == 1 ? all.get(0) : LON_LAT.createMultiPolygon(all.toArray(Polygon[]::new));
        }
    }

    private final String parameter;

    /** @param parameter the input the text comes in, named by every problem */
    public BoundaryTxtReader(String parameter) {
        this.parameter = parameter;
    }

    /** @throws ParkGridException (invalid input) naming the parameter and the line */
    public BoundaryFile read(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<RawParcel> raw = new ArrayList<>();
        String section = null;
        String[] lines = text.replace("\uFEFF", "").split("\\r?\\n|\\r");
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            if ("属性描述".equals(section)) {
                Matcher m = KEY_VALUE.matcher(line);
                while (m.find()) attributes.put(m.group(1), m.group(2));
            } else if ("地块坐标".equals(section)) {
                String[] cells = line.split("\\s*,\\s*", -1);
                if (line.endsWith("@")) {
                    raw.add(new RawParcel(cell(cells, 2), cell(cells, 3), cell(cells, 6), lineNo));
                } else {
                    if (raw.isEmpty()) throw problem(lineNo, "a point row comes before any parcel header (a line ending in '@')");
                    if (cells.length < 4) throw problem(lineNo, "a point row needs 点号,圈号,X,Y; got '" + line + "'");
                    int ringNo;
                    double x;
                    double y;
                    try {
                        ringNo = Integer.parseInt(cells[1]);
                        x = Double.parseDouble(cells[2]);
                        y = Double.parseDouble(cells[3]);
                    } catch (NumberFormatException e) {
                        throw problem(lineNo, "圈号 must be an integer and X, Y numbers; got '" + line + "'");
                    }
                    if (!Double.isFinite(x) || !Double.isFinite(y)) throw problem(lineNo, "X and Y must be finite");
                    raw.get(raw.size() - 1).add(ringNo, cells[0], y, x, lineNo); // easting, northing
                }
            }
        }
        if (raw.isEmpty()) throw problem(0, "no parcel found: the file needs a [地块坐标] section with a header line ending in '@'");
        SupportedCrs crs = crs(attributes, raw.get(0).firstEasting());
        CrsTransformer toLonLat = new CrsTransformer(crs);
        List<Parcel> parcels = new ArrayList<>();
        for (RawParcel p : raw) {
            Geometry projected = p.polygons();
            Geometry lonLat = LON_LAT.createGeometry(toLonLat.toCrs84(projected, CrsTransformer.AxisOrder.EAST_NORTH));
            parcels.add(new Parcel(p.code, p.name, p.use, lonLat));
        }
        return new BoundaryFile(parcels, crs);
    }

    private SupportedCrs crs(Map<String, String> attributes, double easting) {
        String datum = attributes.getOrDefault("坐标系", "");
        if (!datum.isEmpty() && !datum.contains("2000") && !datum.toUpperCase(Locale.ROOT).contains("CGCS")) {
            throw problem(0, "坐标系=" + datum + " is not supported: only CGCS2000 (2000国家大地坐标系) Gauss–Krüger coordinates are read");
        }
        String widthText = attributes.getOrDefault("几度分带", "3");
        int width = widthText.isEmpty() ? 3 : parseInt(widthText, "几度分带");
        if (width != 3 && width != 6) throw problem(0, "几度分带=" + widthText + ": only 3° and 6° zones exist");
        int code;
        if (easting >= 1e7) {
            int zone = (int) (easting / 1e6);
            code = width == 3 ? 4513 + zone - 25 : 4491 + zone - 13;
            boolean known = width == 3 ? zone >= 25 && zone <= 45 : zone >= 13 && zone <= 23;
            if (!known) throw problem(0, "the easting " + easting + " carries zone " + zone + ", not a CGCS2000 " + width + "° zone of China");
        } else {
            String zoneText = attributes.getOrDefault("带号", "");
            if (zoneText.isEmpty()) {
                throw problem(0, "the eastings carry no zone prefix and 带号 is empty: give 带号 in [属性描述] (or eastings with the zone prefix)");
            }
            int zone = parseInt(zoneText, "带号");
            int cm = zone > 60 ? zone : width == 3 ? 3 * zone : 6 * zone - 3; // some files give the central meridian
            boolean known = width == 3 ? cm >= 75 && cm <= 135 && cm % 3 == 0 : cm >= 75 && cm <= 135 && (cm - 75) % 6 == 0;
            if (!known) throw problem(0, "带号=" + zoneText + " is not a CGCS2000 " + width + "° zone of China");
            code = width == 3 ? 4534 + (cm - 75) / 3 : 4502 + (cm - 75) / 6;
        }
        return SupportedCrs.forEpsg(code).orElseThrow();
    }

    private int parseInt(String text, String key) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw problem(0, key + "=" + text + " is not an integer");
        }
    }

    private static String cell(String[] cells, int i) {
        return i < cells.length && !cells[i].isBlank() && !cells[i].equals("@") ? cells[i].strip() : null;
    }

    private ParkGridException problem(int line, String detail) {
        return ParkGridException.invalidParameter(parameter, "TXT 电子报盘" + (line > 0 ? " line " + line : "") + ": " + detail);
    }

    /** One parcel as read: its rings by 圈号, in projected metres (x = easting, y = northing). */
    private final class RawParcel {
        final String code;
        final String name;
        final String use;
        final int headerLine;
        final Map<Integer, List<Coordinate>> rings = new LinkedHashMap<>();
        final Map<Integer, List<String>> pointNames = new LinkedHashMap<>();
        final Map<Integer, Integer> lastLine = new LinkedHashMap<>();

        RawParcel(String code, String name, String use, int headerLine) {
            this.code = code;
            this.name = name;
            this.use = use;
            this.headerLine = headerLine;
        }

        void add(int ring, String point, double easting, double northing, int line) {
            rings.computeIfAbsent(ring, k -> new ArrayList<>()).add(new Coordinate(easting, northing));
            pointNames.computeIfAbsent(ring, k -> new ArrayList<>()).add(point);
            lastLine.put(ring, line);
        }

        double firstEasting() {
            if (rings.isEmpty()) throw problem(headerLine, "parcel " + label() + " has no points");
            return rings.values().iterator().next().get(0).x;
        }

        String label() {
            return (code == null ? "" : code) + (name == null ? "" : " " + name);
        }

        Geometry polygons() {
            if (rings.isEmpty()) throw problem(headerLine, "parcel " + label().strip() + " has no points");
            GeometryFactory plane = new GeometryFactory();
            List<LinearRing> closed = new ArrayList<>();
            for (Map.Entry<Integer, List<Coordinate>> e : rings.entrySet()) {
                List<Coordinate> c = e.getValue();
                List<String> names = pointNames.get(e.getKey());
                if (c.size() < 4 || !c.get(0).equals2D(c.get(c.size() - 1))) {
                    throw problem(lastLine.get(e.getKey()), "ring " + e.getKey() + " of parcel " + label().strip() + " is not closed: its last point "
                            + names.get(names.size() - 1) + " does not repeat its first point " + names.get(0)
                            + (c.size() < 4 ? " (a closed ring needs at least 4 points, got " + c.size() + ")" : ""));
                }
                closed.add(plane.createLinearRing(c.toArray(Coordinate[]::new)));
            }
            if (!rings.containsKey(1)) throw problem(headerLine, "parcel " + label().strip() + " has no ring 1 (the outer ring)");
            LinearRing shell = closed.get(new ArrayList<>(rings.keySet()).indexOf(1));
            Polygon outer = plane.createPolygon(shell);
            List<LinearRing> holes = new ArrayList<>();
            List<Polygon> parts = new ArrayList<>();
            for (LinearRing r : closed) {
                if (r == shell) continue;
                if (outer.contains(plane.createPolygon(r))) holes.add(r); else parts.add(plane.createPolygon(r));
            }
            parts.add(0, plane.createPolygon(shell, holes.toArray(LinearRing[]::new)));
            Geometry g = parts.size() == 1 ? parts.get(0) : plane.createMultiPolygon(parts.toArray(Polygon[]::new));
            if (!g.isValid()) {
                var err = new org.locationtech.jts.operation.valid.IsValidOp(g).getValidationError();
                throw problem(headerLine, "parcel " + label().strip() + " is not a valid polygon: " + err.getMessage());
            }
            return g;
        }
    }
}
