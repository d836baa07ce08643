package parkgrid.analysis;

/**
 * Totals of a {@link CoverageAnalysis}.
 *
 * @param demandCount            number of demand features
 * @param coveredCount           of them covered
 * @param unassessedCount        of the uncovered ones, those with no applicable radius (no class, class E
 *                               "by calculation", voltage or class not in the rule table, no radius value)
 * @param coveredShare           coveredCount / demandCount (0 when there are no demands)
 * @param supplierCount          number of supplier features
 * @param populationCovered      sum of known population over covered demands
 * @param populationKnown        sum of known population over all demands
 * @param populationUnknownCount demands whose population is null or not a number (not in either sum)
 * @param populationCoveredShare populationCovered / populationKnown, or null when no population is known
 * @param mode                   distance mode
 * @param radiusDescription      the radius policy in words
 * @param epsg                   the metric CRS of the line network and covered areas (straight-line distances are
 *                               ellipsoidal)
 * @param network                network mode: the lines walked and the access-leg bound; null in Euclidean mode
 */
public record CoverageSummary(int demandCount, int coveredCount, int unassessedCount, double coveredShare,
                              int supplierCount, long populationCovered, long populationKnown,
                              int populationUnknownCount, Double populationCoveredShare, CoverageMode mode,
                              String radiusDescription, int epsg, NetworkSummary network) {}
