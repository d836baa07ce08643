package parkgrid.process;

import java.util.List;
import java.util.Map;
import parkgrid.analysis.NetworkSummary;
import parkgrid.analysis.SourceRadius;
import parkgrid.feature.Feature;

/**
 * The answer of the supply-radius check.
 *
 * @param results   each source's longest path (metres), limit and flag
 * @param sources   the source features by id (their names and places)
 * @param voltageKv the voltage level checked (10 or 0.4)
 * @param network   which lines formed the network
 */
public record SupplyRadiusAnswer(List<SourceRadius> results, Map<Long, Feature> sources, double voltageKv,
                                 NetworkSummary network) implements ProcessResult {}
