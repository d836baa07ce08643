package parkgrid.analysis.facility;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import parkgrid.feature.ParkGridException;

/**
 * The exact optimum by SCIP (branch and cut, through OR-Tools' {@code MPSolver}), on the same model as
 * {@link CpSatCoverSolver} with the coverage variables relaxed: a binary {@code x_j} per site, a continuous
 * {@code y_g ∈ [0, 1]} per demand group, {@code Σ x_j = p}, {@code y_g ≤ Σ_{j ∈ N_g} x_j}, maximise
 * {@code Σ w_g y_g}. Once the {@code x} are integral, {@code y_g = min(1, Σ x_j)} is optimal and integral, so
 * the relaxation loses nothing, and SCIP branches on the p-of-n sites only. Weights are used as they are (no
 * rounding); the objective is recomputed from the chosen sites. The starting choice is given as a complete hint
 * (x and y); SCIP separates no cutting planes and branches on pseudo-costs ({@link #SCIP_PARAMETERS}). It stops at
 * the time limit or the deadline with its incumbent and SCIP's dual bound; single-threaded (SCIP is).
 */
public final class ScipCoverSolver implements CoverSolver {
    /** Relative distance of SCIP's dual bound above the exact value within which its OPTIMAL is taken as proven. */
    static final double OPTIMAL_TOLERANCE = 1e-4;

    /**
     * SCIP settings, one "name = value" per line: no cutting planes, and pseudo-cost branching instead of the default
     * reliability branching (whose strong-branching LPs cost ~100 ms per node on the dense cases; with pscost the
     * dense bench cases 8 and 9 are proven optimal in 3–6 s / 2–2.5 s instead of 8 s / 5 s, bench/README.md session 5).
     */
    static final String SCIP_PARAMETERS = "separating/maxrounds = 0\nseparating/maxroundsroot = 0\nbranching/pscost/priority = 100000\n";

    private final double timeLimitSeconds;
    private final int[] hint;
    private final String parameters;

    /**
     * @param timeLimitSeconds longest solve, seconds (&gt; 0; the deadline may cut it shorter)
     * @param hint             sites to start from (e.g. the greedy choice), or null
     */
    public ScipCoverSolver(double timeLimitSeconds, int[] hint) {
        this(timeLimitSeconds, hint, SCIP_PARAMETERS);
    }

    /** @param parameters SCIP settings, one "name = value" per line ({@link #SCIP_PARAMETERS} and more) */
    ScipCoverSolver(double timeLimitSeconds, int[] hint, String parameters) {
        this.parameters = parameters;
        if (!(timeLimitSeconds > 0)) throw ParkGridException.invalidParameter("time_limit_s", "time limit must be more than 0 s, got " + timeLimitSeconds);
        this.timeLimitSeconds = timeLimitSeconds;
        this.hint = hint == null ? null : hint.clone();
    }

