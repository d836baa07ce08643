package parkgrid.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.MetricProjection;

/**
 * Which demand features (villages, parcels …) lie within reach of a supplier (substation, transformer,
 * facility …), by straight-line distance or along the line network.
 *
 * <p>Inputs are EPSG:4326 lon/lat features; distances and radii are metres. Straight-line distances are
 * measured on the WGS84 ellipsoid as PostGIS {@code geography} measures them, so the covered set equals
 * {@code ST_DWithin(geography)}'s; the line network, its access legs and the covered areas live in a
 * metric projection ({@link MetricProjection}: the CGCS2000 3° Gauss–Krüger zone of the study area's
 * centre, or the given EPSG code). A demand is <em>covered</em> when some supplier's
 * distance to it is at most that supplier's radius for the demand (radii may differ per supplier and per
 * demand class, so the nearest covering supplier need not be the nearest supplier; both are reported).
 *
 * <ul>
 *   <li>{@link CoverageMode#EUCLIDEAN}: ellipsoidal distance between the geometries (0 when they intersect).
 *   <li>{@link CoverageMode#NETWORK}: straight access from the supplier to its nearest point on the line
 *       network + shortest path along the lines + straight access to the demand's nearest network point.
 *       Suppliers must be points. The network is made of the lines of the assessed level only
 *       ({@link CoverageOptions#networkScope()}, {@link NetworkLines}: a rule radius at 10 kV walks the
 *       {@code voltage_kv = 10} lines; a constant or per-supplier radius walks every line unless a filter is
 *       given), and both access legs are bounded ({@link NetworkScope#defaultMaxAccessMetres}): a demand
 *       farther from the network is "off the network", a supplier farther "has no 10 kV line within …" and
 *       reaches nothing. A demand whose network component no supplier reaches is "not connected". Reasons
 *       name the lines walked and the access leg ({@link DemandResult#accessMetres()}); the summary says
 *       which lines formed the network ({@link CoverageSummary#network()}).
 * </ul>
 *
 * <p>Covered area: Euclidean — the union of each supplier's buffer by its radius (32 segments per
 * quarter circle by default); network — the parts of the lines within reach, buffered by
 * {@link CoverageOptions#areaBufferMetres()} (default 50 m) on each side. One area per supply-area class
 * when the radius depends on the demand's class. Areas are computed on first request.
 *
 * <p>Demands whose population property is null or not a number count as "population unknown" and are
 * left out of both population sums. The analysis checks the {@link CoverageOptions#deadline()} in its loops.
 * An instance is not thread-safe; the results are immutable.
 */
public final class CoverageAnalysis {
    private final List<Feature> suppliers;
    private final List<Feature> demands;
    private final RadiusPolicy policy;
    private final CoverageOptions options;
    private final Deadline deadline;
    private MetricProjection projection;
    private RadiusTable radii;
    private EuclideanCoverage euclidean;
    private NetworkCoverage network;
    private NetworkLines networkLines;
    private LineNetwork lineNetwork;
    private String[] routes;
    private Geometry[] supplierGeometries;
    private Geometry[] demandGeometries;
    private OffNetworkSuppliers offNetwork;
    private List<DemandResult> results;
    private CoverageSummary summary;
    private List<Long> uncovered;
    private List<CoverageArea> areas;

    /** Runs the analysis, including the covered areas. */
    public static CoverageResult analyse(List<Feature> suppliers, List<Feature> demands, RadiusPolicy policy, CoverageOptions options) {
        return new CoverageAnalysis(suppliers, demands, policy, options).getResult();
    }

    /**
     * @param suppliers EPSG:4326 features, at least one, non-empty geometries (points in network mode)
     * @param demands   EPSG:4326 features with non-empty geometries (may be an empty list)
     * @param policy    how far each supplier reaches
     * @param options   mode, line network, population property, deadline …
     * @throws ParkGridException (invalid input) naming {@code suppliers} or {@code demands} for an empty supplier list,
     *                           an empty geometry, or a non-point supplier in network mode
     */
    public CoverageAnalysis(List<Feature> suppliers, List<Feature> demands, RadiusPolicy policy, CoverageOptions options) {
        this.suppliers = List.copyOf(Objects.requireNonNull(suppliers, "suppliers"));
        this.demands = List.copyOf(Objects.requireNonNull(demands, "demands"));
        this.policy = Objects.requireNonNull(policy, "policy");
        this.options = Objects.requireNonNull(options, "options");
        if (this.suppliers.isEmpty()) throw ParkGridException.invalidParameter("suppliers", "the supplier layer has no features");
        for (Feature f : this.suppliers) {
            if (f.geometry().isEmpty()) {
                throw ParkGridException.invalidParameter("suppliers", "supplier " + f.id() + " has an empty geometry");
            }
            if (options.mode() == CoverageMode.NETWORK && !(f.geometry() instanceof Point)) {
                throw ParkGridException.invalidParameter("suppliers", "supplier " + f.id() + " is a " + f.geometry().getGeometryType()
                        + "; network mode needs Point suppliers");
            }
        }
        for (Feature f : this.demands) {
            if (f.geometry().isEmpty()) throw ParkGridException.invalidParameter("demands", "demand " + f.id() + " has an empty geometry");
        }
        this.deadline = Deadline.at(options.deadline(), "coverage");
    }

