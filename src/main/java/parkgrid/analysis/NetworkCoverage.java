package parkgrid.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

/**
 * The network engine of {@link CoverageAnalysis}. Suppliers and demands join the {@link LineNetwork} (the
 * lines of the assessed level, {@link NetworkLines}) at their nearest network point; the distance is
 * access + path + access, in metres. A supplier or demand whose access leg is longer than the bound is off
 * the network: the supplier seeds no search, the demand is reached by none.
 *
 * <p>One multi-source Dijkstra (every supplier a source, no bound) gives each demand's nearest supplier.
 * When every supplier has the same radius for a class, the nearest supplier is also the nearest covering
 * one, and that search is all. Otherwise each supplier gets its own Dijkstra bounded by its largest
 * radius (cost: the network within each supplier's radius), and each demand keeps the nearest supplier
 * whose own radius reaches it.
 *
 * <p>Covered area: the network parts within reach (remaining radius budget at each node, spread along
 * the edges, plus the stretch of the supplier's own edge), buffered by the corridor half-width in 2 km
 * tiles whose polygons are then united (bounded memory). This is the expensive part on dense meshes
 * (JTS buffer noding): about 2–5 s for 7 000 reachable segments of a 100 m grid; radial rural feeders
 * are far cheaper. It is computed only when asked for, under the deadline.
 */
final class NetworkCoverage {
    private final LineNetwork net;
    private final LineNetwork.Attachment[] sup;
    private final LineNetwork.Attachment[] dem;
    private final RadiusTable radii;
    private final Deadline deadline;
    private final NetworkSearch all;
    /** Whether supplier s / demand d joins the network within the access bound. */
    private final boolean[] supOn;
    private final boolean[] demOn;
    /** Node through which the nearest / covering supplier reaches each demand; −1: on the supplier's own edge. */
    private final int[] nearestVia;
    private final int[] coverVia;
    /** Demands on each edge (CSR). */
    private final int[] edgeDemStart;
    private final int[] edgeDem;
    /** remaining[k][node]: largest radius budget left at the node over all suppliers (varying radii only). */
    private double[][] remaining;
    private boolean invariant;

    /**
     * @param sup             each supplier's nearest network point (never null: the network has edges)
     * @param dem             each demand's nearest network point
     * @param maxAccessMetres suppliers and demands farther than this from the network are off it
     */
    NetworkCoverage(LineNetwork net, LineNetwork.Attachment[] sup, LineNetwork.Attachment[] dem, double maxAccessMetres,
                    RadiusTable radii, Deadline deadline) {
        this.net = net;
        this.sup = sup;
        this.dem = dem;
        this.radii = radii;
        this.deadline = deadline;
        this.all = new NetworkSearch(net);
        supOn = new boolean[sup.length];
        for (int s = 0; s < sup.length; s++) supOn[s] = sup[s] != null && sup[s].accessMetres() <= maxAccessMetres;
        demOn = new boolean[dem.length];
        for (int d = 0; d < dem.length; d++) demOn[d] = dem[d] != null && dem[d].accessMetres() <= maxAccessMetres;
        nearestVia = new int[dem.length];
        coverVia = new int[dem.length];
        int e = net.edgeCount();
        edgeDemStart = new int[e + 1];
        for (int d = 0; d < dem.length; d++) if (demOn[d]) edgeDemStart[dem[d].edge() + 1]++;
        for (int i = 0; i < e; i++) edgeDemStart[i + 1] += edgeDemStart[i];
        edgeDem = new int[edgeDemStart[e]];
        int[] fill = Arrays.copyOf(edgeDemStart, e);
        for (int d = 0; d < dem.length; d++) if (demOn[d]) edgeDem[fill[dem[d].edge()]++] = d;
    }

    /** Whether supplier s joins the network within the access bound. */
    boolean isSupplierOnNetwork(int s) {
        return supOn[s];
    }

    /** Whether demand d joins the network within the access bound. */
    boolean isDemandOnNetwork(int d) {
        return demOn[d];
    }

    /** Demand d's nearest network point (null only for an empty network). */
    LineNetwork.Attachment demandAttachment(int d) {
        return dem[d];
    }

    /** Supplier s's nearest network point. */
    LineNetwork.Attachment supplierAttachment(int s) {
        return sup[s];
    }

    private void seed(NetworkSearch search, int s) {
        LineNetwork.Attachment a = sup[s];
        double len = net.edgeLength[a.edge()];
        search.seed(net.edgeFrom[a.edge()], a.accessMetres() + a.fraction() * len, s);
        search.seed(net.edgeTo[a.edge()], a.accessMetres() + (1 - a.fraction()) * len, s);
    }

