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
import parkgrid.geo.MetricProjection;

/**
 * Every supplier that reaches each demand, straight-line or ({@link #alongNetwork}) along the line network: the coverage sets {@code N_i} of a covering
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
    /** Along-the-network reach: the line layer and which of its lines form the network; null lines: straight-line. */
    private List<Feature> lines;
    private NetworkScope scope;
    private NetworkLines networkLines;
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
     * Reach along the line network instead of straight-line, as {@link CoverageAnalysis} in
     * {@link CoverageMode#NETWORK} measures it: straight access leg (bounded by the scope) + path along the lines of
     * the assessed level ({@link NetworkLines}: the rule's voltage unless the scope filters) + access leg, metres in
     * the metric projection of the features. Suppliers must be points.
     *
     * @throws ParkGridException (invalid input) naming {@code lines} when there are none
     */
    public CoverageSets alongNetwork(List<Feature> lineFeatures, NetworkScope networkScope) {
        if (lineFeatures == null || lineFeatures.isEmpty()) throw ParkGridException.invalidParameter("lines", "network reach needs a non-empty line layer");
        this.lines = List.copyOf(lineFeatures);
        this.scope = networkScope == null ? NetworkScope.byLevel() : networkScope;
        this.reaching = null;
        return this;
    }

    /** Which lines formed the network (after {@link #reachingSuppliers()} along the network), or null. */
    public NetworkSummary networkSummary() {
        return networkLines == null ? null : networkLines.summary(List.of());
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
        if (lines != null) return reaching = alongLines(radii, out);
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

    private int[][] alongLines(RadiusTable radii, int[][] out) {
        for (Feature f : suppliers) {
            if (!(f.geometry() instanceof Point)) {
                throw ParkGridException.invalidParameter("suppliers", "supplier " + f.id() + " is a " + f.geometry().getGeometryType()
                        + "; network reach needs Point suppliers");
            }
        }
        MetricProjection projection = MetricProjection.forFeatures(List.of(suppliers, demands));
        Double levelKv = policy instanceof RadiusPolicy.RuleTable rt ? rt.constantVoltageKv() : null;
        networkLines = new NetworkLines(lines, scope, levelKv, RadiusPolicy.DEFAULT_VOLTAGE_PROPERTY);
        LineNetwork net = new LineNetwork(networkLines.selected(), projection, LineNetwork.DEFAULT_SNAP_TOLERANCE_METRES, deadline);
        if (net.edgeCount() == 0) throw ParkGridException.invalidParameter("lines", "the selected lines have no segments");
        double maxAccess = networkLines.maxAccessMetres();
        LineNetwork.Attachment[] sup = new LineNetwork.Attachment[suppliers.size()];
        for (int s = 0; s < sup.length; s++) sup[s] = net.attach(projection.project(suppliers.get(s).geometry()));
        LineNetwork.Attachment[] dem = new LineNetwork.Attachment[demands.size()];
        int e = net.edgeCount();
        int[] start = new int[e + 1];
        for (int d = 0; d < dem.length; d++) {
            if ((d & 1023) == 1023) deadline.check("attaching demands to the line network");
            LineNetwork.Attachment a = net.attach(projection.project(demands.get(d).geometry()));
            dem[d] = a != null && a.accessMetres() <= maxAccess ? a : null;
            if (dem[d] != null) start[dem[d].edge() + 1]++;
        }
        for (int i = 0; i < e; i++) start[i + 1] += start[i];
        int[] onEdge = new int[start[e]];
        int[] fill = Arrays.copyOf(start, e);
        for (int d = 0; d < dem.length; d++) if (dem[d] != null) onEdge[fill[dem[d].edge()]++] = d;
        List<List<Integer>> sets = new ArrayList<>(dem.length);
        for (int d = 0; d < dem.length; d++) sets.add(new ArrayList<>(2));
        NetworkSearch search = new NetworkSearch(net);
        boolean[] seen = new boolean[dem.length];
        List<Integer> hits = new ArrayList<>();
        for (int s = 0; s < sup.length; s++) {
            LineNetwork.Attachment a = sup[s];
            double bound = radii.maxRadiusOf(s);
            if (a == null || a.accessMetres() > maxAccess || Double.isNaN(bound)) continue;
            if ((s & 15) == 15) deadline.check("network reach, " + s + " of " + sup.length + " suppliers searched");
            search.reset();
            double len = net.edgeLength[a.edge()];
            search.seed(net.edgeFrom[a.edge()], a.accessMetres() + a.fraction() * len, s);
            search.seed(net.edgeTo[a.edge()], a.accessMetres() + (1 - a.fraction()) * len, s);
            search.run(bound, deadline);
            hits.clear();
            for (int q = start[a.edge()]; q < start[a.edge() + 1]; q++) { // on the supplier's own edge
                int d = onEdge[q];
                double dist = a.accessMetres() + Math.abs(a.fraction() - dem[d].fraction()) * len + dem[d].accessMetres();
                offer(radii, s, d, dist, seen, hits);
            }
            for (int i = 0; i < search.touchedCount(); i++) {
                int n = search.touched(i);
                double dn = search.dist[n];
                if (dn > bound) continue;
                for (int j = net.adjStart[n]; j < net.adjStart[n + 1]; j++) {
                    int edge = net.adjEdge[j];
                    for (int q = start[edge]; q < start[edge + 1]; q++) {
                        int d = onEdge[q];
                        double along = net.edgeFrom[edge] == n ? dem[d].fraction() : 1 - dem[d].fraction();
                        offer(radii, s, d, dn + along * net.edgeLength[edge] + dem[d].accessMetres(), seen, hits);
                    }
                }
            }
            for (int d : hits) {
                seen[d] = false;
                sets.get(d).add(s);
            }
        }
        for (int d = 0; d < dem.length; d++) {
            out[d] = sets.get(d).stream().mapToInt(Integer::intValue).toArray(); // suppliers were searched in order: ascending
            pairs += out[d].length;
        }
        return out;
    }

    private static void offer(RadiusTable radii, int s, int d, double dist, boolean[] seen, List<Integer> hits) {
        int k = radii.demandClass[d];
        if (seen[d] || k < 0 || !(dist <= radii.radius(s, k))) return;
        seen[d] = true;
        hits.add(d);
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