    @Override
    public CoverSolution solve(CoveringInstance in, Instant deadline) {
        double limit = timeLimitSeconds;
        if (deadline != null) {
            double left = Duration.between(Instant.now(), deadline).toMillis() / 1000.0 - CpSatCoverSolver.DEADLINE_MARGIN_SECONDS;
            if (left <= 0) throw ParkGridException.timeLimit("time_limit_s", "no time left for the exact solver");
            limit = Math.min(limit, left);
        }
        OrToolsNatives.require();
        long start = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) throw ParkGridException.unavailable("solver", "the SCIP solver is not part of this OR-Tools build; use solver \"cp-sat\" or \"greedy\"", null);
        try {
            int n = in.siteCount();
            MPVariable[] x = new MPVariable[n];
            for (int j = 0; j < n; j++) x[j] = solver.makeBoolVar("x" + j);
            MPConstraint count = solver.makeConstraint(in.p(), in.p(), "p");
            for (int j = 0; j < n; j++) count.setCoefficient(x[j], 1);
            MPObjective objective = solver.objective();
            List<MPVariable> ys = new ArrayList<>();
            List<Integer> yGroups = new ArrayList<>();
            for (int g = 0; g < in.groupCount(); g++) {
                double w = in.weight(g);
                if (w == 0) continue;
                MPVariable y = solver.makeNumVar(0, 1, "y" + g);
                ys.add(y);
                yGroups.add(g);
                MPConstraint reach = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "c" + g); // y − Σ x ≤ 0
                reach.setCoefficient(y, 1);
                for (int j : in.sitesOf(g)) reach.setCoefficient(x[j], -1);
                objective.setCoefficient(y, w);
            }
            objective.setMaximization();
            if (hint != null) {
                // a complete solution, y included: SCIP ignores a partial one with more than 85 % of the values unknown
                boolean[] on = new boolean[n];
                for (int j : hint) on[j] = true;
                MPVariable[] vars = new MPVariable[n + ys.size()];
                double[] values = new double[vars.length];
                for (int j = 0; j < n; j++) {
                    vars[j] = x[j];
                    values[j] = on[j] ? 1 : 0;
                }
                for (int k = 0; k < ys.size(); k++) {
                    vars[n + k] = ys.get(k);
                    for (int j : in.sitesOf(yGroups.get(k))) if (on[j]) values[n + k] = 1;
                }
                solver.setHint(vars, values);
            }
            // no cutting planes: on the dense cases the root's separation rounds cost seconds for 0.1 % of bound
            // (bench/README.md, session 5); the LP bound with reduced-cost fixing and branching closes them sooner
            if (!solver.setSolverSpecificParametersAsString(parameters)) throw new IllegalStateException("SCIP refused " + parameters);
            solver.setTimeLimit(Math.max(1, (long) (limit * 1000)));
            MPSolver.ResultStatus status = solver.solve();
            double seconds = (System.nanoTime() - start) / 1e9;
            double dual = objective.bestBound();
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                String why = String.format(Locale.ROOT, "SCIP found no solution in the %.1f s time limit (%d sites, %d demand groups; status %s)",
                        limit, n, in.groupCount(), status);
                if (status != MPSolver.ResultStatus.NOT_SOLVED) throw new IllegalStateException(why + " for a model that always has a solution");
                if (hint == null) throw ParkGridException.timeLimit("time_limit_s", why);
                double hinted = in.coveredWeight(hint);
                double bound = Double.isFinite(dual) ? Math.max(hinted, dual) : Double.NaN;
                return new CoverSolution("scip", hint, hinted, bound, SolveStatus.FEASIBLE, seconds, why + "; the starting choice is kept");
            }
            List<Integer> chosen = new ArrayList<>();
            for (int j = 0; j < n; j++) if (x[j].solutionValue() > 0.5) chosen.add(j);
            int[] sites = chosen.stream().mapToInt(Integer::intValue).toArray();
            if (sites.length != in.p()) throw new IllegalStateException("SCIP chose " + sites.length + " sites, not p = " + in.p());
            double value = in.coveredWeight(sites);
            boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
            // SCIP's default relative gap limit is 0: OPTIMAL is proven; its dual bound is reported past the time limit.
            // Proven within SCIP's feasibility tolerance (1e-6 per row): its y may exceed Σx by that much, so its dual bound can
            // sit a few units of weight above the value we recompute exactly; OPTIMAL stands within 1e-4 of it.
            double bound = optimal ? Math.max(value, dual) : (Double.isFinite(dual) ? Math.max(value, dual) : Double.NaN);
            SolveStatus solved = optimal && bound <= value * (1 + OPTIMAL_TOLERANCE) + 1e-9 ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
            String note = solved == SolveStatus.OPTIMAL ? null : String.format(Locale.ROOT, "stopped at the %.1f s time limit", limit);
            return new CoverSolution("scip", sites, value, bound, solved, seconds, note);
        } finally {
            solver.delete();
        }
    }
}
