package parkgrid.analysis.facility;

import java.util.List;

/**
 * The answer of a {@link FacilityLocation}.
 *
 * @param sites              the chosen sites, by rank
 * @param answer             the solution the sites come from (the exact one when it ran)
 * @param greedy             the greedy solution, or null when not run
 * @param exact              the CP-SAT solution, or null when not run (or the instance was over the size limit)
 * @param exactSkipped       why the exact solver did not run although asked for, or null
 * @param demandCount        demand features
 * @param demandWeight       their total weight
 * @param weightUnknownCount demands whose weight property is empty (counted with weight 0)
 * @param coveredBefore      demands the existing suppliers cover
 * @param weightBefore       their weight
 * @param coveredAfter       demands covered by the existing suppliers or a chosen site
 * @param weightAfter        their weight
 * @param reachableCount     uncovered demands some candidate reaches (no choice covers more)
 * @param newlyCoveredBy     per demand (input order): rank of the chosen site that newly covers it, 0 when none does
 *                           (covered before, or not reached)
 * @param coveredByExisting  per demand: covered by an existing supplier
 * @param candidateCount     candidate sites
 * @param pairCount          candidate–demand pairs within reach (over uncovered demands)
 * @param groupCount         demand groups in the model (demands with equal coverage sets merged)
 * @param radius             the candidates' radius in words
 * @param existingRadius     the existing suppliers' radius in words
 * @param nativeLoadSeconds  OR-Tools native load time in this JVM (NaN when not loaded)
 * @param network            which lines formed the network (reach along the network), or null (straight-line)
 */
public record FacilityLocationResult(List<ChosenSite> sites, CoverSolution answer, CoverSolution greedy, CoverSolution exact,
                                     String exactSkipped, int demandCount, double demandWeight, int weightUnknownCount,
                                     int coveredBefore, double weightBefore, int coveredAfter, double weightAfter,
                                     int reachableCount, int[] newlyCoveredBy, boolean[] coveredByExisting, int candidateCount,
                                     long pairCount, int groupCount, String radius, String existingRadius, double nativeLoadSeconds,
                                     parkgrid.analysis.NetworkSummary network) {
    public FacilityLocationResult {
        sites = List.copyOf(sites);
        newlyCoveredBy = newlyCoveredBy.clone();
        coveredByExisting = coveredByExisting.clone();
    }

    /** (exact − greedy) / exact: how much the greedy choice leaves on the table; NaN unless both ran. */
    public double greedyGap() {
        if (greedy == null || exact == null) return Double.NaN;
        return exact.objective() > 0 ? (exact.objective() - greedy.objective()) / exact.objective() : 0;
    }
}
