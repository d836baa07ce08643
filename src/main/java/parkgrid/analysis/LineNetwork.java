package parkgrid.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.WeightedMultigraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.MetricProjection;

/**
 * A planar graph built from line features, in the metric CRS of a {@link MetricProjection}: nodes are the
 * lines' vertices, edges the straight segments between consecutive vertices, weighted by their length in
 * metres.
 *
 * <p>Topology: vertices of any lines closer than the snap tolerance (default 0.5 m) become one node
 * (the first one's position), so lines that share a vertex, or nearly do, are joined. A line end lying
 * within the tolerance of another line's segment interior (a T-junction) splits that segment there.
 * Lines that cross without a shared vertex are <em>not</em> joined (overhead lines cross without
 * connecting). Zero-length segments are dropped.
 *
 * <p>The graph is stored as compact arrays (CSR adjacency) so shortest-path searches over hundreds of
 * thousands of segments stay fast and small; {@link #toGraph()} gives a JGraphT view for other uses.
 * Instances are immutable after construction and safe to share between threads.
 */
public final class LineNetwork {
    /** Widest window (m) a point's attachment tries before the branch-and-bound nearest-neighbour search. */
    private static final double POINT_WINDOW_LIMIT_METRES = 800;

    /** Default distance (m) within which vertices are merged and line ends join segment interiors. */
    public static final double DEFAULT_SNAP_TOLERANCE_METRES = 0.5;

    private final GeometryFactory factory;
    private final double snapTolerance;
    final double[] nodeX;
    final double[] nodeY;
    final int[] edgeFrom;
    final int[] edgeTo;
    final double[] edgeLength;
    /** Id of the line feature each edge comes from. */
    final long[] edgeLineId;
    /** CSR adjacency: edges at node n are adjEdge[adjStart[n] .. adjStart[n+1]). */
    final int[] adjStart;
    final int[] adjEdge;
    private final STRtree edgeIndex;
    private final Envelope extent = new Envelope();

    /**
     * The network of {@code lines} with the default snap tolerance and no time limit.
     *
     * @param lines      LineString / MultiLineString features in EPSG:4326
     * @param projection the metric CRS to build the network in
     */
    public static LineNetwork of(List<Feature> lines, MetricProjection projection) {
        return new LineNetwork(lines, projection, DEFAULT_SNAP_TOLERANCE_METRES);
    }

    /**
     * @param lines                LineString / MultiLineString features in EPSG:4326; empty geometries are skipped
     * @param projection           the metric CRS to build the network in
     * @param snapToleranceMetres  vertex merge and T-junction distance, ≥ 0 metres
     * @throws ParkGridException (invalid input) naming {@code lines} when a feature is not linear, or
     *                           {@code snap_tolerance} when the tolerance is negative or not finite
     */
    public LineNetwork(List<Feature> lines, MetricProjection projection, double snapToleranceMetres) {
        this(lines, projection, snapToleranceMetres, Deadline.NONE);
    }

