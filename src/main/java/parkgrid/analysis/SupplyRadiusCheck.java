package parkgrid.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.MetricProjection;

/**
 * Checks the supply radius of the sources of one voltage level against a {@link SupplyRadiusRules} table:
 * for 10 kV the sources are substations (feeders start there) and the loads are distribution transformers;
 * for 0.4 kV the sources are transformers and the loads are the far ends of the 0.4 kV lines.
 *
 * <p>The network ({@link LineNetwork}, metric CRS of {@link MetricProjection}, metres) is formed by the lines a
 * {@link NetworkScope} selects ({@link NetworkLines}): by default those whose voltage property equals the
 * checked voltage, or those an explicit filter keeps. Sources and load features farther than the access bound
 * from those lines (default by level: 10 kV 500 m, 0.4 kV 250 m) are not on that network: loads are skipped,
 * sources are listed in {@link #getNetworkSummary()}. Each load goes to its nearest source along the lines
 * (one multi-source Dijkstra), and a source's supply radius is the longest such path along the lines (a
 * load's access leg is reported, not counted).
 *
 * <p>Class choice: when {@link SupplyRadiusOptions#villages()} are given, a source's supply-area class is that
 * of the area it supplies — the class most of its loads' nearest villages have (ties: the class with the
 * smaller limit), so a county-town substation feeding rural villages is checked as rural; a source feeding no
 * load takes its own nearest village's class. Without villages, or when that village has no class, the
 * default class (D) is used. A class "by calculation" (E) has no limit and is never flagged.
 */
public final class SupplyRadiusCheck {
    private final List<Feature> lines;
    private final List<Feature> sources;
    private final List<Feature> loads;
    private final double voltageKv;
    private final SupplyRadiusRules rules;
    private final SupplyRadiusOptions options;
    private final Deadline deadline;
    private List<SourceRadius> results;
    private NetworkLines network;
    private List<Long> offNetwork = List.of();
    private int epsg;

    /** Checks one voltage level; see {@link #SupplyRadiusCheck}. */
    public static List<SourceRadius> check(List<Feature> lines, List<Feature> sources, List<Feature> loads, double voltageKv,
                                           SupplyRadiusRules rules, SupplyRadiusOptions options) {
        return new SupplyRadiusCheck(lines, sources, loads, voltageKv, rules, options).getResults();
    }

    /**
     * Both distribution levels: 10 kV from {@code substations} to {@code transformers}, then 0.4 kV from
     * {@code transformers} to the far ends of the 0.4 kV lines.
     */
    public static List<SourceRadius> checkDistributionGrid(List<Feature> lines, List<Feature> substations, List<Feature> transformers,
                                                           SupplyRadiusRules rules, SupplyRadiusOptions options) {
        List<SourceRadius> out = new ArrayList<>(check(lines, substations, transformers, 10, rules, options));
        out.addAll(check(lines, transformers, null, 0.4, rules, options));
        return List.copyOf(out);
    }

    /**
     * @param lines     LineString features (EPSG:4326) of all voltages; those {@link SupplyRadiusOptions#networkScope()}
     *                  selects are used (default: those of {@code voltageKv})
     * @param sources   Point features feeding this voltage
     * @param loads     Point (or other) features fed at this voltage, or null to use the far ends of the lines
     *                  (nodes where one segment ends, other than at a source)
     * @param voltageKv the voltage to check, a row of {@code rules}
     * @throws ParkGridException (invalid input) naming {@code sources} (empty, or not a Point), {@code voltage_kv} (not in the
     *                           table) or {@code supply_class} (default class not in the table at this voltage)
     */
    public SupplyRadiusCheck(List<Feature> lines, List<Feature> sources, List<Feature> loads, double voltageKv,
                             SupplyRadiusRules rules, SupplyRadiusOptions options) {
        this.lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        this.sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        this.loads = loads == null ? null : List.copyOf(loads);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.options = Objects.requireNonNull(options, "options");
        this.voltageKv = voltageKv;
        if (this.sources.isEmpty()) throw ParkGridException.invalidParameter("sources", "the source layer has no features");
        for (Feature f : this.sources) {
            if (!(f.geometry() instanceof Point) || f.geometry().isEmpty()) {
                throw ParkGridException.invalidParameter("sources", "source " + f.id() + " is a " + f.geometry().getGeometryType()
                        + "; a non-empty Point is required");
            }
        }
        if (!rules.hasVoltage(voltageKv)) {
            throw ParkGridException.invalidParameter("voltage_kv", "rule set '" + rules.name() + "' has no row for " + voltageKv + " kV");
        }
        if (!rules.hasEntry(voltageKv, options.defaultClass())) {
            throw ParkGridException.invalidParameter("supply_class", "class '" + options.defaultClass() + "' is not in rule set '"
                    + rules.name() + "' at " + RadiusPolicy.formatKv(voltageKv) + " kV");
        }
        this.deadline = Deadline.at(options.deadline(), "supply-radius check");
    }

