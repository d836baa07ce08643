package parkgrid.process;

import java.util.List;
import parkgrid.analysis.facility.FacilityLocationResult;
import parkgrid.feature.Feature;

/**
 * The answer of the facility-location process.
 *
 * @param result         the chosen sites, solutions and before/after coverage
 * @param demands        the demand features, in the order of {@link FacilityLocationResult#newlyCoveredBy()}
 * @param candidates     where the candidates came from: a collection name, or "grid"
 * @param demandLayer    the demand collection
 * @param existingLayers the existing supplier collections
 * @param weightProperty the weight property, or null (every demand weighs 1)
 */
public record FacilityLocationAnswer(FacilityLocationResult result, List<Feature> demands, String candidates, String demandLayer,
                                     List<String> existingLayers, String weightProperty) implements ProcessResult {
    public FacilityLocationAnswer {
        demands = List.copyOf(demands);
        existingLayers = List.copyOf(existingLayers);
    }
}