    LineNetwork(List<Feature> lines, MetricProjection projection, double snapToleranceMetres, Deadline deadline) {
        if (!(snapToleranceMetres >= 0) || Double.isInfinite(snapToleranceMetres)) {
            throw ParkGridException.invalidParameter("snap_tolerance", "snap tolerance must be ≥ 0 m, got " + snapToleranceMetres);
        }
        this.snapTolerance = snapToleranceMetres;
        NodeTable nodes = new NodeTable(snapToleranceMetres);
        IntArray segA = new IntArray();
        IntArray segB = new IntArray();
        LongArray segLine = new LongArray();
        IntArray lineEnds = new IntArray();
        GeometryFactory gf = null;
        int count = 0;
        for (Feature f : lines) {
            Geometry g = f.geometry();
            if (!(g instanceof LineString) && !(g instanceof org.locationtech.jts.geom.MultiLineString)) {
                throw ParkGridException.invalidParameter("lines",
                        "line feature " + f.id() + " is a " + g.getGeometryType() + "; LineString or MultiLineString required");
            }
            if (g.isEmpty()) continue;
            if ((++count & 255) == 0) deadline.check("building the line network (" + count + " lines)");
            Geometry p = projection.project(g);
            gf = p.getFactory();
            for (int part = 0; part < p.getNumGeometries(); part++) {
                Coordinate[] cs = ((LineString) p.getGeometryN(part)).getCoordinates();
                if (cs.length < 2) continue;
                int prev = nodes.nodeFor(cs[0].x, cs[0].y);
                lineEnds.add(prev);
                for (int i = 1; i < cs.length; i++) {
                    int n = nodes.nodeFor(cs[i].x, cs[i].y);
                    if (n != prev) {
                        segA.add(prev);
                        segB.add(n);
                        segLine.add(f.id());
                    }
                    prev = n;
                }
                lineEnds.add(prev);
            }
        }
        this.factory = gf != null ? gf : new GeometryFactory();
        this.nodeX = Arrays.copyOf(nodes.x.data, nodes.x.size);
        this.nodeY = Arrays.copyOf(nodes.y.data, nodes.y.size);
        deadline.check("joining T-junctions of the line network");
        int[][] split = tJunctions(segA, segB, lineEnds, snapToleranceMetres);

        IntArray ef = new IntArray();
        IntArray et = new IntArray();
        LongArray el = new LongArray();
        for (int s = 0; s < segA.size; s++) {
            int a = segA.data[s];
            if (split[s] != null) {
                for (int n : split[s]) {
                    addEdge(ef, et, el, a, n, segLine.data[s]);
                    a = n;
                }
            }
            addEdge(ef, et, el, a, segB.data[s], segLine.data[s]);
        }
        int e = ef.size;
        this.edgeFrom = Arrays.copyOf(ef.data, e);
        this.edgeTo = Arrays.copyOf(et.data, e);
        this.edgeLineId = Arrays.copyOf(el.data, e);
        this.edgeLength = new double[e];
        int n = nodeX.length;
        int[] degree = new int[n + 1];
        for (int i = 0; i < e; i++) {
            edgeLength[i] = Math.hypot(nodeX[edgeTo[i]] - nodeX[edgeFrom[i]], nodeY[edgeTo[i]] - nodeY[edgeFrom[i]]);
            degree[edgeFrom[i]]++;
            degree[edgeTo[i]]++;
        }
        this.adjStart = new int[n + 1];
        for (int i = 0; i < n; i++) adjStart[i + 1] = adjStart[i] + degree[i];
        this.adjEdge = new int[2 * e];
        int[] fill = Arrays.copyOf(adjStart, n);
        for (int i = 0; i < e; i++) {
            adjEdge[fill[edgeFrom[i]]++] = i;
            adjEdge[fill[edgeTo[i]]++] = i;
        }
        deadline.check("indexing the line network");
        this.edgeIndex = new STRtree();
        for (int i = 0; i < e; i++) {
            Envelope env = new Envelope(nodeX[edgeFrom[i]], nodeX[edgeTo[i]], nodeY[edgeFrom[i]], nodeY[edgeTo[i]]);
            edgeIndex.insert(env, i);
            extent.expandToInclude(env);
        }
        if (e > 0) edgeIndex.build();
    }

    private void addEdge(IntArray ef, IntArray et, LongArray el, int a, int b, long line) {
        if (a == b) return;
        ef.add(a);
        et.add(b);
        el.add(line);
    }

    /** For each raw segment, the nodes (sorted along it) of line ends that lie on its interior. */
    private int[][] tJunctions(IntArray segA, IntArray segB, IntArray lineEnds, double tol) {
        int[][] split = new int[segA.size][];
        if (tol <= 0 || segA.size == 0) return split;
        STRtree raw = new STRtree();
        for (int s = 0; s < segA.size; s++) {
            int a = segA.data[s], b = segB.data[s];
            raw.insert(new Envelope(nodeX[a], nodeX[b], nodeY[a], nodeY[b]), s);
        }
        raw.build();
        Map<Integer, List<double[]>> hits = new HashMap<>();
        boolean[] done = new boolean[nodeX.length];
        for (int i = 0; i < lineEnds.size; i++) {
            int end = lineEnds.data[i];
            if (done[end]) continue;
            done[end] = true;
            double px = nodeX[end], py = nodeY[end];
            Envelope q = new Envelope(px - tol, px + tol, py - tol, py + tol);
            for (Object o : raw.query(q)) {
                int s = (Integer) o;
                int a = segA.data[s], b = segB.data[s];
                if (a == end || b == end) continue;
                double dx = nodeX[b] - nodeX[a], dy = nodeY[b] - nodeY[a];
                double len2 = dx * dx + dy * dy;
                double t = ((px - nodeX[a]) * dx + (py - nodeY[a]) * dy) / len2;
                if (t <= 0 || t >= 1) continue;
                double d = Math.hypot(px - (nodeX[a] + t * dx), py - (nodeY[a] + t * dy));
                if (d <= tol) hits.computeIfAbsent(s, k -> new ArrayList<>()).add(new double[] {t, end});
            }
        }
        for (Map.Entry<Integer, List<double[]>> h : hits.entrySet()) {
            List<double[]> l = h.getValue();
            l.sort((p, r) -> Double.compare(p[0], r[0]));
            split[h.getKey()] = l.stream().mapToInt(p -> (int) p[1]).toArray();
        }
        return split;
    }

