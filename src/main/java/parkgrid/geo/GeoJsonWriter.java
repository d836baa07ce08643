package parkgrid.geo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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
 * Writes GeoJSON geometries and features to a Jackson generator, one feature at a time (streaming).
 * {@link #RFC7946} writes what RFC 7946 asks: lon/lat WGS84, no {@code crs} member, exterior rings
 * counter-clockwise and holes clockwise (right-hand rule), 7 decimals (~1 cm). For other CRSs (OGC API
 * Part 2) {@link #forCrs} keeps the right-hand rule in the east/north sense and rounds to the CRS's unit.
 */
public final class GeoJsonWriter {
    /** CRS84 output: 7 decimals of a degree is ~1.1 cm, finer than any survey the data comes from. */
    public static final GeoJsonWriter RFC7946 = new GeoJsonWriter(7, true);

    // The names every feature repeats, UTF-8-encoded once (the generator copies their bytes; the text is the same).
    private static final SerializableString TYPE = new SerializedString("type"), FEATURE = new SerializedString("Feature"),
            ID = new SerializedString("id"), GEOMETRY = new SerializedString("geometry"), PROPERTIES = new SerializedString("properties"),
            COORDINATES = new SerializedString("coordinates"), POINT = new SerializedString("Point"),
            LINE_STRING = new SerializedString("LineString"), POLYGON = new SerializedString("Polygon");

    private final int decimals;
    private final double scale;
    private final boolean exteriorCounterClockwise;

    private GeoJsonWriter(int decimals, boolean exteriorCounterClockwise) {
        this.decimals = decimals;
        this.scale = Math.pow(10, decimals);
        this.exteriorCounterClockwise = exteriorCounterClockwise;
    }

    /** A writer for coordinates already transformed to {@code crs}, in its authority axis order. */
    public static GeoJsonWriter forCrs(SupportedCrs crs) {
        return forCrs(crs, CrsTransformer.AxisOrder.AUTHORITY);
    }

    /** A writer for coordinates already transformed to {@code crs}, in the given axis order. */
    public static GeoJsonWriter forCrs(SupportedCrs crs, CrsTransformer.AxisOrder order) {
        if (crs.isStorageCrs()) return RFC7946;
        boolean swapped = order == CrsTransformer.AxisOrder.AUTHORITY && crs.northingFirst();
        return new GeoJsonWriter(crs.decimals(), !swapped);
    }

    /** Writes a complete Feature object; a feature without a place gets {@code "geometry": null} (RFC 7946 §3.2). */
    public void writeFeature(JsonGenerator g, Feature f) throws IOException {
        g.writeStartObject();
        g.writeFieldName(TYPE);
        g.writeString(FEATURE);
        g.writeFieldName(ID);
        g.writeNumber(f.id());
        g.writeFieldName(GEOMETRY);
        if (f.hasGeometry()) writeGeometry(g, f.geometry()); else g.writeNull();
        g.writeFieldName(PROPERTIES);
        g.writeStartObject();
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof Number n) g.writeNumber(n.doubleValue());
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else g.writeString(v.toString());
    }

    /** The GeoJSON {@code type} this writer gives a geometry (a JTS LinearRing is a GeoJSON LineString). */
    public static String typeName(Geometry geom) {
        return geom instanceof LinearRing ? "LineString" : geom.getGeometryType();
    }

    public void writeGeometry(JsonGenerator g, Geometry geom) throws IOException {
        g.writeStartObject();
        if (geom instanceof Point p) {
            g.writeFieldName(TYPE);
            g.writeString(POINT);
            g.writeFieldName(COORDINATES);
            if (p.isEmpty()) { g.writeStartArray(); g.writeEndArray(); } else writePosition(g, p.getCoordinate());
        } else if (geom instanceof LinearRing || geom instanceof LineString) {
            g.writeFieldName(TYPE);
            g.writeString(LINE_STRING);
            g.writeFieldName(COORDINATES);
            writePositions(g, ((LineString) geom).getCoordinateSequence(), false);
        } else if (geom instanceof Polygon poly) {
            g.writeFieldName(TYPE);
            g.writeString(POLYGON);
            g.writeFieldName(COORDINATES);
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

    private void writePolygonRings(JsonGenerator g, Polygon poly) throws IOException {
        g.writeStartArray();
        if (!poly.isEmpty()) {
            writeRing(g, poly.getExteriorRing(), exteriorCounterClockwise);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) writeRing(g, poly.getInteriorRingN(i), !exteriorCounterClockwise);
        }
        g.writeEndArray();
    }

    private void writeRing(JsonGenerator g, LinearRing ring, boolean counterClockwise) throws IOException {
        CoordinateSequence seq = ring.getCoordinateSequence();
        boolean reverse = seq.size() >= 4 && Orientation.isCCW(seq) != counterClockwise;
        writePositions(g, seq, reverse);
    }

    private void writePositions(JsonGenerator g, CoordinateSequence seq, boolean reverse) throws IOException {
        g.writeStartArray();
        int n = seq.size();
        char[] text = new char[24];
        for (int i = 0; i < n; i++) {
            int k = reverse ? n - 1 - i : i;
            g.writeStartArray();
            writeOrdinate(g, seq.getX(k), text);
            writeOrdinate(g, seq.getY(k), text);
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private void writePosition(JsonGenerator g, Coordinate c) throws IOException {
        char[] text = new char[24];
        g.writeStartArray();
        writeOrdinate(g, c.x, text);
        writeOrdinate(g, c.y, text);
        g.writeEndArray();
    }

    private void writeOrdinate(JsonGenerator g, double v, char[] text) throws IOException {
        // Double.toString of the rounded value is the shortest text that round-trips: no trailing digits. Where it writes
        // plain decimals, the same text comes cheaper from the scaled integer (FixedDecimalText).
        double scaled = Math.rint(v * scale);
        double rounded = scaled / scale;
        if (FixedDecimalText.fits(rounded, decimals)) g.writeNumber(text, 0, FixedDecimalText.write(text, (long) scaled, decimals));
        else g.writeNumber(rounded);
    }
}
