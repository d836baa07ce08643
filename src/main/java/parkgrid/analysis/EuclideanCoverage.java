package parkgrid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

/**
 * The Euclidean engine of {@link CoverageAnalysis}: planar distances between projected geometries,
 * with an STR-tree of the suppliers. For each demand the tree is queried once with a window of the
 * largest radius of the demand's class; the nearest covering supplier (distance ≤ its own radius) and the
 * nearest supplier overall come from the same candidates, falling back to a nearest-neighbour search
 * when no supplier lies within the window.
 */
final class EuclideanCoverage {
    private final Geometry[] suppliers;
    private final Geometry[] demands;
    private final RadiusTable radii;
    private final Deadline deadline;
    private final STRtree tree = new STRtree();

    EuclideanCoverage(Geometry[] suppliers, Geometry[] demands, RadiusTable radii, Deadline deadline) {
        this.suppliers = suppliers;
        this.demands = demands;
        this.radii = radii;
        this.deadline = deadline;
        for (int s = 0; s < suppliers.length; s++) tree.insert(suppliers[s].getEnvelopeInternal(), s);
        tree.build();
    }

    void run(int[] covering, double[] coverDist, int[] nearest, double[] nearestDist) {
        int k = radii.classCount();
        double[] maxR = new double[k];
        for (int c = 0; c < k; c++) maxR[c] = radii.maxRadius(c);
        ItemDistance itemDistance = (ItemBoundable a, ItemBoundable b) -> distance(geometryOf(a.getItem()), geometryOf(b.getItem()));
        for (int d = 0; d < demands.length; d++) {
            if ((d & 1023) == 1023) deadline.check("Euclidean coverage, " + d + " of " + demands.length + " demands done");
            Geometry g = demands[d];
            int cls = radii.demandClass[d];
            double window = cls < 0 ? Double.NaN : maxR[cls];
            int best = -1, near = -1;
            double bestD = Double.POSITIVE_INFINITY, nearD = Double.POSITIVE_INFINITY;
            if (!Double.isNaN(window)) {
                Envelope q = new Envelope(g.getEnvelopeInternal());
                q.expandBy(window);
                for (Object o : tree.query(q)) {
                    int s = (Integer) o;
                    double dist = distance(suppliers[s], g);
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
            if (near < 0 || nearD > window || Double.isNaN(window)) {
                // nothing within the window: any candidate found is not necessarily the nearest
                Object o = tree.nearestNeighbour(g.getEnvelopeInternal(), g, itemDistance);
                near = (Integer) o;
                nearD = distance(suppliers[near], g);
            }
            covering[d] = best;
            coverDist[d] = bestD;
            nearest[d] = near;
            nearestDist[d] = nearD;
        }
    }

    private Geometry geometryOf(Object item) {
        return item instanceof Integer s ? suppliers[s] : (Geometry) item;
    }

    static double distance(Geometry a, Geometry b) {
        if (a instanceof Point p && b instanceof Point q) {
            return Math.hypot(p.getX() - q.getX(), p.getY() - q.getY());
        }
        return a.distance(b);
    }

    /** Union of each supplier's buffer by its class-k radius (metric CRS); empty when none has one. */
    Geometry coveredArea(int k, int quadrantSegments) {
        List<Geometry> buffers = new ArrayList<>();
        for (int s = 0; s < suppliers.length; s++) {
            double r = radii.radius(s, k);
            if (Double.isNaN(r)) continue;
            if ((s & 255) == 255) deadline.check("buffering covered areas, " + s + " of " + suppliers.length + " suppliers");
            buffers.add(suppliers[s].buffer(r, quadrantSegments, BufferParameters.CAP_ROUND));
        }
        if (buffers.isEmpty()) return suppliers[0].getFactory().createPolygon();
        deadline.check("uniting " + buffers.size() + " covered areas");
        Geometry u = CascadedPolygonUnion.union(buffers);
        return u == null ? suppliers[0].getFactory().createPolygon() : u;
    }
}
