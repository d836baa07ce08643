package parkgrid.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeodesicDistance;
import parkgrid.geo.MetricEnvelope;

/**
 * Every supplier that reaches each demand, straight-line: the coverage sets {@code N_i} of a covering
 * location model, where {@link CoverageAnalysis} keeps only the nearest covering supplier. Distances are
 * metres on the WGS84 ellipsoid between the EPSG:4326 geometries ({@link GeodesicDistance}, as PostGIS
 * {@code geography}), and a supplier reaches a demand when that distance is at most its radius for the
 * demand's class under the {@link RadiusPolicy} (constant, per supplier property, or the rule table by the
 * demand's supply-area class) — the same radii {@link CoverageAnalysis} uses. The suppliers sit in one
 * STR-tree queried once per demand with the box holding everything within the demand class's largest
 * radius ({@link MetricEnvelope}).
 *
 * <p>A demand whose class is missing, or for which no supplier has a radius, is reached by none.
 */
public final class CoverageSets {
    private final List<Feature> suppliers;
    private final List<Feature> demands;
    private final RadiusPolicy policy;
    private final Deadline deadline;
    private int[][] reaching;
    private long pairs;

    /**
     * @param suppliers EPSG:4326 features with non-empty geometries (candidate sites, existing suppliers); may be empty
     * @param demands   EPSG:4326 features with non-empty geometries
     * @param deadline  wall-clock limit, or null for none
     * @throws ParkGridException (invalid input) naming {@code suppliers} or {@code demands} for an empty geometry
     */
    public CoverageSets(List<Feature> suppliers, List<Feature> demands, RadiusPolicy policy, Instant deadline) {
        this.suppliers = List.copyOf(Objects.requireNonNull(suppliers, "suppliers"));
        this.demands = List.copyOf(Objects.requireNonNull(demands, "demands"));
        this.policy = Objects.requireNonNull(policy, "policy");
        for (Feature f : this.suppliers) {
            if (f.geometry() == null || f.geometry().isEmpty()) {
                throw ParkGridException.invalidParameter("suppliers", "supplier " + f.id() + " has no geometry");
            }
        }
        for (Feature f : this.demands) {
            if (f.geometry() == null || f.geometry().isEmpty()) {
                throw ParkGridException.invalidParameter("demands", "demand " + f.id() + " has no geometry");
            }
        }
        this.deadline = Deadline.at(deadline, "coverage sets");
    }

    /**
     * For each demand (input order), the indexes of the suppliers (input order, ascending) that reach it.
     * Computed once.
     *
     * @throws ParkGridException (time limit) past the deadline; (invalid input) naming {@code radius_property} for a
     *                           supplier whose radius property is not a positive number
     */
    public int[][] reachingSuppliers() {
        if (reaching != null) return reaching;
        int[][] out = new int[demands.size()][];
        if (suppliers.isEmpty()) {
            Arrays.fill(out, new int[0]);
            return reaching = out;
        }
        RadiusTable radii = new RadiusTable(policy, suppliers, demands);
        STRtree tree = new STRtree();
        for (int s = 0; s < suppliers.size(); s++) tree.insert(suppliers.get(s).geometry().getEnvelopeInternal(), s);
        tree.build();
        GeodesicDistance[] edges = new GeodesicDistance[suppliers.size()];
        List<Integer> hits = new ArrayList<>();
        for (int d = 0; d < demands.size(); d++) {
            if ((d & 255) == 255) deadline.check("coverage sets, " + d + " of " + demands.size() + " demands done");
            int k = radii.demandClass[d];
            double window = k < 0 ? Double.NaN : radii.maxRadius(k);
            if (Double.isNaN(window)) {
                out[d] = new int[0];
                continue;
            }
            Geometry g = demands.get(d).geometry();
            Envelope env = g.getEnvelopeInternal();
            hits.clear();
            for (Object o : tree.query(MetricEnvelope.around(env, window))) {
                int s = (Integer) o;
                double r = radii.radius(s, k);
                if (Double.isNaN(r)) continue;
                if (distance(s, g, edges, r) <= r) hits.add(s);
            }
            int[] a = new int[hits.size()];
            for (int i = 0; i < a.length; i++) a[i] = hits.get(i);
            Arrays.sort(a);
            out[d] = a;
            pairs += a.length;
        }
        return reaching = out;
    }

    /** Supplier–demand pairs within reach (the non-zeros of the coverage matrix). */
    public long pairCount() {
        reachingSuppliers();
        return pairs;
    }

    private double distance(int s, Geometry demand, GeodesicDistance[] edges, double radius) {
        Geometry sup = suppliers.get(s).geometry();
        if (sup instanceof Point p && demand instanceof Point q) {
            if (GeodesicDistance.lowerBoundMetres(p.getX(), p.getY(), q.getX(), q.getY()) > radius) return Double.POSITIVE_INFINITY;
            return GeodesicDistance.metres(p.getX(), p.getY(), q.getX(), q.getY());
        }
        if (edges[s] == null) edges[s] = new GeodesicDistance(sup);
        return edges[s].to(demand);
    }
}
