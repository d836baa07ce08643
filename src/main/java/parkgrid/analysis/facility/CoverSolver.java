package parkgrid.analysis.facility;

import java.time.Instant;

/** Chooses p sites of a {@link CoveringInstance}. */
public interface CoverSolver {
    /**
     * @param deadline when the answer is due (null: none); an exact solver stops there with its best solution
     *                 and bound, a heuristic may throw a time-limit problem
     */
    CoverSolution solve(CoveringInstance instance, Instant deadline);
}
