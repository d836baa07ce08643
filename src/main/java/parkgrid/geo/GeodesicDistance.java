package parkgrid.geo;

import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Shortest distance in metres on the WGS84 ellipsoid from one EPSG:4326 lon/lat geometry (the
 * <em>target</em>) to others, computed as PostGIS {@code geography} computes {@code ST_Distance} and
 * {@code ST_DWithin} (spheroid): between two points, the geodesic of GeographicLib's inverse solution
 * (PostGIS calls the same algorithm, so the two agree to nanometres); otherwise 0 when the geometries
 * intersect (tested on lon/lat, as PostGIS {@code geometry} does), else the closest pair of positions is
 * found on the sphere with edges as great-circle arcs, as PostGIS does, and that pair is measured on the
 * ellipsoid. CGCS2000's GRS80 ellipsoid differs from WGS84 by 0.1 mm in the semi-minor axis, far below
 * anything measured here.
 *
 * <p>Candidate edges come from an index of the target's arcs searched with a box around each edge of the
 * other geometry ({@link MetricEnvelope}) grown by an upper bound of the answer, so a target with many
 * vertices costs a logarithmic search per edge. Thread-safe once built; the index is built on the first
 * non-point question.
 */
public final class GeodesicDistance {
    private final Geometry target;
    private PreparedGeometry prepared;
    private IndexedFacetDistance facets;
    private STRtree arcs;

    public GeodesicDistance(Geometry targetLonLat) {
        if (targetLonLat.isEmpty()) throw new IllegalArgumentException("the target geometry is empty");
        this.target = targetLonLat;
    }

    /** Ellipsoidal distance in metres between two lon/lat positions (degrees). */
    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12;
    }

    private static final double A = 6_378_137.0;
    private static final double E2 = 0.00669437999014; // first eccentricity squared of WGS84
    /** Relative error the flat-earth distance is trusted to stay within, and the range where it is used. */
    private static final double FLAT_ERROR = 0.005;
    private static final double FLAT_RANGE_METRES = 500_000;

    /**
     * A cheap lower bound of {@link #metres(double, double, double, double)}, for skipping exact
     * computations that cannot change an answer: the flat-earth distance with the meridian and
     * prime-vertical radii at the mean latitude, less 0.5 % and 1 mm. Below 500 km and within 70° of the
     * equator that approximation errs by at most 0.22 % (0.002 % below 50 km; measured over a million random
     * pairs, and GeodesicDistanceTest checks the bound on 200 000); elsewhere the bound is 0.
     */
    public static double lowerBoundMetres(double lon1, double lat1, double lon2, double lat2) {
        double mid = Math.toRadians((lat1 + lat2) / 2);
        if (Math.abs(mid) > Math.toRadians(70)) return 0;
        double sin = Math.sin(mid), w = 1 - E2 * sin * sin;
        double n = A / Math.sqrt(w), m = n * (1 - E2) / w;
        double dLon = lon2 - lon1;
        if (dLon > 180) dLon -= 360;
        else if (dLon < -180) dLon += 360;
        double north = Math.toRadians(lat2 - lat1) * m, east = Math.toRadians(dLon) * n * Math.cos(mid);
        double flat = Math.sqrt(north * north + east * east); // not Math.hypot: StrictMath's is slow, and nothing overflows here
        return flat > FLAT_RANGE_METRES ? 0 : Math.max(0, flat * (1 - FLAT_ERROR) - 0.001);
    }

    /** Ellipsoidal distance in metres between two positions (x = lon, y = lat). */
    public static double metres(Coordinate a, Coordinate b) {
        return metres(a.x, a.y, b.x, b.y);
    }

    /** Shortest distance in metres between two lon/lat geometries; for repeated questions keep an instance. */
    public static double metres(Geometry a, Geometry b) {
        if (a instanceof Point p && b instanceof Point q) return metres(p.getX(), p.getY(), q.getX(), q.getY());
        return new GeodesicDistance(a).to(b);
    }

    /** Length in metres of a lon/lat line (the rings' perimeter for polygons): geodesic segment by segment. */
    public static double lengthMetres(Geometry lonLat) {
        double sum = 0;
        for (int i = 0; i < lonLat.getNumGeometries(); i++) {
            Geometry part = lonLat.getGeometryN(i);
            if (part instanceof LineString l) sum += length(l.getCoordinateSequence());
            else if (part instanceof org.locationtech.jts.geom.Polygon p) {
                sum += length(p.getExteriorRing().getCoordinateSequence());
                for (int k = 0; k < p.getNumInteriorRing(); k++) sum += length(p.getInteriorRingN(k).getCoordinateSequence());
            }
        }
        return sum;
    }

    private static double length(CoordinateSequence s) {
        double sum = 0;
        for (int i = 1; i < s.size(); i++) sum += metres(s.getX(i - 1), s.getY(i - 1), s.getX(i), s.getY(i));
        return sum;
    }

    public Geometry target() {
        return target;
    }

    /** Shortest distance in metres from the target to {@code other} (lon/lat, non-empty); 0 when they intersect. */
    public double to(Geometry other) {
        if (other.isEmpty()) throw new IllegalArgumentException("the other geometry is empty");
        if (target instanceof Point p && other instanceof Point q) return metres(p.getX(), p.getY(), q.getX(), q.getY());
        build();
        if (prepared.intersects(other)) return 0;
        // any pair of positions bounds the answer from above; the planar nearest pair in degrees is a close one
        Coordinate[] pair = facets.nearestPoints(other);
        double bound = metres(pair[0], pair[1]) * 1.01 + 1;
        double[] best = null;
        for (SphericalArc edge : SphericalArc.of(other)) {
            @SuppressWarnings("unchecked")
            List<SphericalArc> near = arcs.query(MetricEnvelope.around(edge.envelope, bound));
            for (SphericalArc t : near) {
                double[] c = t.closestPair(edge);
                if (best == null || c[4] < best[4]) best = c;
            }
        }
        if (best == null) return metres(pair[0], pair[1]); // cannot happen: the bound holds the planar pair's edges
        return metres(best[0], best[1], best[2], best[3]);
    }

    private synchronized void build() {
        if (arcs != null) return;
        prepared = PreparedGeometryFactory.prepare(target);
        facets = new IndexedFacetDistance(target);
        STRtree tree = new STRtree();
        for (SphericalArc a : SphericalArc.of(target)) tree.insert(a.envelope, a);
        tree.build();
        arcs = tree;
    }
}
