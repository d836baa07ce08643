package parkgrid.analysis.compliance;

/**
 * The overlap of the project with the features of one class of a control layer.
 *
 * @param classValue the class value (e.g. {@code 0101}), null for features without one
 * @param area       the summed area of its pieces
 * @param pieces     how many control features contribute
 */
public record ClassOverlap(String classValue, AreaFigures area, int pieces) {}
