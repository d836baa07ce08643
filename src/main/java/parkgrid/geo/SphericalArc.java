package parkgrid.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * One edge of a lon/lat geometry as PostGIS {@code geography} sees it: the great-circle arc between two
 * vertices on the unit sphere (geodetic latitude taken as spherical latitude). A point is an arc of
 * length 0. Used to find the closest pair of positions the way PostGIS does before measuring that pair on
 * the ellipsoid.
 */
final class SphericalArc {
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    final double lonA, latA, lonB, latB;
    private final double[] a, b;
    /** Unit normal of the arc's great circle; null for a point or a degenerate arc. */
    private final double[] normal;
    /** The lon/lat box of the arc, grown to hold its poleward bulge. */
    final Envelope envelope;

    private SphericalArc(double lonA, double latA, double lonB, double latB) {
        this.lonA = lonA;
        this.latA = latA;
        this.lonB = lonB;
        this.latB = latB;
        this.a = unit(lonA, latA);
        this.b = unit(lonB, latB);
        double[] n = cross(a, b);
        double len = norm(n);
        this.normal = len < 1e-15 ? null : new double[] {n[0] / len, n[1] / len, n[2] / len};
        Envelope e = new Envelope(lonA, lonB, latA, latB);
        // a great circle leaves the lon/lat box of its ends by L²/8R · tan φ; 1 % of the length covers arcs up to ~300 km
        double lengthMetres = angle(a, b) * EARTH_RADIUS_METRES;
        this.envelope = lengthMetres == 0 ? e : MetricEnvelope.around(e, lengthMetres * 0.01);
    }

    /** The arcs of a geometry's boundary-or-self: each line and ring segment, each point as an arc of length 0. */
    static List<SphericalArc> of(Geometry g) {
        List<SphericalArc> out = new ArrayList<>();
        add(g, out);
        return out;
    }

    private static void add(Geometry g, List<SphericalArc> out) {
        if (g.isEmpty()) return;
        if (g instanceof Point p) {
            out.add(new SphericalArc(p.getX(), p.getY(), p.getX(), p.getY()));
        } else if (g instanceof LineString l) {
            CoordinateSequence s = l.getCoordinateSequence();
            if (s.size() == 1) out.add(new SphericalArc(s.getX(0), s.getY(0), s.getX(0), s.getY(0)));
            for (int i = 1; i < s.size(); i++) out.add(new SphericalArc(s.getX(i - 1), s.getY(i - 1), s.getX(i), s.getY(i)));
        } else if (g instanceof Polygon poly) {
            add(poly.getExteriorRing(), out);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) add(poly.getInteriorRingN(i), out);
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) add(g.getGeometryN(i), out);
        }
    }

    /**
     * The closest pair of positions between this arc and {@code other} on the sphere, as
     * {@code {lon1, lat1, lon2, lat2, angle}} (angle in radians): 0 where the arcs cross, otherwise the
     * nearest of the four end-to-arc approaches (the minimum of two non-crossing arcs is at an end of one).
     */
    double[] closestPair(SphericalArc other) {
        if (crosses(other)) {
            double[] x = crossing(other);
            double[] ll = lonLat(x);
            return new double[] {ll[0], ll[1], ll[0], ll[1], 0};
        }
        double[] best = other.closestTo(lonA, latA, a, false);
        best = nearer(best, other.closestTo(lonB, latB, b, false));
        best = nearer(best, closestTo(other.lonA, other.latA, other.a, true));
        return nearer(best, closestTo(other.lonB, other.latB, other.b, true));
    }

    private static double[] nearer(double[] p, double[] q) {
        return q[4] < p[4] ? q : p;
    }

    /**
     * The point of this arc closest to position {@code p} ({@code lon, lat}, unit vector {@code v}), as
     * {@code {pLon, pLat, lon, lat, angle}}, or with the pairs swapped when {@code swap}.
     */
    private double[] closestTo(double lon, double lat, double[] v, boolean swap) {
        double[] c;
        double cLon, cLat;
        double[] onCircle = normal == null ? null : projectOntoCircle(v);
        if (onCircle != null && isBetweenEnds(onCircle)) {
            c = onCircle;
            double[] ll = lonLat(c);
            cLon = ll[0];
            cLat = ll[1];
        } else if (angle(v, a) <= angle(v, b)) {
            c = a;
            cLon = lonA;
            cLat = latA;
        } else {
            c = b;
            cLon = lonB;
            cLat = latB;
        }
        double ang = angle(v, c);
        return swap ? new double[] {cLon, cLat, lon, lat, ang} : new double[] {lon, lat, cLon, cLat, ang};
    }

    private double[] projectOntoCircle(double[] v) {
        double d = dot(v, normal);
        double[] p = {v[0] - d * normal[0], v[1] - d * normal[1], v[2] - d * normal[2]};
        double len = norm(p);
        if (len < 1e-15) return null; // v is a pole of the circle: every point of it is as far
        return new double[] {p[0] / len, p[1] / len, p[2] / len};
    }

    /** For a point of the arc's great circle: true when it lies on the shorter arc from a to b. */
    private boolean isBetweenEnds(double[] c) {
        return dot(cross(a, c), normal) >= 0 && dot(cross(c, b), normal) >= 0;
    }

    private boolean crosses(SphericalArc o) {
        if (normal == null || o.normal == null) return false;
        double s1 = dot(normal, o.a), s2 = dot(normal, o.b), s3 = dot(o.normal, a), s4 = dot(o.normal, b);
        if (s1 * s2 > 0 || s3 * s4 > 0 || (s1 == 0 && s2 == 0)) return false;
        double[] x = crossing(o);
        return x != null && isBetweenEnds(x) && o.isBetweenEnds(x);
    }

    /** The intersection of the two great circles lying in this arc's hemisphere, null when they coincide. */
    private double[] crossing(SphericalArc o) {
        double[] x = cross(normal, o.normal);
        double len = norm(x);
        if (len < 1e-15) return a;
        x = new double[] {x[0] / len, x[1] / len, x[2] / len};
        double[] mid = {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
        return dot(x, mid) >= 0 ? x : new double[] {-x[0], -x[1], -x[2]};
    }

    static double[] unit(double lon, double lat) {
        double l = Math.toRadians(lon), p = Math.toRadians(lat);
        double cp = Math.cos(p);
        return new double[] {cp * Math.cos(l), cp * Math.sin(l), Math.sin(p)};
    }

    private static double[] lonLat(double[] v) {
        return new double[] {Math.toDegrees(Math.atan2(v[1], v[0])), Math.toDegrees(Math.atan2(v[2], Math.hypot(v[0], v[1])))};
    }

    /** Angle between unit vectors, radians; atan2 keeps it exact for small angles. */
    static double angle(double[] u, double[] v) {
        return Math.atan2(norm(cross(u, v)), dot(u, v));
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double norm(double[] u) {
        return Math.sqrt(dot(u, u));
    }
}
