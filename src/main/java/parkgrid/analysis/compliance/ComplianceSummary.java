package parkgrid.analysis.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The short form of a {@link ComplianceResult} that a siting candidate carries: per control layer the overlap
 * in m², 亩 and 公顷 and its conclusion, and the overall verdict. JSON-ready maps (numbers rounded for display:
 * m² to 0.1, 亩 to 0.01, 公顷 to 0.0001). Pure.
 */
public final class ComplianceSummary {
    private ComplianceSummary() {}

    /** Reviews {@code site} against {@code layers} with {@link ComplianceReview} and summarises it. */
    public static Map<String, Object> of(ComplianceReview review, org.locationtech.jts.geom.Geometry site, List<ControlLayer> layers) {
        return of(review.review(site, layers));
    }

    public static Map<String, Object> of(ComplianceResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("compliant", r.compliant());
        out.put("conclusion", r.conclusionEn());
        out.put("conclusion_zh", r.conclusionZh());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerFinding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", f.layer().name());
            m.put("label", f.layer().labelEn());
            m.put("label_zh", f.layer().labelZh());
            m.put("rule", f.layer().rule().apiName());
            m.put("overlap_m2", round(f.overlap().squareMetres(), 1));
            m.put("overlap_mu", round(f.overlap().mu(), 2));
            m.put("overlap_ha", round(f.overlap().hectares(), 4));
            if (f.layer().rule() == ControlRule.INSIDE) m.put("outside_m2", round(f.outside().squareMetres(), 1));
            m.put("compliant", f.compliant());
            m.put("conclusion", f.conclusionEn());
            m.put("conclusion_zh", f.conclusionZh());
            layers.add(m);
        }
        out.put("layers", layers);
        return out;
    }

    private static double round(double v, int digits) {
        double s = Math.pow(10, digits);
        return Math.round(v * s) / s;
    }
}