    /** Computes the per-demand results and summary once; covered areas wait for {@link #getCoveredAreas()}. */
    public void compute() {
        if (results != null) return;
        deadline.check("nothing done yet");
        projection = options.epsg() != null ? new MetricProjection(options.epsg())
                : MetricProjection.forFeatures(List.of(suppliers, demands));
        radii = new RadiusTable(policy, suppliers, demands);
        int n = demands.size();
        int[] covering = new int[n], nearest = new int[n];
        double[] coverDist = new double[n], nearestDist = new double[n];
        if (options.mode() == CoverageMode.EUCLIDEAN) {
            euclidean = new EuclideanCoverage(lonLat(suppliers), lonLat(demands), radii, deadline);
            euclidean.run(covering, coverDist, nearest, nearestDist);
        } else {
            Geometry[] sup = project(suppliers);
            Geometry[] dem = project(demands);
            networkLines = new NetworkLines(options.lines(), options.networkScope(), levelKv(), RadiusPolicy.DEFAULT_VOLTAGE_PROPERTY);
            LineNetwork net = new LineNetwork(networkLines.selected(), projection, options.snapToleranceMetres(), deadline);
            if (net.edgeCount() == 0) throw ParkGridException.invalidParameter("lines", "the line layer has no segments");
            network = new NetworkCoverage(net, attach(net, sup), attach(net, dem), networkLines.maxAccessMetres(), radii, deadline);
            network.run(covering, coverDist, nearest, nearestDist);
            routes = network.routes(covering, coverDist, nearest, networkLines, options.supplierNoun());
            lineNetwork = net;
            supplierGeometries = sup;
            demandGeometries = dem;
        }
        report(covering, coverDist, nearest, nearestDist);
    }

    /** The voltage level assessed: the rule's constant voltage, else unknown. */
    private Double levelKv() {
        return policy instanceof RadiusPolicy.RuleTable rt ? rt.constantVoltageKv() : null;
    }

    private static Geometry[] lonLat(List<Feature> features) {
        Geometry[] out = new Geometry[features.size()];
        for (int i = 0; i < out.length; i++) out[i] = features.get(i).geometry();
        return out;
    }

    private Geometry[] project(List<Feature> features) {
        Geometry[] out = new Geometry[features.size()];
        for (int i = 0; i < out.length; i++) {
            if ((i & 4095) == 4095) deadline.check("projecting features");
            out[i] = projection.project(features.get(i).geometry());
        }
        return out;
    }

    private LineNetwork.Attachment[] attach(LineNetwork net, Geometry[] gs) {
        LineNetwork.Attachment[] out = new LineNetwork.Attachment[gs.length];
        for (int i = 0; i < gs.length; i++) {
            if ((i & 1023) == 1023) deadline.check("attaching features to the line network");
            out[i] = net.attach(gs[i]);
        }
        return out;
    }

