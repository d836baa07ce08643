package parkgrid.analysis.siting;

/**
 * How much of the study area one criterion rules out on its own.
 *
 * @param criterion        the criterion, in English ({@code "300 m from village"})
 * @param criterionZh      the criterion, in Chinese
 * @param areaSquareMetres the study area it rules out, m² (projection plane)
 * @param percent          that as a share of the study area, 0–100
 */
public record Elimination(String criterion, String criterionZh, double areaSquareMetres, double percent) {}
