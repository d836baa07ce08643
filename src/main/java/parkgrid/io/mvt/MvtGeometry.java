package parkgrid.io.mvt;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometry of one MVT feature as its command stream (MVT 2.1 §4.3): MoveTo (1), LineTo (2) and ClosePath (7)
 * command integers ({@code id | count << 3}) each followed by zigzag-encoded deltas from the cursor. Input
 * coordinates are tile coordinates (0..extent, y downwards) and are rounded to integers; repeated points are
 * dropped. Polygon rings are written with the winding the specification asks: exterior rings of positive area by
 * the surveyor's formula in tile coordinates (clockwise on screen), holes negative.
 */
public final class MvtGeometry {
    public static final int POINT = 1, LINESTRING = 2, POLYGON = 3;
    static final int MOVE_TO = 1, LINE_TO = 2, CLOSE_PATH = 7;

    private final int type;
    private int[] commands = new int[16];
    private int length;
    private long cursorX, cursorY;

    private MvtGeometry(int type) {
        this.type = type;
    }

    /**
     * The commands of {@code g} (in tile coordinates); parts that collapse (a line of one point, a ring of
     * fewer than three distinct points) are left out, so the result may be empty.
     *
     * @throws IllegalArgumentException for a geometry collection mixing kinds
     */
    public static MvtGeometry of(Geometry g) {
        int type = typeOf(g);
        MvtGeometry out = new MvtGeometry(type);
        if (type == POINT) out.points(g);
        else for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof LineString l) out.line(l.getCoordinates());
            else if (part instanceof Polygon p) out.polygon(p);
        }
        return out;
    }

    static int typeOf(Geometry g) {
        String t = g.getGeometryType();
        if (t.endsWith("Point")) return POINT;
        if (t.endsWith("LineString") || t.equals("LinearRing")) return LINESTRING;
        if (t.endsWith("Polygon")) return POLYGON;
        throw new IllegalArgumentException("no MVT geometry type for " + t);
    }

    public int type() { return type; }

    public boolean isEmpty() { return length == 0; }

    int[] commands() { return commands; }

    int length() { return length; }

    /** The command integers and parameters as written (parameters zigzag-encoded), for tests. */
    public int[] toArray() {
        return Arrays.copyOf(commands, length);
    }

    private void points(Geometry g) {
        long[][] pts = new long[g.getNumGeometries()][];
        int n = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Point p = (Point) g.getGeometryN(i);
            if (!p.isEmpty()) pts[n++] = new long[] {Math.round(p.getX()), Math.round(p.getY())};
        }
        if (n == 0) return;
        command(MOVE_TO, n);
        for (int i = 0; i < n; i++) delta(pts[i][0], pts[i][1]);
    }

    private void line(Coordinate[] cs) {
        long[][] pts = distinct(cs, false);
        if (pts.length < 2) return;
        command(MOVE_TO, 1);
        delta(pts[0][0], pts[0][1]);
        command(LINE_TO, pts.length - 1);
        for (int i = 1; i < pts.length; i++) delta(pts[i][0], pts[i][1]);
    }

    private void polygon(Polygon p) {
        if (!ring(p.getExteriorRing().getCoordinates(), true)) return; // no holes without their shell
        for (int i = 0; i < p.getNumInteriorRing(); i++) ring(p.getInteriorRingN(i).getCoordinates(), false);
    }

    /** Writes one ring (without its closing point) with the sign of area MVT wants; false when it collapsed. */
    private boolean ring(Coordinate[] cs, boolean exterior) {
        long[][] pts = distinct(cs, true);
        if (pts.length < 3) return false;
        long area2 = surveyorArea2(pts);
        if (area2 == 0) return false;
        if ((area2 > 0) != exterior) reverse(pts);
        command(MOVE_TO, 1);
        delta(pts[0][0], pts[0][1]);
        command(LINE_TO, pts.length - 1);
        for (int i = 1; i < pts.length; i++) delta(pts[i][0], pts[i][1]);
        command(CLOSE_PATH, 1);
        return true;
    }

    /** Twice the signed area by the surveyor's formula, in tile coordinates (y down): positive is clockwise on screen. */
    static long surveyorArea2(long[][] pts) {
        long sum = 0;
        for (int i = 0; i < pts.length; i++) {
            long[] a = pts[i], b = pts[(i + 1) % pts.length];
            sum += a[0] * b[1] - b[0] * a[1];
        }
        return sum;
    }

    private static long[][] distinct(Coordinate[] cs, boolean closed) {
        long[][] out = new long[cs.length][];
        int n = 0;
        for (Coordinate c : cs) {
            long x = Math.round(c.x), y = Math.round(c.y);
            if (n > 0 && out[n - 1][0] == x && out[n - 1][1] == y) continue;
            out[n++] = new long[] {x, y};
        }
        if (closed && n > 1 && out[0][0] == out[n - 1][0] && out[0][1] == out[n - 1][1]) n--;
        return Arrays.copyOf(out, n);
    }

    private static void reverse(long[][] pts) {
        for (int i = 0, j = pts.length - 1; i < j; i++, j--) {
            long[] t = pts[i];
            pts[i] = pts[j];
            pts[j] = t;
        }
    }

    private void command(int id, int count) {
        put((id & 0x7) | (count << 3));
    }

    private void delta(long x, long y) {
        put((int) Protobuf.zigzag(x - cursorX));
        put((int) Protobuf.zigzag(y - cursorY));
        cursorX = x;
        cursorY = y;
    }

    private void put(int v) {
        if (length == commands.length) commands = Arrays.copyOf(commands, length * 2);
        commands[length++] = v;
    }
}