    /** Computes the results once. */
    public void compute() {
        if (results != null) return;
        deadline.check("nothing done yet");
        network = new NetworkLines(lines, options.networkScope(), voltageKv, options.voltageProperty(), false);
        List<Feature> atLevel = network.selected();
        MetricProjection projection = options.epsg() != null ? new MetricProjection(options.epsg())
                : MetricProjection.forFeatures(List.of(atLevel.isEmpty() ? sources : atLevel));
        epsg = projection.epsg();
        if (atLevel.isEmpty()) {
            results = List.of();
            offNetwork = sources.stream().map(Feature::id).toList();
        } else {
            results = run(projection, new LineNetwork(atLevel, projection, options.snapToleranceMetres(), deadline));
        }
    }

    private List<SourceRadius> run(MetricProjection projection, LineNetwork net) {
        double tol = network.maxAccessMetres();
        List<Integer> srcIdx = new ArrayList<>();
        List<LineNetwork.Attachment> srcAt = new ArrayList<>();
        List<Point> srcPt = new ArrayList<>();
        List<Long> off = new ArrayList<>();
        NetworkSearch search = new NetworkSearch(net);
        for (int i = 0; i < sources.size(); i++) {
            Point p = (Point) projection.project(sources.get(i).geometry());
            LineNetwork.Attachment a = net.attach(p);
            if (a == null || a.accessMetres() > tol) {
                off.add(sources.get(i).id());
                continue;
            }
            int s = srcIdx.size();
            srcIdx.add(i);
            srcAt.add(a);
            srcPt.add(p);
            double len = net.edgeLength[a.edge()];
            search.seed(net.edgeFrom[a.edge()], a.accessMetres() + a.fraction() * len, s);
            search.seed(net.edgeTo[a.edge()], a.accessMetres() + (1 - a.fraction()) * len, s);
        }
        offNetwork = List.copyOf(off);
        search.run(Double.POSITIVE_INFINITY, deadline);
        deadline.check("supply radius: paths found");

        // loads: (source, distance along the lines, id, kind, node reached through, where it joins the lines)
        List<Load> reached = new ArrayList<>();
        if (loads == null) {
            boolean[] atSource = new boolean[net.nodeCount()];
            for (LineNetwork.Attachment a : srcAt) {
                if (a.fraction() == 0) atSource[net.edgeFrom[a.edge()]] = true;
                if (a.fraction() == 1) atSource[net.edgeTo[a.edge()]] = true;
            }
            for (int n = 0; n < net.nodeCount(); n++) {
                if (net.degree(n) != 1 || atSource[n] || search.source[n] < 0) continue;
                int e = net.adjEdge[net.adjStart[n]];
                LineNetwork.Attachment end = new LineNetwork.Attachment(e, net.edgeFrom[e] == n ? 0 : 1, 0, net.nodeX[n], net.nodeY[n]);
                reached.add(new Load(search.source[n], search.dist[n], net.edgeLineId[e], "line end", n, end));
            }
        } else {
            for (Feature f : loads) {
                if (f.geometry().isEmpty()) continue;
                LineNetwork.Attachment a = net.attach(projection.project(f.geometry()));
                if (a == null || a.accessMetres() > tol) continue;
                int u = net.edgeFrom[a.edge()], v = net.edgeTo[a.edge()];
                double len = net.edgeLength[a.edge()];
                double du = search.dist[u] + a.fraction() * len, dv = search.dist[v] + (1 - a.fraction()) * len;
                int node = du <= dv ? u : v;
                if (search.source[node] < 0) continue;
                reached.add(new Load(search.source[node], Math.min(du, dv), f.id(), "load", node, a));
            }
        }
        reached.sort(Comparator.comparingDouble(Load::distance));
        NetworkPath words = new NetworkPath(net, network);
        List<SourceRadius> out = new ArrayList<>();
        for (int s = 0; s < srcIdx.size(); s++) {
            deadline.check("supply radius: reporting source " + s);
            Feature src = sources.get(srcIdx.get(s));
            List<Load> own = new ArrayList<>();
            for (Load l : reached) if (l.source == s) own.add(l);
            String cls = classOf(projection, srcPt.get(s), own);
            OptionalDouble lim = rules.radiusMetres(voltageKv, cls);
            Double limit = lim.isPresent() ? lim.getAsDouble() : null;
            List<Long> overIds = new ArrayList<>();
            for (Load l : own) if (limit != null && l.distance > limit) overIds.add(l.id);
            Load far = own.isEmpty() ? null : own.get(own.size() - 1);
            double longest = far == null ? 0 : far.distance;
            boolean over = limit != null && longest > limit;
            Geometry path = far == null ? null : projection.unproject(path(net, search, far, srcPt.get(s), srcAt.get(s)));
            String kv = RadiusPolicy.formatKv(voltageKv) + " kV";
            String what = far == null ? null : ("line end".equals(far.kind) ? "the far end of line " + far.id : "load " + far.id);
            String limText = limit == null ? "no fixed limit for class " + cls + " at " + kv + " in " + rules.name()
                    : "the " + RadiusPolicy.formatMetres(limit) + " m limit (class " + cls + ", " + kv + ", " + rules.name() + ")";
            String reason = far == null ? "feeds no load on the " + network.walkedLines()
                    : "longest path " + RadiusPolicy.formatMetres(longest) + " m to " + what
                    + (limit == null ? "; " + limText : (over ? " exceeds " : " is within ") + limText)
                    + ": " + words.describe(search, far.node, srcAt.get(s), far.at, "source", false);
            out.add(new SourceRadius(src.id(), voltageKv, cls, longest, limit, over, far == null ? null : far.id,
                    far == null ? null : far.kind, own.size(), overIds, path, reason));
        }
        return List.copyOf(out);
    }

