package parkgrid.analysis.siting;

/**
 * How one candidate site fares on one criterion, with its figure and the reason in plain words.
 *
 * @param kind           {@code exclusion}, {@code requirement} or {@code preference}
 * @param label          the criterion's label
 * @param distanceMetres ellipsoidal metres (WGS84) from the site's edge (exclusions, requirements) or centre
 *                       (preferences) to the nearest geometry of the set; NaN when the set is empty
 * @param limitMetres    the buffer (exclusion) or the distance (requirement) asked; NaN for a preference
 * @param satisfied      true when the constraint holds; always true for a preference
 * @param weight         the preference weight; 0 for constraints
 * @param score          the preference score, 0–1 (1 best); NaN for constraints
 * @param countWithinKm  for a preference, how many geometries of the set lie within 1 km of the site's centre; -1 otherwise
 * @param reasonEn       e.g. {@code 412 m to nearest village (min 300) ✓}
 * @param reasonZh       e.g. {@code 距最近村庄 412 米（不少于 300 米）✓}
 */
public record CriterionCheck(String kind, CriterionLabel label, double distanceMetres, double limitMetres, boolean satisfied,
                             double weight, double score, int countWithinKm, String reasonEn, String reasonZh) {}
