package parkgrid.analysis.facility;

import parkgrid.feature.Feature;

/**
 * One new site of the answer.
 *
 * @param rank                1 for the site that adds the most, then each next one by what it adds to those before
 * @param candidate           index in the candidate list
 * @param feature             the candidate feature (EPSG:4326)
 * @param newlyCoveredWeight  demand weight this site covers that neither existing suppliers nor the sites ranked
 *                            before it cover
 * @param newlyCoveredCount   demand features in that weight
 * @param reachableCount      uncovered demand features within this site's radius (shared ones included)
 */
public record ChosenSite(int rank, int candidate, Feature feature, double newlyCoveredWeight, int newlyCoveredCount, int reachableCount) {}
