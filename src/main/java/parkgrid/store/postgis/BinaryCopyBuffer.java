package parkgrid.store.postgis;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The bytes of {@code COPY … (FORMAT binary)} rows, written in place into one growing array that PgJDBC sends
 * without a copy: the format's own words in network order, text as UTF-8 and geometries as 2D little-endian EWKB,
 * both encoded straight into the array (no {@code String.getBytes} or {@code WKBWriter} array per value, which were
 * a third of an import's CPU). The EWKB is what JTS's {@code WKBWriter(2, LITTLE_ENDIAN)} writes, with the SRID flag
 * and SRID on the outer geometry, as PostGIS's {@code ST_AsEWKB} has it.
 */
final class BinaryCopyBuffer {
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int EWKB_SRID_FLAG = 0x20000000;

    private byte[] bytes = new byte[1 << 16];
    private int size;

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    void raw(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    void int16(int v) {
        room(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void int32(int v) {
        room(4);
        INT_BE.set(bytes, size, v);
        size += 4;
    }

    /** A NULL field: length −1, no bytes. */
    void nullField() {
        int32(-1);
    }

    /** An int8 field. */
    void int8Field(long v) {
        room(12);
        INT_BE.set(bytes, size, 8);
        LONG_BE.set(bytes, size + 4, v);
        size += 12;
    }

    /** A float8 field: the IEEE bits, NaN and ±Infinity as they are. */
    void float8Field(double v) {
        int8Field(Double.doubleToRawLongBits(v));
    }

    /**
     * A text field: the string's UTF-8, a lone surrogate written as {@code ?} as {@code String.getBytes(UTF_8)}
     * writes it.
     */
    void textField(String s) {
        int n = s.length();
        room(4 + 3 * n);
        int lengthAt = size;
        int p = size + 4;
        byte[] b = bytes;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p++] = (byte) (0xF0 | cp >> 18);
                    b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    b[p++] = '?';
                }
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        INT_BE.set(b, lengthAt, p - lengthAt - 4);
        size = p;
    }

    /** A geometry field: its length, then the geometry as EWKB with this SRID. */
    void ewkbField(Geometry g, int srid) {
        room(4);
        int lengthAt = size;
        size += 4;
        geometry(g, srid, true);
        INT_BE.set(bytes, lengthAt, size - lengthAt - 4);
    }

    private void geometry(Geometry g, int srid, boolean outer) {
        room(9);
        bytes[size++] = 1; // little endian
        int type = type(g);
        INT_LE.set(bytes, size, outer ? type | EWKB_SRID_FLAG : type);
        size += 4;
        if (outer) {
            INT_LE.set(bytes, size, srid);
            size += 4;
        }
        if (g instanceof Point p) {
            if (p.isEmpty()) {
                ordinate(Double.NaN);
                ordinate(Double.NaN);
            } else {
                coordinates(p.getCoordinateSequence(), false);
            }
        } else if (g instanceof LineString l) {
            coordinates(l.getCoordinateSequence(), true);
        } else if (g instanceof Polygon poly) {
            if (poly.isEmpty()) {
                count(0);
                return;
            }
            count(1 + poly.getNumInteriorRing());
            coordinates(poly.getExteriorRing().getCoordinateSequence(), true);
            for (int k = 0; k < poly.getNumInteriorRing(); k++) coordinates(poly.getInteriorRingN(k).getCoordinateSequence(), true);
        } else {
            count(g.getNumGeometries());
            for (int k = 0; k < g.getNumGeometries(); k++) geometry(g.getGeometryN(k), srid, false);
        }
    }

    private static int type(Geometry g) {
        if (g instanceof Point) return 1;
        if (g instanceof LineString) return 2; // a LinearRing too, as WKBWriter has it
        if (g instanceof Polygon) return 3;
        if (g instanceof MultiPoint) return 4;
        if (g instanceof MultiLineString) return 5;
        if (g instanceof MultiPolygon) return 6;
        if (g instanceof GeometryCollection) return 7;
        throw new IllegalArgumentException("no WKB type for " + g.getGeometryType());
    }

    private void count(int n) {
        room(4);
        INT_LE.set(bytes, size, n);
        size += 4;
    }

    private void coordinates(CoordinateSequence seq, boolean counted) {
        int n = seq.size();
        room(4 + 16 * n);
        if (counted) count(n);
        for (int i = 0; i < n; i++) {
            LONG_LE.set(bytes, size, Double.doubleToLongBits(seq.getX(i)));
            LONG_LE.set(bytes, size + 8, Double.doubleToLongBits(seq.getY(i)));
            size += 16;
        }
    }

    private void ordinate(double v) {
        room(8);
        LONG_LE.set(bytes, size, Double.doubleToLongBits(v));
        size += 8;
    }

    private void room(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
    }
}
