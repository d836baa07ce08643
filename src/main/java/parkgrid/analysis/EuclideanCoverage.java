package parkgrid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import parkgrid.geo.GeodesicDistance;
import parkgrid.geo.MetricEnvelope;
import parkgrid.geo.MetricProjection;

/**
 * The straight-line engine of {@link CoverageAnalysis}. Every distance that decides an answer (within a
 * radius, nearest) is measured on the WGS84 ellipsoid ({@link GeodesicDistance}, as PostGIS
 * {@code geography}'s {@code ST_DWithin} / {@code ST_Distance}), between the EPSG:4326 geometries. An
 * STR-tree of the suppliers' lon/lat boxes gives the candidates: for each demand it is queried once with
 * the box holding everything within the largest radius of the demand's class ({@link MetricEnvelope});
 * the nearest covering supplier (distance ≤ its own radius) and the nearest supplier overall come from the
 * same candidates. When no supplier lies within that radius the box grows fourfold until one lies within
 * the box's own radius. Covered areas are buffers in the metric projection (areas, not decisions).
 */
final class EuclideanCoverage {
    private final Geometry[] suppliers;
    private final Geometry[] demands;
    private final RadiusTable radii;
    private final Deadline deadline;
    private final STRtree tree = new STRtree();
    private final Envelope supplierExtent = new Envelope();
    /** For suppliers that are not points: an index of their edges, built on first use. */
    private final GeodesicDistance[] edgeDistance;

    /** @param suppliers, demands EPSG:4326 lon/lat, non-empty */
    EuclideanCoverage(Geometry[] suppliers, Geometry[] demands, RadiusTable radii, Deadline deadline) {
        this.suppliers = suppliers;
        this.demands = demands;
        this.radii = radii;
        this.deadline = deadline;
        this.edgeDistance = new GeodesicDistance[suppliers.length];
        for (int s = 0; s < suppliers.length; s++) {
            Envelope e = suppliers[s].getEnvelopeInternal();
            tree.insert(e, s);
            supplierExtent.expandToInclude(e);
        }
        tree.build();
    }

    void run(int[] covering, double[] coverDist, int[] nearest, double[] nearestDist) {
        int k = radii.classCount();
        double[] maxR = new double[k];
        for (int c = 0; c < k; c++) maxR[c] = radii.maxRadius(c);
        for (int d = 0; d < demands.length; d++) {
            if ((d & 1023) == 1023) deadline.check("straight-line coverage, " + d + " of " + demands.length + " demands done");
            Geometry g = demands[d];
            Envelope env = g.getEnvelopeInternal();
            int cls = radii.demandClass[d];
            double window = cls < 0 ? Double.NaN : maxR[cls];
            int best = -1, near = -1;
            double bestD = Double.POSITIVE_INFINITY, nearD = Double.POSITIVE_INFINITY;
            if (!Double.isNaN(window)) {
                for (Object o : tree.query(MetricEnvelope.around(env, window))) {
                    int s = (Integer) o;
                    double dist = distance(s, g);
                    if (dist < nearD || (dist == nearD && s < near)) {
                        nearD = dist;
                        near = s;
                    }
                    if (dist <= radii.radius(s, cls) && (dist < bestD || (dist == bestD && s < best))) {
                        bestD = dist;
                        best = s;
                    }
                }
            }
            if (near < 0 || !(nearD <= window)) {
                // nothing within the window: grow it until its box holds a supplier within its radius
                near = -1;
                nearD = Double.POSITIVE_INFINITY;
                for (double r = Double.isNaN(window) ? 1_000 : Math.max(1_000, window * 4); ; r *= 4) {
                    Envelope box = MetricEnvelope.around(env, r);
                    for (Object o : tree.query(box)) {
                        int s = (Integer) o;
                        double dist = distance(s, g);
                        if (dist < nearD || (dist == nearD && s < near)) {
                            nearD = dist;
                            near = s;
                        }
                    }
                    if ((near >= 0 && nearD <= r) || box.covers(supplierExtent)) break;
                }
            }
            covering[d] = best;
            coverDist[d] = bestD;
            nearest[d] = near;
            nearestDist[d] = nearD;
        }
    }

    /** Ellipsoidal distance in metres between supplier {@code s} and a demand geometry. */
    private double distance(int s, Geometry demand) {
        Geometry sup = suppliers[s];
        if (sup instanceof Point p && demand instanceof Point q) return GeodesicDistance.metres(p.getX(), p.getY(), q.getX(), q.getY());
        if (edgeDistance[s] == null) edgeDistance[s] = new GeodesicDistance(sup);
        return edgeDistance[s].to(demand);
    }

    /**
     * Union of each supplier's buffer by its class-k radius, in the metric CRS of {@code projection};
     * empty when none has one.
     */
    Geometry coveredArea(int k, int quadrantSegments, MetricProjection projection) {
        List<Geometry> buffers = new ArrayList<>();
        for (int s = 0; s < suppliers.length; s++) {
            double r = radii.radius(s, k);
            if (Double.isNaN(r)) continue;
            if ((s & 255) == 255) deadline.check("buffering covered areas, " + s + " of " + suppliers.length + " suppliers");
            buffers.add(projection.project(suppliers[s]).buffer(r, quadrantSegments, BufferParameters.CAP_ROUND));
        }
        if (buffers.isEmpty()) return projection.project(suppliers[0]).getFactory().createPolygon();
        deadline.check("uniting " + buffers.size() + " covered areas");
        Geometry u = CascadedPolygonUnion.union(buffers);
        return u == null ? buffers.get(0).getFactory().createPolygon() : u;
    }
}
