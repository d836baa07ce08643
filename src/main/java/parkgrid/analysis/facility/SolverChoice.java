package parkgrid.analysis.facility;

/** Which solvers a {@link FacilityLocation} runs. */
public enum SolverChoice {
    /** The greedy heuristic only (no native libraries needed). */
    GREEDY,
    /** CP-SAT only (started from the greedy choice). */
    EXACT,
    /** Both, reporting the gap between them; the exact choice is the answer. */
    BOTH
}
