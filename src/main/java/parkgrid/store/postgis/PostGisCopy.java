package parkgrid.store.postgis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;

/**
 * Writes checked rows into one layer table with {@code COPY … FROM STDIN} (PgJDBC's {@link CopyManager}) on the
 * caller's connection, so the rows share its transaction: text format, the geometry as hex EWKB with SRID 4326
 * (what the {@code geometry(kind, 4326)} column reads), NULL as {@code \N}. A multi kind's layer gets a single
 * geometry as a one-part multi, as {@code ST_Multi} does for the INSERT path.
 */
final class PostGisCopy {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final int SRID = 4326;
    private static final int EWKB_SRID_FLAG = 0x20000000;

    private final String sql;
    private final boolean multi;
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
    private final Bytes buffer = new Bytes();

    PostGisCopy(PostGisSql sql, Layer layer) {
        this.sql = sql.copyIn();
        this.multi = layer.geometryKind().name().startsWith("MULTI");
    }

    /** Copies one batch: {@code rows[i]} holds feature i's values in schema order, typed (String, Long, Double, null). */
    void write(Connection c, List<Feature> features, List<Object[]> rows) throws SQLException {
        buffer.reset();
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            ascii(Long.toString(f.id()));
            buffer.write('\t');
            if (f.hasGeometry()) ewkbHex(multi ? asMulti(f.geometry()) : f.geometry()); else ascii("\\N");
            for (Object v : rows.get(i)) {
                buffer.write('\t');
                if (v == null) ascii("\\N");
                else if (v instanceof String s) text(s);
                else ascii(v.toString()); // Long, Double: Java's text is PostgreSQL's input (NaN, Infinity included)
            }
            buffer.write('\n');
        }
        try {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(sql, new ByteArrayInputStream(buffer.bytes, 0, buffer.size));
        } catch (IOException e) {
            throw new SQLException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private void ewkbHex(Geometry g) {
        byte[] b = wkb.write(g);
        // WKB → EWKB: the type word gets the SRID flag and the SRID follows it (little endian, as written)
        int type = (b[1] & 0xFF) | (b[2] & 0xFF) << 8 | (b[3] & 0xFF) << 16 | (b[4] & 0xFF) << 24;
        hex(b[0]);
        int flagged = type | EWKB_SRID_FLAG;
        for (int k = 0; k < 4; k++) hex((byte) (flagged >>> (8 * k)));
        for (int k = 0; k < 4; k++) hex((byte) (SRID >>> (8 * k)));
        buffer.room(2 * (b.length - 5));
        for (int k = 5; k < b.length; k++) hex(b[k]);
    }

    private void hex(byte v) {
        buffer.room(2);
        buffer.bytes[buffer.size++] = HEX[(v >> 4) & 0xF];
        buffer.bytes[buffer.size++] = HEX[v & 0xF];
    }

    private void ascii(String s) {
        buffer.room(s.length());
        for (int k = 0; k < s.length(); k++) buffer.bytes[buffer.size++] = (byte) s.charAt(k);
    }

    /** COPY text escaping: backslash, and the row and column delimiters. */
    private void text(String s) {
        StringBuilder escaped = null;
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            String e = switch (ch) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            if (e != null && escaped == null) escaped = new StringBuilder(s.length() + 8).append(s, 0, k);
            if (escaped != null) {
                if (e != null) escaped.append(e); else escaped.append(ch);
            }
        }
        buffer.writeBytes((escaped == null ? s : escaped.toString()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The batch's COPY text: a growing array written without {@code ByteArrayOutputStream}'s synchronized per-byte
     * calls, handed to PgJDBC without a copy.
     */
    private static final class Bytes {
        byte[] bytes = new byte[1 << 16];
        int size;

        void reset() {
            size = 0;
        }

        void room(int more) {
            if (size + more > bytes.length) bytes = java.util.Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
        }

        void write(int b) {
            room(1);
            bytes[size++] = (byte) b;
        }

        void writeBytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }
    }

    private static Geometry asMulti(Geometry g) {
        GeometryFactory f = g.getFactory();
        if (g instanceof Polygon p) return f.createMultiPolygon(new Polygon[] {p});
        if (g instanceof LineString l) return f.createMultiLineString(new LineString[] {l});
        if (g instanceof Point p) return f.createMultiPoint(new Point[] {p});
        return g;
    }
}
