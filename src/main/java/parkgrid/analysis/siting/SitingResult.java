package parkgrid.analysis.siting;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The answer of a {@link SitingAnalysis}.
 *
 * @param feasibleLonLat          the feasible area (EPSG:4326; possibly empty): the study area less the buffered
 *                                exclusions, inside every requirement, with parts narrower than the minimum width removed
 * @param studyAreaSquareMetres   the study area, m² (projection plane)
 * @param feasibleSquareMetres    the feasible area, m²
 * @param candidates              ranked non-overlapping sites, best first; empty when none fits
 * @param eliminations            how much each criterion rules out, largest first (the last step, "site size", is the
 *                                feasible land left too small or narrow for a site; it appears only when no site fits)
 * @param noSiteReasonEn          when there are no candidates: which criterion eliminated most and how much; else null
 * @param noSiteReasonZh          the same in Chinese
 * @param resolutionMetres        the grid step used, metres
 * @param epsg                    the metric projection
 * @param positionsTested         feasible positions scored
 */
public record SitingResult(Geometry feasibleLonLat, double studyAreaSquareMetres, double feasibleSquareMetres,
                           List<Candidate> candidates, List<Elimination> eliminations, String noSiteReasonEn,
                           String noSiteReasonZh, double resolutionMetres, int epsg, long positionsTested) {
    public SitingResult {
        candidates = List.copyOf(candidates);
        eliminations = List.copyOf(eliminations);
    }

    /** The criterion that ruled out most of the study area, or null when nothing was ruled out. */
    public Elimination limiting() {
        return eliminations.isEmpty() ? null : eliminations.get(0);
    }
}
