package parkgrid.analysis.siting;

import java.time.Instant;
import parkgrid.feature.ParkGridException;

/**
 * How the search runs.
 *
 * @param maxCandidates    most candidate sites returned, 1–{@value #MAX_CANDIDATES}
 * @param resolutionMetres grid step of candidate positions and of site sides, metres, ≥ 1; grown when the study
 *                         area would need more than {@link SitingAnalysis#MAX_CELLS} cells (the answer says so)
 * @param deadline         when the analysis must stop (null: no limit)
 */
public record SitingOptions(int maxCandidates, double resolutionMetres, Instant deadline) {
    public static final int MAX_CANDIDATES = 50;
    public static final int DEFAULT_CANDIDATES = 5;
    public static final double DEFAULT_RESOLUTION_METRES = 10;

    /** @throws ParkGridException (invalid input) naming {@code max_candidates} or {@code resolution_m} */
    public SitingOptions {
        if (maxCandidates < 1 || maxCandidates > MAX_CANDIDATES) {
            throw ParkGridException.invalidParameter("max_candidates", "max_candidates must be 1–" + MAX_CANDIDATES + ", got " + maxCandidates);
        }
        if (!(resolutionMetres >= 1) || Double.isInfinite(resolutionMetres)) {
            throw ParkGridException.invalidParameter("resolution_m", "resolution_m must be 1 m or more, got " + resolutionMetres);
        }
    }

    public static SitingOptions defaults() {
        return new SitingOptions(DEFAULT_CANDIDATES, DEFAULT_RESOLUTION_METRES, null);
    }

    public SitingOptions withDeadline(Instant limit) {
        return new SitingOptions(maxCandidates, resolutionMetres, limit);
    }

    void check(String stage) {
        if (deadline != null && Instant.now().isAfter(deadline)) {
            throw ParkGridException.timeLimit(null, "siting stopped at the time limit while " + stage);
        }
    }
}
