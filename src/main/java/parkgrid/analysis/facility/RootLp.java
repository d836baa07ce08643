package parkgrid.analysis.facility;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The LP relaxation of the covering model ({@link ScipCoverSolver}'s rows, all variables in [0, 1]) solved by GLOP
 * (0.5 s on the dense bench cases where SCIP's own root LP takes 1.3–4 s), and from its duals a bound and
 * per-site reduced costs that hold whatever GLOP's tolerances did.
 *
 * <p><b>Why the bound is valid.</b> Take any row duals {@code π_g ≥ 0} for {@code y_g − Σ_{j ∈ N_g} x_j ≤ 0} and
 * any {@code μ} for {@code Σ x_j = p}. For every x, y in [0, 1] meeting the rows (in particular every integral choice),
 * {@code Σ w_g y_g ≤ Σ w_g y_g − Σ π_g (y_g − Σ_{N_g} x_j) − μ (Σ x_j − p) = μ p + Σ_g (w_g − π_g) y_g + Σ_j d_j x_j}
 * with {@code d_j = Σ_{g ∋ j} π_g − μ}. Bounding each term by its best value over [0, 1] gives
 * {@code U = μ p + Σ_g max(0, w_g − π_g) + Σ_j max(0, d_j)} ≥ the optimum. Choosing site k ({@code x_k = 1}) caps
 * the value at {@code U − max(0, d_k) + d_k}, i.e. {@code U + d_k} when {@code d_k < 0}; leaving it out caps it at
 * {@code U − d_k} when {@code d_k > 0}. {@code π} is GLOP's row duals clamped to ≥ 0 and everything is recomputed
 * here from the instance, so the bound is exact up to floating-point rounding of the sums (which the callers' margins
 * cover); GLOP's optimality only makes it tight.
 */
final class RootLp {
    private final double[] siteValue;
    private final double[] reducedCost;
    private final double bound;
    private final double scale;
    private final double seconds;

    private RootLp(double[] siteValue, double[] reducedCost, double bound, double scale, double seconds) {
        this.siteValue = siteValue;
        this.reducedCost = reducedCost;
        this.bound = bound;
        this.scale = scale;
        this.seconds = seconds;
    }

    /** Solves the relaxation; null when GLOP does not answer optimal (then nothing is derived from it). */
    static RootLp solve(CoveringInstance in) {
        OrToolsNatives.require();
        long start = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) return null;
        try {
            int n = in.siteCount(), groups = in.groupCount();
            MPVariable[] x = new MPVariable[n];
            for (int j = 0; j < n; j++) x[j] = solver.makeNumVar(0, 1, "x" + j);
            MPConstraint count = solver.makeConstraint(in.p(), in.p(), "p");
            for (int j = 0; j < n; j++) count.setCoefficient(x[j], 1);
            MPObjective objective = solver.objective();
            MPConstraint[] reach = new MPConstraint[groups];
            for (int g = 0; g < groups; g++) {
                if (in.weight(g) == 0) continue;
                MPVariable y = solver.makeNumVar(0, 1, "y" + g);
                reach[g] = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "c" + g);
                reach[g].setCoefficient(y, 1);
                for (int j : in.sitesOf(g)) reach[g].setCoefficient(x[j], -1);
                objective.setCoefficient(y, in.weight(g));
            }
            objective.setMaximization();
            if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) return null;
            double[] pi = new double[groups];
            // for a maximisation the dual of a ≤ row is ≥ 0 (OR-Tools reports it with the objective's sign)
            for (int g = 0; g < groups; g++) pi[g] = reach[g] == null ? 0 : Math.max(0, reach[g].dualValue());
            double[] value = new double[n];
            for (int j = 0; j < n; j++) value[j] = x[j].solutionValue();
            return of(in, pi, count.dualValue(), value, (System.nanoTime() - start) / 1e9);
        } finally {
            solver.delete();
        }
    }

    /** The bound and reduced costs of given duals (any π ≥ 0, any μ); see the class comment. */
    static RootLp of(CoveringInstance in, double[] pi, double mu, double[] siteValue, double seconds) {
        int n = in.siteCount();
        double u = mu * in.p(), scale = Math.abs(mu) * (in.p() + n);
        for (int g = 0; g < in.groupCount(); g++) {
            if (pi[g] < 0) throw new IllegalArgumentException("dual " + pi[g] + " of group " + g);
            u += Math.max(0, in.weight(g) - pi[g]);
            scale += in.weight(g) + pi[g] * (1 + in.sitesOf(g).length);
        }
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            double s = -mu;
            for (int g : in.groupsOf(j)) s += pi[g];
            d[j] = s;
            u += Math.max(0, s);
        }
        return new RootLp(siteValue.clone(), d, u, scale, seconds);
    }

    /** Valid upper bound of the optimum. */
    double bound() { return bound; }

    /** The LP's value of site j's x (0 … 1). */
    double siteValue(int j) { return siteValue[j]; }

    /** d_j: choosing site j costs at most −d_j of the bound when negative, leaving it out d_j when positive. */
    double reducedCost(int j) { return reducedCost[j]; }

    /** Bound on every choice that takes site j. */
    double boundWith(int j) { return bound - Math.max(0, reducedCost[j]) + reducedCost[j]; }

    /** Bound on every choice that leaves site j out. */
    double boundWithout(int j) { return bound - Math.max(0, reducedCost[j]); }

    /**
     * How far floating-point rounding may have moved the bound: 1e-9 of the sum of the magnitudes that went into it
     * (each sum of k doubles is off by at most ~k·2⁻⁵³ of its magnitudes; 1e-9 covers k up to millions).
     */
    double roundingMargin() { return 1e-9 * Math.max(1, scale); }

    double seconds() { return seconds; }
}
