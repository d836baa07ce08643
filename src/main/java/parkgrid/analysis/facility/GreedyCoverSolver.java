package parkgrid.analysis.facility;

import java.time.Instant;
import java.util.Arrays;
import parkgrid.feature.ParkGridException;

/**
 * The greedy heuristic: p times, add the site that covers the most weight not yet covered (ties: the lowest
 * index). It is within a factor 1 − (1 − 1/p)^p ≥ 1 − 1/e of the optimum (Nemhauser, Wolsey and Fisher 1978),
 * which gives its bound together with the sum of the p largest single-site weights; when the bound equals the
 * objective the choice is proven optimal.
 */
public final class GreedyCoverSolver implements CoverSolver {
    @Override
    public CoverSolution solve(CoveringInstance in, Instant deadline) {
        long start = System.nanoTime();
        int n = in.siteCount();
        double[] gain = new double[n];
        for (int j = 0; j < n; j++) for (int g : in.groupsOf(j)) gain[j] += in.weight(g);
        double[] single = gain.clone();
        boolean[] chosen = new boolean[n];
        boolean[] covered = new boolean[in.groupCount()];
        int[] sites = new int[in.p()];
        double objective = 0;
        for (int k = 0; k < in.p(); k++) {
            if (deadline != null && Instant.now().isAfter(deadline)) {
                throw ParkGridException.timeLimit(null, "greedy site choice stopped after " + k + " of " + in.p() + " sites");
            }
            int best = -1;
            for (int j = 0; j < n; j++) if (!chosen[j] && (best < 0 || gain[j] > gain[best])) best = j;
            chosen[best] = true;
            sites[k] = best;
            for (int g : in.groupsOf(best)) {
                if (covered[g]) continue;
                covered[g] = true;
                objective += in.weight(g);
                for (int j : in.sitesOf(g)) gain[j] -= in.weight(g);
            }
        }
        objective = in.coveredWeight(sites); // the sum again, free of the running subtraction's rounding
        double bound = bound(in, single, objective);
        SolveStatus status = bound <= objective * (1 + 1e-12) ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        return new CoverSolution("greedy", sites, objective, Math.max(bound, objective), status, (System.nanoTime() - start) / 1e9, null);
    }

    /** Least of: all coverable weight, the p best single sites together, and greedy / (1 − (1 − 1/p)^p). */
    static double bound(CoveringInstance in, double[] singleSiteWeight, double greedy) {
        double[] sorted = singleSiteWeight.clone();
        Arrays.sort(sorted);
        double topP = 0;
        for (int k = 0; k < in.p(); k++) topP += sorted[sorted.length - 1 - k];
        double factor = 1 - Math.pow(1 - 1.0 / in.p(), in.p());
        return Math.min(in.totalWeight(), Math.min(topP, greedy / factor));
    }
}