    private void report(int[] covering, double[] coverDist, int[] nearest, double[] nearestDist) {
        boolean net = options.mode() == CoverageMode.NETWORK;
        String noun = options.supplierNoun();
        if (net) offNetwork = new OffNetworkSuppliers(network, supplierGeometries, radii, networkLines, noun);
        List<DemandResult> out = new ArrayList<>(demands.size());
        List<Long> missed = new ArrayList<>();
        int coveredCount = 0, unassessed = 0, popUnknown = 0;
        long popCovered = 0, popKnown = 0;
        String popProp = options.populationProperty();
        for (int d = 0; d < demands.size(); d++) {
            Feature f = demands.get(d);
            int k = radii.demandClass[d];
            int c = covering[d], s = nearest[d];
            boolean covered = c >= 0;
            String route = net && routes[d] != null ? ": " + routes[d] : "";
            String reason;
            if (covered) {
                reason = "within " + m(coverDist[d]) + " m of " + noun + " " + radii.supplierId(c)
                        + " (limit " + m(radii.radius(c, k)) + " m" + radii.limitContext(c, k) + ")" + route;
            } else if (k < 0 || Double.isNaN(radii.maxRadius(k))) {
                unassessed++;
                reason = radii.unassessedWhy(k);
            } else if (net && !network.isDemandOnNetwork(d)) {
                reason = offNetworkWhy(d);
            } else if (s < 0) {
                reason = "not connected: no " + noun + " on the " + networkLines.walkedLines() + " reaches it (access leg "
                        + m(network.demandAttachment(d).accessMetres()) + " m)";
            } else if (Double.isNaN(radii.radius(s, k))) {
                reason = "no " + noun + " within its radius; nearest " + noun + " " + radii.supplierId(s) + " is "
                        + m(nearestDist[d]) + " m away but has no radius: " + radii.noRadiusWhy(s, k) + route;
            } else {
                reason = "nearest " + noun + " " + radii.supplierId(s) + " is " + m(nearestDist[d]) + " m away"
                        + ", beyond its " + m(radii.radius(s, k)) + " m radius" + (radii.limitContext(s, k).isEmpty() ? ""
                        : " (" + radii.limitContext(s, k).substring(2) + ")") + route;
            }
            if (net && !covered && k >= 0) reason += offNetwork.note(demandGeometries[d], k);
            Double access = net && network.demandAttachment(d) != null ? network.demandAttachment(d).accessMetres() : null;
            out.add(new DemandResult(f.id(), covered, covered ? radii.supplierId(c) : null, covered ? coverDist[d] : null,
                    s >= 0 ? radii.supplierId(s) : null, s >= 0 ? nearestDist[d] : null, reason, access));
            if (covered) coveredCount++;
            else missed.add(f.id());
            double pop = popProp == null ? Double.NaN : RadiusTable.number(f.properties().get(popProp));
            if (Double.isNaN(pop) || Double.isInfinite(pop)) {
                popUnknown++;
            } else {
                popKnown += Math.round(pop);
                if (covered) popCovered += Math.round(pop);
            }
        }
        results = List.copyOf(out);
        uncovered = List.copyOf(missed);
        summary = new CoverageSummary(demands.size(), coveredCount, unassessed,
                demands.isEmpty() ? 0 : (double) coveredCount / demands.size(), suppliers.size(), popCovered, popKnown,
                popUnknown, popKnown > 0 ? (double) popCovered / popKnown : null, options.mode(), policy.describe(),
                projection.epsg(), net ? networkLines.summary(offNetwork.ids()) : null);
    }

    /** Why demand d is off the network: its nearest line of the network is farther than the access bound. */
    private String offNetworkWhy(int d) {
        LineNetwork.Attachment a = network.demandAttachment(d);
        return "off the network: the nearest of the " + networkLines.walkedLines() + ", "
                + networkLines.lineName(lineNetwork.edgeLineId[a.edge()]) + ", is " + m(a.accessMetres())
                + " m away, beyond the " + m(networkLines.maxAccessMetres()) + " m access leg allowed (" + networkLines.accessOrigin() + ")";
    }

    private static String m(double metres) {
        return RadiusPolicy.formatMetres(metres);
    }

    /** One result per demand feature, in input order. */
    public List<DemandResult> getDemandResults() {
        compute();
        return results;
    }

    public CoverageSummary getSummary() {
        compute();
        return summary;
    }

    /** Ids of the demands not covered, in input order. */
    public List<Long> getUncoveredIds() {
        compute();
        return uncovered;
    }

    /**
     * The covered area per supply-area class, EPSG:4326 (computed on first call; checks the deadline).
     */
    public List<CoverageArea> getCoveredAreas() {
        compute();
        if (areas == null) {
            List<CoverageArea> out = new ArrayList<>();
            for (int k = 0; k < radii.classCount(); k++) {
                Geometry metric = euclidean != null ? euclidean.coveredArea(k, options.quadrantSegments(), projection)
                        : network.coveredArea(k, options.areaBufferMetres());
                out.add(new CoverageArea(radii.classes.get(k), projection.unproject(metric), metric.getArea()));
            }
            areas = List.copyOf(out);
        }
        return areas;
    }

    /** Summary, per-demand results, uncovered ids and covered areas together. */
    public CoverageResult getResult() {
        return new CoverageResult(getSummary(), getDemandResults(), getUncoveredIds(), getCoveredAreas());
    }

    /** The EPSG code of the metric CRS used. */
    public int getEpsg() {
        compute();
        return projection.epsg();
    }
}
