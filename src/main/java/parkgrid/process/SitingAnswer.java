package parkgrid.process;

import java.util.Map;
import parkgrid.analysis.siting.SitingResult;

/**
 * The answer of the siting process.
 *
 * @param result  the feasible area and the ranked candidates
 * @param summary JSON-ready values written beside them (areas, criteria with their sources, eliminations)
 */
public record SitingAnswer(SitingResult result, Map<String, Object> summary) implements ProcessResult {
    public SitingAnswer {
        summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
    }
}
