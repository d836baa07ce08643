package parkgrid.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads RFC 7946 GeoJSON geometries (lon/lat) into JTS geometries with SRID 4326. Positions with a third
 * ordinate keep only x and y. A {@code crs} member is not looked at here: {@link GeoJsonCrsMember} reads
 * geometries that may declare one.
 *
 * @throws IllegalArgumentException (from every method) naming what is malformed
 */
public final class GeoJsonReader {
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJsonReader() {}

    /** Like {@link #readGeometry}, but a JSON {@code null} (or a missing member) is a feature without a place: null. */
    public static Geometry readGeometryOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : readGeometry(node);
    }

    public static Geometry readGeometry(JsonNode node) {
        if (node == null || !node.isObject()) throw new IllegalArgumentException("geometry must be a GeoJSON object");
        String type = node.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            JsonNode parts = node.path("geometries");
            if (!parts.isArray()) throw new IllegalArgumentException("GeometryCollection needs a 'geometries' array");
            List<Geometry> gs = new ArrayList<>();
            for (JsonNode p : parts) gs.add(readGeometry(p));
            return WGS84.createGeometryCollection(gs.toArray(new Geometry[0]));
        }
        JsonNode c = node.get("coordinates");
        if (c == null || !c.isArray()) throw new IllegalArgumentException(type + " needs a 'coordinates' array");
        switch (type) {
            case "Point": return c.size() == 0 ? WGS84.createPoint() : WGS84.createPoint(position(c));
            case "LineString": return line(c);
            case "Polygon": return polygon(c);
            case "MultiPoint": {
                Point[] ps = new Point[c.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = WGS84.createPoint(position(c.get(i)));
                return WGS84.createMultiPoint(ps);
            }
            case "MultiLineString": {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) ls[i] = line(c.get(i));
                return WGS84.createMultiLineString(ls);
            }
            case "MultiPolygon": {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = polygon(c.get(i));
                return WGS84.createMultiPolygon(ps);
            }
            default:
                throw new IllegalArgumentException("unknown GeoJSON geometry type '" + type + "'");
        }
    }

    private static LineString line(JsonNode c) {
        Coordinate[] cs = positions(c);
        if (cs.length < 2) throw new IllegalArgumentException("a LineString needs at least 2 positions");
        return WGS84.createLineString(cs);
    }

    private static Polygon polygon(JsonNode c) {
        if (!c.isArray() || c.size() == 0) throw new IllegalArgumentException("a Polygon needs at least one ring");
        LinearRing shell = ring(c.get(0));
        LinearRing[] holes = new LinearRing[c.size() - 1];
        for (int i = 1; i < c.size(); i++) holes[i - 1] = ring(c.get(i));
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c) {
        Coordinate[] cs = positions(c);
        if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException("a polygon ring needs at least 4 positions and must be closed");
        }
        return WGS84.createLinearRing(cs);
    }

    private static Coordinate[] positions(JsonNode c) {
        if (!c.isArray()) throw new IllegalArgumentException("expected an array of positions");
        Coordinate[] cs = new Coordinate[c.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = position(c.get(i));
        return cs;
    }

    private static Coordinate position(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("a position must be an array of at least two numbers [lon, lat]");
        }
        double x = p.get(0).asDouble(), y = p.get(1).asDouble();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("position [" + x + ", " + y + "] is not a finite number");
        }
        return new Coordinate(x, y);
    }
}
