package parkgrid.analysis.compliance;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The review of one project boundary against its control layers.
 *
 * @param boundary     the project boundary, lon/lat
 * @param boundaryArea its ellipsoidal area
 * @param findings     one per control layer, in the order given
 * @param compliant    true when every layer's rule holds
 * @param conclusionZh e.g. {@code 不符合：占用永久基本农田 0.50 公顷（7.5 亩）；…}
 * @param conclusionEn the same in English
 */
public record ComplianceResult(Geometry boundary, AreaFigures boundaryArea, List<LayerFinding> findings, boolean compliant,
                               String conclusionZh, String conclusionEn) {
    public ComplianceResult {
        findings = List.copyOf(findings);
    }
}
