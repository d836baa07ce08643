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
 * <p>Only lines whose voltage property equals the checked voltage form the {@link LineNetwork} (metric CRS
 * of {@link MetricProjection}, metres). Sources and load features farther than the attach tolerance from
 * those lines are not on that network and are skipped. Each load goes to its nearest source along the
 * lines (one multi-source Dijkstra), and a source's supply radius is the longest such path.
 *
 * <p>Class choice: when {@link SupplyRadiusOptions#villages()} are given, a source's supply-area class is
 * the {@code supply_class} of the village nearest to it (straight line) — the area a source stands in is
 * the area it supplies, and rural feeders run between villages of one class; without villages, or when
 * that village has no class, the default class (D) is used. A class "by calculation" (E) has no limit
 * and is never flagged.
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
     * @param lines     LineString features (EPSG:4326) of all voltages; those of {@code voltageKv} are used
     * @param sources   Point features feeding this voltage
     * @param loads     Point (or other) features fed at this voltage, or null to use the far ends of the lines
     *                  (nodes where one segment ends, other than at a source)
     * @param voltageKv the voltage to check, a row of {@code rules}
     * @throws ParkGridException 400 naming {@code sources} (empty, or not a Point), {@code voltage_kv} (not in the
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
        List<Feature> atVoltage = new ArrayList<>();
        for (Feature f : lines) {
            double kv = RadiusTable.number(f.properties().get(options.voltageProperty()));
            if (Math.abs(kv - voltageKv) < 1e-6) atVoltage.add(f);
        }
        MetricProjection projection = options.epsg() != null ? new MetricProjection(options.epsg())
                : MetricProjection.forFeatures(List.of(atVoltage.isEmpty() ? sources : atVoltage));
        epsg = projection.epsg();
        results = atVoltage.isEmpty() ? List.of() : run(projection, new LineNetwork(atVoltage, projection, options.snapToleranceMetres(), deadline));
    }

    private List<SourceRadius> run(MetricProjection projection, LineNetwork net) {
        double tol = options.attachToleranceMetres();
        List<Integer> srcIdx = new ArrayList<>();
        List<LineNetwork.Attachment> srcAt = new ArrayList<>();
        List<Point> srcPt = new ArrayList<>();
        NetworkSearch search = new NetworkSearch(net);
        for (int i = 0; i < sources.size(); i++) {
            Point p = (Point) projection.project(sources.get(i).geometry());
            LineNetwork.Attachment a = net.attach(p);
            if (a == null || a.accessMetres() > tol) continue;
            int s = srcIdx.size();
            srcIdx.add(i);
            srcAt.add(a);
            srcPt.add(p);
            double len = net.edgeLength[a.edge()];
            search.seed(net.edgeFrom[a.edge()], a.accessMetres() + a.fraction() * len, s);
            search.seed(net.edgeTo[a.edge()], a.accessMetres() + (1 - a.fraction()) * len, s);
        }
        search.run(Double.POSITIVE_INFINITY, deadline);
        deadline.check("supply radius: paths found");

        // loads: (source, distance, id, kind, node reached through, attachment point)
        List<Load> reached = new ArrayList<>();
        if (loads == null) {
            boolean[] atSource = new boolean[net.nodeCount()];
            for (LineNetwork.Attachment a : srcAt) {
                if (a.fraction() == 0) atSource[net.edgeFrom[a.edge()]] = true;
                if (a.fraction() == 1) atSource[net.edgeTo[a.edge()]] = true;
            }
            for (int n = 0; n < net.nodeCount(); n++) {
                if (net.degree(n) != 1 || atSource[n] || search.source[n] < 0) continue;
                long lineId = net.edgeLineId[net.adjEdge[net.adjStart[n]]];
                reached.add(new Load(search.source[n], search.dist[n], lineId, "line end", n, new Coordinate(net.nodeX[n], net.nodeY[n])));
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
                reached.add(new Load(search.source[node], Math.min(du, dv), f.id(), "load", node, new Coordinate(a.x(), a.y())));
            }
        }
        reached.sort(Comparator.comparingDouble(Load::distance));
        List<SourceRadius> out = new ArrayList<>();
        for (int s = 0; s < srcIdx.size(); s++) {
            deadline.check("supply radius: reporting source " + s);
            Feature src = sources.get(srcIdx.get(s));
            String cls = classOf(projection, srcPt.get(s));
            OptionalDouble lim = rules.radiusMetres(voltageKv, cls);
            Double limit = lim.isPresent() ? lim.getAsDouble() : null;
            Load far = null;
            int count = 0;
            List<Long> overIds = new ArrayList<>();
            for (Load l : reached) {
                if (l.source != s) continue;
                count++;
                far = l;
                if (limit != null && l.distance > limit) overIds.add(l.id);
            }
            double longest = far == null ? 0 : far.distance;
            boolean over = limit != null && longest > limit;
            Geometry path = far == null ? null : projection.unproject(path(net, search, far, srcPt.get(s), srcAt.get(s)));
            String kv = RadiusPolicy.formatKv(voltageKv) + " kV";
            String what = far == null ? null : ("line end".equals(far.kind) ? "the far end of line " + far.id : "load " + far.id);
            String limText = limit == null ? "no fixed limit for class " + cls + " at " + kv + " in " + rules.name()
                    : "the " + RadiusPolicy.formatMetres(limit) + " m limit (class " + cls + ", " + kv + ", " + rules.name() + ")";
            String reason = far == null ? "feeds no load on the " + kv + " lines"
                    : "longest path " + RadiusPolicy.formatMetres(longest) + " m to " + what
                    + (limit == null ? "; " + limText : (over ? " exceeds " : " is within ") + limText);
            out.add(new SourceRadius(src.id(), voltageKv, cls, longest, limit, over, far == null ? null : far.id,
                    far == null ? null : far.kind, count, overIds, path, reason));
        }
        return List.copyOf(out);
    }

    private record Load(int source, double distance, long id, String kind, int node, Coordinate at) {}

    /** Source point → network → load, in the metric CRS. */
    private Geometry path(LineNetwork net, NetworkSearch search, Load load, Point src, LineNetwork.Attachment srcAt) {
        List<Coordinate> cs = new ArrayList<>();
        cs.add(load.at);
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

    private String classOf(MetricProjection projection, Point source) {
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
        Object nearest = villageIndex.nearestNeighbour(source.getEnvelopeInternal(), source,
                (a, b) -> geom(a.getItem()).distance(geom(b.getItem())));
        Object v = options.villages().get((Integer) nearest).properties().get(options.classProperty());
        String cls = v == null ? null : SupplyRadiusRules.normaliseClass(v.toString());
        return cls == null || !rules.hasEntry(voltageKv, cls) ? options.defaultClass() : cls;
    }

    private Geometry geom(Object item) {
        return item instanceof Integer i ? villageGeoms.get(i) : (Geometry) item;
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