    /** Number of nodes (junctions, line ends and interior vertices). */
    public int nodeCount() {
        return nodeX.length;
    }

    /** Number of edges (straight segments). */
    public int edgeCount() {
        return edgeFrom.length;
    }

    /** Sum of edge lengths, metres. */
    public double totalLengthMetres() {
        double sum = 0;
        for (double l : edgeLength) sum += l;
        return sum;
    }

    /** Number of edges at a node (1 = a line's far end). */
    public int degree(int node) {
        return adjStart[node + 1] - adjStart[node];
    }

    /** The snap tolerance the network was built with, metres. */
    public double snapToleranceMetres() {
        return snapTolerance;
    }

    /** The node's position in the metric CRS. */
    public Coordinate nodeCoordinate(int node) {
        return new Coordinate(nodeX[node], nodeY[node]);
    }

    /**
     * Where a geometry (metric CRS) joins the network: the nearest point on any edge.
     *
     * @param edge         edge index
     * @param fraction     0 at the edge's from-node, 1 at its to-node
     * @param accessMetres straight distance from the geometry to that point
     * @param x            easting of the point on the edge
     * @param y            northing of the point on the edge
     */
    public record Attachment(int edge, double fraction, double accessMetres, double x, double y) {}

    /**
     * The nearest point of the network to a geometry in the metric CRS, or null when the network has no
     * edges or the geometry is empty. Ties go to the lowest edge index.
     */
    public Attachment attach(Geometry metric) {
        if (edgeFrom.length == 0 || metric.isEmpty()) return null;
        boolean isPoint = metric instanceof Point;
        double px = isPoint ? ((Point) metric).getX() : 0, py = isPoint ? ((Point) metric).getY() : 0;
        Envelope env = metric.getEnvelopeInternal();
        double r = Math.max(50, snapTolerance);
        double reach = Math.max(extent.getWidth(), extent.getHeight()) + extent.distance(env) + 1;
        while (true) {
            Envelope q = new Envelope(env);
            q.expandBy(r);
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY, bestT = 0;
            for (Object o : edgeIndex.query(q)) {
                int e = (Integer) o;
                double d, t;
                if (isPoint) {
                    t = fractionAlong(e, px, py);
                    d = Math.hypot(px - xAt(e, t), py - yAt(e, t));
                } else {
                    LineString seg = segment(e, 0, 1);
                    d = metric.distance(seg);
                    Coordinate c = DistanceOp.nearestPoints(metric, seg)[1];
                    t = fractionAlong(e, c.x, c.y);
                }
                if (d < bestD || (d == bestD && e < best)) {
                    bestD = d;
                    best = e;
                    bestT = t;
                }
            }
            if (best >= 0 && bestD <= r) return new Attachment(best, bestT, bestD, xAt(best, bestT), yAt(best, bestT));
            if (r > reach || !isPoint) {
                // every edge was in the window: the best is the answer even if farther than r
                if (r > reach) return best < 0 ? null : new Attachment(best, bestT, bestD, xAt(best, bestT), yAt(best, bestT));
                r = best >= 0 ? Math.max(bestD, r * 2) : r * 4;
                continue;
            }
            if (r < POINT_WINDOW_LIMIT_METRES) {
                // a few wider windows first: most points lie within a few hundred metres of a line, and a window
                // query is several times cheaper than the branch-and-bound search below
                r = best >= 0 ? Math.max(bestD, r * 4) : r * 4;
                continue;
            }
            // far from the lines: branch-and-bound nearest neighbour instead of ever larger windows
            double qx = px, qy = py;
            int e = (Integer) edgeIndex.nearestNeighbour(env, metric, (a, b) -> {
                Object item = a.getItem() instanceof Integer ? a.getItem() : b.getItem();
                int i = (Integer) item;
                double t = fractionAlong(i, qx, qy);
                return Math.hypot(qx - xAt(i, t), qy - yAt(i, t));
            });
            double t = fractionAlong(e, px, py);
            return new Attachment(e, t, Math.hypot(px - xAt(e, t), py - yAt(e, t)), xAt(e, t), yAt(e, t));
        }
    }

    double fractionAlong(int e, double px, double py) {
        double ax = nodeX[edgeFrom[e]], ay = nodeY[edgeFrom[e]];
        double dx = nodeX[edgeTo[e]] - ax, dy = nodeY[edgeTo[e]] - ay;
        double len2 = dx * dx + dy * dy;
        if (len2 == 0) return 0;
        double t = ((px - ax) * dx + (py - ay) * dy) / len2;
        return t < 0 ? 0 : (t > 1 ? 1 : t);
    }

