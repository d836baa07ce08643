package parkgrid.process;

import java.util.List;
import parkgrid.analysis.CoverageResult;
import parkgrid.feature.Feature;

/**
 * The answer of the coverage process.
 *
 * @param demands      the demand features to write with their results (empty when include_features is false)
 * @param result       the coverage per demand feature, the summary and the covered areas
 * @param areasOmitted why the covered areas were not computed, or null when they were
 */
public record CoverageAnswer(List<Feature> demands, CoverageResult result, String areasOmitted) implements ProcessResult {}