    /** Distance from supplier s to demand d when both sit on the same edge, else ∞. */
    private double direct(int s, int d) {
        if (!supOn[s] || !demOn[d] || sup[s].edge() != dem[d].edge()) return Double.POSITIVE_INFINITY;
        return sup[s].accessMetres() + Math.abs(sup[s].fraction() - dem[d].fraction()) * net.edgeLength[dem[d].edge()]
                + dem[d].accessMetres();
    }

    void run(int[] covering, double[] coverDist, int[] nearest, double[] nearestDist) {
        for (int s = 0; s < sup.length; s++) if (supOn[s]) seed(all, s);
        all.run(Double.POSITIVE_INFINITY, deadline);
        deadline.check("network coverage: nearest suppliers found");
        for (int d = 0; d < dem.length; d++) {
            if (!demOn[d]) {
                nearest[d] = -1;
                nearestDist[d] = Double.POSITIVE_INFINITY;
                continue;
            }
            LineNetwork.Attachment a = dem[d];
            int u = net.edgeFrom[a.edge()], v = net.edgeTo[a.edge()];
            double len = net.edgeLength[a.edge()];
            double du = all.dist[u] + a.fraction() * len, dv = all.dist[v] + (1 - a.fraction()) * len;
            nearestVia[d] = du <= dv ? u : v;
            nearest[d] = all.source[nearestVia[d]];
            nearestDist[d] = Math.min(du, dv) + a.accessMetres();
        }
        // a supplier on the demand's own edge may be nearer than via either end node
        for (int s = 0; s < sup.length; s++) {
            if (!supOn[s]) continue;
            int e = sup[s].edge();
            for (int i = edgeDemStart[e]; i < edgeDemStart[e + 1]; i++) {
                int d = edgeDem[i];
                double x = direct(s, d);
                if (x < nearestDist[d] || (x == nearestDist[d] && s < nearest[d])) {
                    nearest[d] = s;
                    nearestDist[d] = x;
                    nearestVia[d] = -1;
                }
            }
        }
        invariant = radii.isSupplierInvariant();
        if (invariant) {
            for (int d = 0; d < dem.length; d++) {
                int k = radii.demandClass[d];
                boolean ok = k >= 0 && nearest[d] >= 0 && nearestDist[d] <= radii.radius(nearest[d], k);
                covering[d] = ok ? nearest[d] : -1;
                coverDist[d] = ok ? nearestDist[d] : Double.POSITIVE_INFINITY;
                coverVia[d] = nearestVia[d];
            }
            return;
        }
        Arrays.fill(covering, -1);
        Arrays.fill(coverDist, Double.POSITIVE_INFINITY);
        int kCount = radii.classCount();
        remaining = new double[kCount][net.nodeCount()];
        for (double[] r : remaining) Arrays.fill(r, Double.NEGATIVE_INFINITY);
        NetworkSearch one = new NetworkSearch(net);
        for (int s = 0; s < sup.length; s++) {
            double bound = radii.maxRadiusOf(s);
            if (Double.isNaN(bound) || !supOn[s]) continue;
            if ((s & 63) == 63) deadline.check("network coverage, " + s + " of " + sup.length + " suppliers searched");
            one.reset();
            seed(one, s);
            one.run(bound, deadline);
            for (int i = 0; i < one.touchedCount(); i++) {
                int n = one.touched(i);
                double dn = one.dist[n];
                if (dn > bound) continue;
                for (int k = 0; k < kCount; k++) {
                    double left = radii.radius(s, k) - dn;
                    if (left > remaining[k][n]) remaining[k][n] = left;
                }
                for (int j = net.adjStart[n]; j < net.adjStart[n + 1]; j++) {
                    int e = net.adjEdge[j];
                    for (int q = edgeDemStart[e]; q < edgeDemStart[e + 1]; q++) {
                        int d = edgeDem[q];
                        double along = net.edgeFrom[e] == n ? dem[d].fraction() : 1 - dem[d].fraction();
                        offer(s, d, dn + along * net.edgeLength[e] + dem[d].accessMetres(), n, covering, coverDist);
                    }
                }
            }
            int e = sup[s].edge();
            for (int q = edgeDemStart[e]; q < edgeDemStart[e + 1]; q++) offer(s, edgeDem[q], direct(s, edgeDem[q]), -1, covering, coverDist);
        }
    }

    private void offer(int s, int d, double dist, int via, int[] covering, double[] coverDist) {
        int k = radii.demandClass[d];
        if (k < 0 || !(dist <= radii.radius(s, k))) return;
        if (dist < coverDist[d] || (dist == coverDist[d] && s < covering[d])) {
            coverDist[d] = dist;
            covering[d] = s;
            coverVia[d] = via;
        }
    }

