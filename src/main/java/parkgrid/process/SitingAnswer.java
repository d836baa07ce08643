package parkgrid.process;

import java.util.Map;
import parkgrid.analysis.siting.SitingResult;

/**
 * The answer of the siting process.
 *
 * @param result  the feasible area and the ranked candidates
 * @param summary    JSON-ready values written beside them (areas, criteria with their sources, eliminations)
 * @param compliance each candidate's compliance summary against the control layers, in candidate order
 *                   ({@link parkgrid.analysis.compliance.ComplianceSummary}); empty when the deployment has no control layer
 */
public record SitingAnswer(SitingResult result, Map<String, Object> summary, java.util.List<Map<String, Object>> compliance) implements ProcessResult {
    public SitingAnswer {
        summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
        compliance = java.util.List.copyOf(compliance);
    }
}
