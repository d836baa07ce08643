package parkgrid.analysis.facility;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * SCIP ({@link ScipCoverSolver}) after three steps that shrink the search (bench/README.md, "Facility location, dense
 * cases, continued"):
 * <ol>
 * <li>the LP relaxation by GLOP ({@link RootLp}); then SCIP, for at most {@link #RESTRICTED_SHARE} of the time, on
 *     the sites with an LP value above {@link #LP_SUPPORT} plus the starting choice's — a small MIP whose answer is
 *     feasible for the whole and usually better than the start (the incumbent);</li>
 * <li>reduced-cost fixing against that incumbent and site dominance ({@link SiteFixing});</li>
 * <li>SCIP on what is left, hinted with the incumbent, for the rest of the time.</li>
 * </ol>
 * The bound reported is the tighter of the LP bound and SCIP's bound on the reduced model plus the fixed sites'
 * weight (or the incumbent, when higher: a choice breaking a fix covers less than the incumbent).
 */
final class LpGuidedScipSolver implements CoverSolver {
    /** LP values above this make a site part of the restricted MIP. */
    static final double LP_SUPPORT = 1e-6;
    /** Share of the time limit the restricted MIP may use. */
    static final double RESTRICTED_SHARE = 0.2;

    private final double timeLimitSeconds;
    private final int[] start;
    private final String scipParameters;

    /**
     * @param start          p distinct sites to start from (e.g. greedy improved by swaps)
     * @param scipParameters SCIP settings for both SCIP runs ({@link ScipCoverSolver#SCIP_PARAMETERS} and more)
     */
    LpGuidedScipSolver(double timeLimitSeconds, int[] start, String scipParameters) {
        this.timeLimitSeconds = timeLimitSeconds;
        this.start = start.clone();
        this.scipParameters = scipParameters;
    }

    @Override
    public CoverSolution solve(CoveringInstance in, Instant deadline) {
        long t0 = System.nanoTime();
        Instant end = Instant.now().plusMillis((long) (timeLimitSeconds * 1000));
        if (deadline != null) {
            Instant due = deadline.minusMillis((long) (CpSatCoverSolver.DEADLINE_MARGIN_SECONDS * 1000));
            if (due.isBefore(end)) end = due;
        }
        RootLp lp = RootLp.solve(in);
        if (lp == null) return new ScipCoverSolver(Math.max(0.05, left(end)), start, scipParameters).solve(in, deadline);
        int n = in.siteCount();
        double startValue = in.coveredWeight(start);
        if (startValue >= lp.bound() - lp.roundingMargin()) {
            return new CoverSolution("scip", start, startValue, lp.bound(), SolveStatus.OPTIMAL, seconds(t0), null);
        }

        // 1. restricted MIP: the LP's support and the start
        boolean[] outside = new boolean[n];
        for (int j = 0; j < n; j++) outside[j] = !(lp.siteValue(j) > LP_SUPPORT);
        for (int j : start) outside[j] = false;
        int[] incumbent = start;
        double incumbentValue = startValue;
        SiteReduction restricted = SiteReduction.of(in, outside, new boolean[n]);
        if (restricted != null && restricted.offCount() > 0) {
            double limit = Math.min(RESTRICTED_SHARE * timeLimitSeconds, left(end));
            if (limit > 0.05) {
                CoverSolution r = new ScipCoverSolver(limit, restricted.restrict(start), scipParameters).solve(restricted.instance(), null);
                int[] sites = restricted.expand(r.sites());
                double value = in.coveredWeight(sites);
                if (value > incumbentValue) {
                    incumbent = sites;
                    incumbentValue = value;
                }
            }
        }

        // 2. fixing
        boolean[] off = new boolean[n], on = new boolean[n];
        int byCost = SiteFixing.byReducedCost(in, lp, incumbentValue, off, on);
        int byDominance = SiteFixing.dominated(in, off);
        SiteReduction reduction = SiteReduction.of(in, off, on);
        String fixes = String.format(Locale.ROOT, "GLOP LP %.2f s, bound %.0f; incumbent %.0f; fixed by reduced cost %d, by dominance %d",
                lp.seconds(), lp.bound(), incumbentValue, byCost, byDominance);
        if (reduction == null) {
            // every site fixed (or too few free): the incumbent meets every fix, so it is the only candidate left
            return new CoverSolution("scip", incumbent, incumbentValue, incumbentValue, SolveStatus.OPTIMAL, seconds(t0), null);
        }
        double remaining = left(end);
        if (remaining <= 0.05) {
            return new CoverSolution("scip", incumbent, incumbentValue, Math.max(incumbentValue, lp.bound()), SolveStatus.FEASIBLE, seconds(t0),
                    "stopped at the time limit after the restricted MIP (" + fixes + ")");
        }

        // 3. SCIP on the rest, from the incumbent
        int[] hint = reduction.restrict(incumbent);
        CoverSolution r = new ScipCoverSolver(remaining, hint.length == reduction.instance().p() ? hint : null, scipParameters)
                .solve(reduction.instance(), null);
        int[] sites = reduction.expand(r.sites());
        double value = in.coveredWeight(sites);
        if (value < incumbentValue) {
            sites = incumbent;
            value = incumbentValue;
        }
        double reducedBound = Double.isNaN(r.bound()) ? Double.POSITIVE_INFINITY : r.bound() + reduction.fixedWeight();
        double bound = Math.max(value, Math.min(lp.bound(), Math.max(incumbentValue, reducedBound)));
        SolveStatus status = r.status() == SolveStatus.OPTIMAL ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        String note = status == SolveStatus.OPTIMAL ? null : r.note() + " (" + fixes + ")";
        return new CoverSolution("scip", sites, value, bound, status, seconds(t0), note);
    }

    private static double left(Instant end) {
        return Duration.between(Instant.now(), end).toMillis() / 1000.0;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
