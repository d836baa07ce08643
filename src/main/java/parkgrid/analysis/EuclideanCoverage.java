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
 * same candidates, taken in the order of a cheap lower bound of their distance so that the exact
 * (GeographicLib) distance is computed only until no further candidate can change the answer. When no
 * supplier lies within that radius, the distance to one supplier found in growing boxes bounds the answer,
 * and the box around that bound holds the nearest on the ellipsoid. Covered areas are buffers in the metric projection (areas, not decisions).
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

    /** Candidates of the current question: supplier indexes and their lower bounds, ordered by bound. */
    private int[] candidates = new int[64];
    private double[] candidateLow = new double[64];
    private int candidateCount;

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
                // in order of the lower bound, so that the exact work stops at the first supplier that cannot change
                // the answer; nearest and covering are decided by (distance, index), whatever the order
                candidatesAround(env, window, g);
                for (int i = 0; i < candidateCount; i++) {
                    int s = candidates[i];
                    double low = candidateLow[i];
                    if (low > nearD) {
                        if (low > bestD || low > window) break; // neither nearer nor covering, nor any after it
                        if (!(low <= radii.radius(s, cls))) continue;
                    }
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
                // nothing within the window: any supplier's distance bounds the answer, and every supplier nearer on
                // the ellipsoid lies in the box around that bound
                int known = near >= 0 ? near : someSupplier(env, g, Double.isFinite(window) && window > 0 ? 2 * window : 1_000);
                double knownD = near >= 0 ? nearD : distance(known, g);
                near = -1;
                nearD = Double.POSITIVE_INFINITY;
                candidatesAround(env, knownD, g);
                for (int i = 0; i < candidateCount; i++) {
                    if (candidateLow[i] > nearD) break;
                    int s = candidates[i];
                    double dist = s == known ? knownD : distance(s, g); // the known one is in the box: not measured twice
                    if (dist < nearD || (dist == nearD && s < near)) {
                        nearD = dist;
                        near = s;
                    }
                }
            }
            covering[d] = best;
            coverDist[d] = bestD;
            nearest[d] = near;
            nearestDist[d] = nearD;
        }
    }

    /**
     * One supplier near the demand, found in boxes around it that double from {@code metres} until one holds a
     * supplier (the whole world at last, which holds them all): the one with the least lower bound there.
     */
    private int someSupplier(Envelope env, Geometry g, double metres) {
        for (double r = metres; ; r *= 2) {
            candidatesAround(env, r > 40_000_000 ? Double.POSITIVE_INFINITY : r, g);
            if (candidateCount > 0) return candidates[0];
        }
    }

    /** Fills the candidates with the suppliers whose boxes meet the box around {@code env}, by lower bound. */
    private void candidatesAround(Envelope env, double metres, Geometry demand) {
        candidateCount = 0;
        tree.query(MetricEnvelope.around(env, metres), item -> {
            if (candidateCount == candidates.length) {
                candidates = java.util.Arrays.copyOf(candidates, 2 * candidateCount);
                candidateLow = java.util.Arrays.copyOf(candidateLow, 2 * candidateCount);
            }
            int s = (Integer) item;
            candidates[candidateCount] = s;
            candidateLow[candidateCount++] = lowerBound(s, demand);
        });
        sortCandidates();
    }

    /** Shell sort of the candidates by lower bound (small arrays, no boxing). */
    private void sortCandidates() {
        int n = candidateCount;
        int gap = 1;
        while (gap < n / 3) gap = 3 * gap + 1;
        for (; gap >= 1; gap /= 3) {
            for (int i = gap; i < n; i++) {
                double low = candidateLow[i];
                int s = candidates[i];
                int j = i;
                for (; j >= gap && candidateLow[j - gap] > low; j -= gap) {
                    candidateLow[j] = candidateLow[j - gap];
                    candidates[j] = candidates[j - gap];
                }
                candidateLow[j] = low;
                candidates[j] = s;
            }
        }
    }

    /** A cheap lower bound of {@link #distance}: exact work is skipped where it cannot change an answer. */
    private double lowerBound(int s, Geometry demand) {
        if (suppliers[s] instanceof Point p && demand instanceof Point q) {
            return GeodesicDistance.lowerBoundMetres(p.getX(), p.getY(), q.getX(), q.getY());
        }
        return 0;
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