    double xAt(int e, double t) {
        return nodeX[edgeFrom[e]] + t * (nodeX[edgeTo[e]] - nodeX[edgeFrom[e]]);
    }

    double yAt(int e, double t) {
        return nodeY[edgeFrom[e]] + t * (nodeY[edgeTo[e]] - nodeY[edgeFrom[e]]);
    }

    /** The part of edge e between fractions t0 and t1 (metric CRS). */
    LineString segment(int e, double t0, double t1) {
        return factory.createLineString(new Coordinate[] {
                new Coordinate(xAt(e, t0), yAt(e, t0)), new Coordinate(xAt(e, t1), yAt(e, t1))});
    }

    GeometryFactory factory() {
        return factory;
    }

    /** The other node of edge e. */
    int opposite(int e, int node) {
        return edgeFrom[e] == node ? edgeTo[e] : edgeFrom[e];
    }

    /**
     * A JGraphT view of the network: vertices are node indices, edges weighted by length in metres.
     * Built on each call (a copy), so it may be changed freely.
     */
    public Graph<Integer, DefaultWeightedEdge> toGraph() {
        Graph<Integer, DefaultWeightedEdge> g = new WeightedMultigraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < nodeX.length; i++) g.addVertex(i);
        for (int e = 0; e < edgeFrom.length; e++) {
            DefaultWeightedEdge de = g.addEdge(edgeFrom[e], edgeTo[e]);
            g.setEdgeWeight(de, edgeLength[e]);
        }
        return g;
    }

    /**
     * Vertex table that merges positions closer than the tolerance, using a hash grid of cell = tolerance (an
     * open-addressing table of cell key → newest node in the cell, chained through {@code next}: no boxing, since
     * every vertex of a 200 000-line network looks up nine cells).
     */
    private static final class NodeTable {
        final double tol;
        final double cell;
        final DoubleArray x = new DoubleArray();
        final DoubleArray y = new DoubleArray();
        final IntArray next = new IntArray();
        private long[] keys = new long[1 << 12];
        private int[] heads = filled(1 << 12);
        private int used;

        NodeTable(double tol) {
            this.tol = tol;
            this.cell = Math.max(tol, 0.01);
        }

        int nodeFor(double px, double py) {
            long cx = (long) Math.floor(px / cell), cy = (long) Math.floor(py / cell);
            // an identical position already stored is the nearest there can be
            for (int n = head(key(cx, cy)); n >= 0; n = next.data[n]) {
                if (x.data[n] == px && y.data[n] == py) return n;
            }
            int found = -1;
            double foundD = Double.POSITIVE_INFINITY;
            for (long i = cx - 1; i <= cx + 1; i++) {
                for (long j = cy - 1; j <= cy + 1; j++) {
                    for (int n = head(key(i, j)); n >= 0; n = next.data[n]) {
                        double d = Math.hypot(x.data[n] - px, y.data[n] - py);
                        if (d <= tol && d < foundD) {
                            found = n;
                            foundD = d;
                        }
                    }
                }
            }
            if (found >= 0) return found;
            int n = x.size;
            x.add(px);
            y.add(py);
            long k = key(cx, cy);
            next.add(head(k));
            putHead(k, n);
            return n;
        }

        private int slot(long k) {
            int mask = keys.length - 1;
            long h = k * 0x9E3779B97F4A7C15L;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (heads[i] >= 0 && keys[i] != k) i = (i + 1) & mask;
            return i;
        }

        private int head(long k) {
            return heads[slot(k)];
        }

        private void putHead(long k, int node) {
            int i = slot(k);
            if (heads[i] < 0) {
                keys[i] = k;
                if (++used * 2 > keys.length) {
                    heads[i] = node;
                    grow();
                    return;
                }
            }
            heads[i] = node;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldHeads = heads;
            keys = new long[oldKeys.length * 2];
            heads = filled(oldKeys.length * 2);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldHeads[i] < 0) continue;
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                heads[j] = oldHeads[i];
            }
        }

        private static int[] filled(int size) {
            int[] a = new int[size];
            Arrays.fill(a, -1);
            return a;
        }

        private static long key(long i, long j) {
            return (i << 32) ^ (j & 0xffffffffL);
        }
    }

    static final class IntArray {
        int[] data = new int[16];
        int size;

        void add(int v) {
            if (size == data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = v;
        }
    }

    static final class LongArray {
        long[] data = new long[16];
        int size;

        void add(long v) {
            if (size == data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = v;
        }
    }

    static final class DoubleArray {
        double[] data = new double[16];
        int size;

        void add(double v) {
            if (size == data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = v;
        }
    }
}