    private record Load(int source, double distance, long id, String kind, int node, LineNetwork.Attachment at) {}

    /** Source point → network → load, in the metric CRS. */
    private Geometry path(LineNetwork net, NetworkSearch search, Load load, Point src, LineNetwork.Attachment srcAt) {
        List<Coordinate> cs = new ArrayList<>();
        cs.add(new Coordinate(load.at.x(), load.at.y()));
        int n = load.node;
        cs.add(new Coordinate(net.nodeX[n], net.nodeY[n]));
        while (search.predEdge[n] >= 0) {
            n = net.opposite(search.predEdge[n], n);
            cs.add(new Coordinate(net.nodeX[n], net.nodeY[n]));
        }
        cs.add(new Coordinate(srcAt.x(), srcAt.y()));
        cs.add(src.getCoordinate());
        List<Coordinate> clean = new ArrayList<>();
        for (int i = cs.size() - 1; i >= 0; i--) {
            if (clean.isEmpty() || !clean.get(clean.size() - 1).equals2D(cs.get(i))) clean.add(cs.get(i));
        }
        if (clean.size() < 2) clean.add(new Coordinate(clean.get(0)));
        return net.factory().createLineString(clean.toArray(new Coordinate[0]));
    }

    private STRtree villageIndex;
    private List<Geometry> villageGeoms;

    /**
     * The class of the area a source supplies: the class most of its loads' nearest villages have (ties go to
     * the class with the smaller limit); a source feeding no load takes its own nearest village's class.
     */
    private String classOf(MetricProjection projection, Point source, List<Load> own) {
        if (options.villages().isEmpty()) return options.defaultClass();
        if (villageIndex == null) {
            villageIndex = new STRtree();
            villageGeoms = new ArrayList<>();
            for (int i = 0; i < options.villages().size(); i++) {
                Geometry g = projection.project(options.villages().get(i).geometry());
                villageGeoms.add(g);
                if (!g.isEmpty()) villageIndex.insert(g.getEnvelopeInternal(), i);
            }
            villageIndex.build();
        }
        if (villageIndex.isEmpty()) return options.defaultClass();
        if (own.isEmpty()) return villageClass(source);
        java.util.Map<String, Integer> votes = new java.util.TreeMap<>();
        for (Load l : own) votes.merge(villageClass(source.getFactory().createPoint(new Coordinate(l.at.x(), l.at.y()))), 1, Integer::sum);
        String best = null;
        for (java.util.Map.Entry<String, Integer> v : votes.entrySet()) {
            if (best == null || v.getValue() > votes.get(best) || (v.getValue().equals(votes.get(best)) && stricter(v.getKey(), best))) {
                best = v.getKey();
            }
        }
        return best;
    }

    private boolean stricter(String a, String b) {
        OptionalDouble ra = rules.radiusMetres(voltageKv, a), rb = rules.radiusMetres(voltageKv, b);
        return ra.isPresent() && (rb.isEmpty() || ra.getAsDouble() < rb.getAsDouble());
    }

    /** The class of the village nearest to {@code p} (metric CRS), or the default class. */
    private String villageClass(Point p) {
        Object nearest = villageIndex.nearestNeighbour(p.getEnvelopeInternal(), p,
                (a, b) -> geom(a.getItem()).distance(geom(b.getItem())));
        Object v = options.villages().get((Integer) nearest).properties().get(options.classProperty());
        String cls = v == null ? null : SupplyRadiusRules.normaliseClass(v.toString());
        return cls == null || !rules.hasEntry(voltageKv, cls) ? options.defaultClass() : cls;
    }

    private Geometry geom(Object item) {
        return item instanceof Integer i ? villageGeoms.get(i) : (Geometry) item;
    }

    /** Which lines formed the network, the access-leg bound and the sources off the network. */
    public NetworkSummary getNetworkSummary() {
        compute();
        return network.summary(offNetwork);
    }

    /** One result per source on the network of this voltage, in input order. */
    public List<SourceRadius> getResults() {
        compute();
        return results;
    }

    /** The EPSG code of the metric CRS used. */
    public int getEpsg() {
        compute();
        return epsg;
    }
}
