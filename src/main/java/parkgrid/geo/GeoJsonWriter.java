package parkgrid.geo;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import parkgrid.feature.Feature;

/**
 * Writes RFC 7946 GeoJSON to a Jackson generator: lon/lat WGS84, no {@code crs} member, polygon exterior
 * rings counter-clockwise and holes clockwise (right-hand rule), coordinates rounded to 7 decimals
 * (~1 cm). Streaming: callers write one feature at a time.
 */
public final class GeoJsonWriter {
    /** 7 decimals of a degree is ~1.1 cm at the equator: finer than any survey the data comes from. */
    public static final int COORDINATE_DECIMALS = 7;

    private GeoJsonWriter() {}

    /** Writes a complete Feature object. */
    public static void writeFeature(JsonGenerator g, Feature f) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeNumberField("id", f.id());
        g.writeFieldName("geometry");
        writeGeometry(g, f.geometry());
        g.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof Number n) g.writeNumber(n.doubleValue());
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else g.writeString(v.toString());
    }

    public static void writeGeometry(JsonGenerator g, Geometry geom) throws IOException {
        g.writeStartObject();
        if (geom instanceof Point p) {
            g.writeStringField("type", "Point");
            g.writeFieldName("coordinates");
            if (p.isEmpty()) { g.writeStartArray(); g.writeEndArray(); } else writePosition(g, p.getCoordinate());
        } else if (geom instanceof LinearRing || geom instanceof LineString) {
            g.writeStringField("type", "LineString");
            g.writeFieldName("coordinates");
            writePositions(g, ((LineString) geom).getCoordinateSequence(), false);
        } else if (geom instanceof Polygon poly) {
            g.writeStringField("type", "Polygon");
            g.writeFieldName("coordinates");
            writePolygonRings(g, poly);
        } else if (geom instanceof MultiPoint mp) {
            g.writeStringField("type", "MultiPoint");
            g.writeArrayFieldStart("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) writePosition(g, mp.getGeometryN(i).getCoordinate());
            g.writeEndArray();
        } else if (geom instanceof MultiLineString ml) {
            g.writeStringField("type", "MultiLineString");
            g.writeArrayFieldStart("coordinates");
            for (int i = 0; i < ml.getNumGeometries(); i++) {
                writePositions(g, ((LineString) ml.getGeometryN(i)).getCoordinateSequence(), false);
            }
            g.writeEndArray();
        } else if (geom instanceof MultiPolygon mpoly) {
            g.writeStringField("type", "MultiPolygon");
            g.writeArrayFieldStart("coordinates");
            for (int i = 0; i < mpoly.getNumGeometries(); i++) writePolygonRings(g, (Polygon) mpoly.getGeometryN(i));
            g.writeEndArray();
        } else if (geom instanceof GeometryCollection gc) {
            g.writeStringField("type", "GeometryCollection");
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) writeGeometry(g, gc.getGeometryN(i));
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write geometry type " + geom.getGeometryType());
        }
        g.writeEndObject();
    }

    private static void writePolygonRings(JsonGenerator g, Polygon poly) throws IOException {
        g.writeStartArray();
        if (!poly.isEmpty()) {
            writeRing(g, poly.getExteriorRing(), true);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) writeRing(g, poly.getInteriorRingN(i), false);
        }
        g.writeEndArray();
    }

    private static void writeRing(JsonGenerator g, LinearRing ring, boolean counterClockwise) throws IOException {
        CoordinateSequence seq = ring.getCoordinateSequence();
        boolean reverse = seq.size() >= 4 && Orientation.isCCW(seq) != counterClockwise;
        writePositions(g, seq, reverse);
    }

    private static void writePositions(JsonGenerator g, CoordinateSequence seq, boolean reverse) throws IOException {
        g.writeStartArray();
        int n = seq.size();
        for (int i = 0; i < n; i++) {
            int k = reverse ? n - 1 - i : i;
            g.writeStartArray();
            writeOrdinate(g, seq.getX(k));
            writeOrdinate(g, seq.getY(k));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void writePosition(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        writeOrdinate(g, c.x);
        writeOrdinate(g, c.y);
        g.writeEndArray();
    }

    private static void writeOrdinate(JsonGenerator g, double v) throws IOException {
        // Double.toString of the rounded value is the shortest text that round-trips: at most 7 decimals.
        g.writeNumber(Math.rint(v * 1e7) / 1e7);
    }
}
