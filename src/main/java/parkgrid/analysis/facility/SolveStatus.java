package parkgrid.analysis.facility;

/** How good a {@link CoverSolution} is known to be. */
public enum SolveStatus {
    /** Proven optimal (objective equals the bound). */
    OPTIMAL,
    /** A solution without proof: its bound says how far the optimum may lie above it. */
    FEASIBLE;

    /** "optimal" or "feasible, gap 1.2 %" (gap = (bound − objective) / objective). */
    public String describe(double objective, double bound) {
        if (this == OPTIMAL) return "optimal";
        if (Double.isNaN(bound)) return "feasible, no bound";
        double gap = objective > 0 ? (bound - objective) / objective * 100 : (bound > 0 ? Double.POSITIVE_INFINITY : 0);
        return String.format(java.util.Locale.ROOT, "feasible, gap %.2f %%", Math.max(0, gap));
    }
}
