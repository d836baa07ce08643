package parkgrid.analysis.facility;

import java.time.Instant;
import java.util.Arrays;

/**
 * Improves a choice of p sites by exchanges (Teitz and Bart 1968, "vertex substitution"): while some chosen site
 * can be swapped for an unchosen one so that the covered weight grows, the best such swap is made. The result is
 * 1-swap optimal — on maximal covering location often the optimum itself — and is handed to the exact solver as its
 * starting incumbent. Deterministic (ties: the lowest indexes); stops early at the deadline with what it has.
 */
final class SwapLocalSearch {
    /** Gains this small relative to the total weight are rounding, not improvement. */
    private static final double EPSILON = 1e-12;

    private SwapLocalSearch() {}

    /**
     * @param start p distinct site indexes
     * @return p distinct site indexes covering at least as much as {@code start}
     */
    static int[] improve(CoveringInstance in, int[] start, Instant deadline) {
        int n = in.siteCount(), groups = in.groupCount();
        int[] sites = start.clone();
        boolean[] chosen = new boolean[n];
        int[] cover = new int[groups]; // chosen sites covering each group
        for (int j : sites) {
            chosen[j] = true;
            for (int g : in.groupsOf(j)) cover[g]++;
        }
        double tolerance = EPSILON * Math.max(1, in.totalWeight());
        double[] lossOf = new double[n];
        while (deadline == null || Instant.now().isBefore(deadline)) {
            // weight only site k covers among the chosen: what dropping it loses
            Arrays.fill(lossOf, 0);
            for (int j : sites) for (int g : in.groupsOf(j)) if (cover[g] == 1) lossOf[j] += in.weight(g);
            double bestDelta = tolerance;
            int bestOut = -1, bestIn = -1;
            for (int k = 0; k < sites.length; k++) {
                int out = sites[k];
                for (int g : in.groupsOf(out)) cover[g]--;
                for (int j = 0; j < n; j++) {
                    if (chosen[j]) continue;
                    double gain = 0;
                    for (int g : in.groupsOf(j)) if (cover[g] == 0) gain += in.weight(g);
                    double delta = gain - lossOf[out];
                    if (delta > bestDelta) {
                        bestDelta = delta;
                        bestOut = k;
                        bestIn = j;
                    }
                }
                for (int g : in.groupsOf(out)) cover[g]++;
            }
            if (bestOut < 0) break;
            int out = sites[bestOut];
            for (int g : in.groupsOf(out)) cover[g]--;
            for (int g : in.groupsOf(bestIn)) cover[g]++;
            chosen[out] = false;
            chosen[bestIn] = true;
            sites[bestOut] = bestIn;
        }
        return sites;
    }
}
