package parkgrid.analysis.facility;

import java.util.Arrays;

/**
 * A choice of sites from one {@link CoverSolver}.
 *
 * @param solver    which solver ("greedy", "cp-sat")
 * @param sites     the chosen candidate indexes, exactly p, in the order the solver ranked them
 * @param objective covered demand weight of the choice (in the instance's weight unit, recomputed from the sites)
 * @param bound     an upper bound of the optimum proven by the solver, ≥ objective; NaN when none
 * @param status    optimal or feasible
 * @param seconds   wall-clock solve time
 * @param note      why the solver stopped short of optimal (time limit, size limit), or null
 */
public record CoverSolution(String solver, int[] sites, double objective, double bound, SolveStatus status, double seconds, String note) {
    public CoverSolution {
        sites = sites.clone();
    }

    @Override
    public int[] sites() {
        return sites.clone();
    }

    /** "optimal" or "feasible, gap x %". */
    public String statusText() {
        return status.describe(objective, bound);
    }

    /** The relative gap (bound − objective) / objective, 0 when optimal, NaN without a bound. */
    public double gap() {
        if (status == SolveStatus.OPTIMAL) return 0;
        if (Double.isNaN(bound)) return Double.NaN;
        return objective > 0 ? Math.max(0, (bound - objective) / objective) : (bound > 0 ? Double.POSITIVE_INFINITY : 0);
    }

    @Override
    public String toString() {
        return solver + " " + Arrays.toString(sites) + " = " + objective + " (" + statusText() + ")";
    }
}