    /**
     * The path to each demand in words ({@link NetworkPath}): to the covering supplier when there is one,
     * else to the nearest; null for a demand no supplier reaches. Call after {@link #run}.
     */
    String[] routes(int[] covering, double[] coverDist, int[] nearest, NetworkLines lines, String noun) {
        String[] out = new String[dem.length];
        NetworkPath path = new NetworkPath(net, lines);
        // covering suppliers other than the nearest are reached by their own search, rerun per supplier
        Map<Integer, List<Integer>> bySupplier = new HashMap<>();
        for (int d = 0; d < dem.length; d++) {
            if ((d & 1023) == 1023) deadline.check("describing network paths, " + d + " of " + dem.length + " demands");
            int c = covering[d];
            if (c >= 0 && c != nearest[d]) {
                bySupplier.computeIfAbsent(c, x -> new ArrayList<>()).add(d);
            } else if (nearest[d] >= 0) {
                out[d] = path.describe(all, nearestVia[d], sup[nearest[d]], dem[d], noun);
            }
        }
        if (bySupplier.isEmpty()) return out;
        NetworkSearch one = new NetworkSearch(net);
        for (Map.Entry<Integer, List<Integer>> g : bySupplier.entrySet()) {
            deadline.check("describing network paths of " + noun + " " + g.getKey());
            int s = g.getKey();
            double bound = 0;
            for (int d : g.getValue()) bound = Math.max(bound, coverDist[d]);
            one.reset();
            seed(one, s);
            one.run(bound, deadline);
            for (int d : g.getValue()) out[d] = path.describe(one, coverVia[d], sup[s], dem[d], noun);
        }
        return out;
    }

    /**
     * The network parts within reach for class k, as line pieces in the metric CRS, buffered by
     * {@code halfWidth} metres; empty when nothing is reachable.
     */
    Geometry coveredArea(int k, double halfWidth) {
        List<LineString> pieces = new ArrayList<>();
        for (int e = 0; e < net.edgeCount(); e++) {
            if ((e & 4095) == 4095) deadline.check("collecting reachable network parts, " + e + " of " + net.edgeCount() + " edges");
            double len = net.edgeLength[e];
            double ru = left(k, net.edgeFrom[e]), rv = left(k, net.edgeTo[e]);
            if (ru + rv >= len || ru >= len || rv >= len) {
                pieces.add(net.segment(e, 0, 1));
                continue;
            }
            if (ru > 0) pieces.add(net.segment(e, 0, ru / len));
            if (rv > 0) pieces.add(net.segment(e, 1 - rv / len, 1));
        }
        for (int s = 0; s < sup.length; s++) {
            if (!supOn[s]) continue;
            double budget = radii.radius(s, k) - sup[s].accessMetres();
            if (!(budget > 0)) continue;
            int e = sup[s].edge();
            double len = net.edgeLength[e], t = sup[s].fraction();
            pieces.add(net.segment(e, Math.max(0, t - budget / len), Math.min(1, t + budget / len)));
        }
        if (pieces.isEmpty()) return net.factory().createPolygon();
        deadline.check("buffering " + pieces.size() + " reachable network parts");
        // One buffer of 100 000s of segments needs gigabytes for noding; buffering square tiles separately
        // and uniting the tile polygons gives the same area with bounded memory.
        Map<Long, List<LineString>> tiles = new HashMap<>();
        double tile = Math.max(TILE_METRES, halfWidth * 20);
        for (LineString p : pieces) {
            org.locationtech.jts.geom.Coordinate c = p.getCoordinateN(0);
            long key = (((long) Math.floor(c.x / tile)) << 32) ^ (((long) Math.floor(c.y / tile)) & 0xffffffffL);
            tiles.computeIfAbsent(key, x -> new ArrayList<>()).add(p);
        }
        List<Geometry> buffers = new ArrayList<>(tiles.size());
        for (List<LineString> t : tiles.values()) {
            deadline.check("buffering reachable network parts, tile " + buffers.size() + " of " + tiles.size());
            buffers.add(net.factory().createMultiLineString(t.toArray(new LineString[0])).buffer(halfWidth));
        }
        deadline.check("uniting " + buffers.size() + " tiles of reachable network parts");
        Geometry u = CascadedPolygonUnion.union(buffers);
        return u == null ? net.factory().createPolygon() : u;
    }

    /** Side of the square tiles buffered separately, metres. */
    private static final double TILE_METRES = 2000;

    private double left(int k, int node) {
        if (!invariant) return remaining[k][node];
        double r = radii.radius(0, k);
        return Double.isNaN(r) ? Double.NEGATIVE_INFINITY : r - all.dist[node];
    }
}
