package parkgrid.analysis.compliance;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What the review found for one control layer.
 *
 * @param layer        the layer and its rule (its features are not repeated here)
 * @param overlap      the area of the project inside the layer's features (sum of the pieces)
 * @param outside      rule inside: the area of the project outside the layer; rule avoid: zero
 * @param outsidePart  rule inside: the part of the project outside the layer (lon/lat, possibly empty); rule avoid: null
 * @param classes      the overlap by class, largest first
 * @param pieces       the overlap per control feature, by feature id
 * @param compliant    true when the rule holds within the tolerance
 * @param findingZh    what was found, e.g. {@code 占用永久基本农田 0.50 公顷（7.5 亩）}
 * @param findingEn    the same in English, e.g. {@code occupies 0.50 ha (7.5 mu, 5,000 m²) of permanent basic farmland}
 */
public record LayerFinding(ControlLayer layer, AreaFigures overlap, AreaFigures outside, Geometry outsidePart,
                           List<ClassOverlap> classes, List<OverlapPiece> pieces, boolean compliant,
                           String findingZh, String findingEn) {
    public LayerFinding {
        classes = List.copyOf(classes);
        pieces = List.copyOf(pieces);
    }

    /** The finding with its verdict: {@code 占用永久基本农田 0.50 公顷（7.5 亩）— 不符合}, {@code 未占用生态保护红线 — 符合}. */
    public String conclusionZh() {
        String verdict = compliant ? "— 符合" : "— 不符合";
        return findingZh + (findingZh.endsWith("）") ? "" : " ") + verdict;
    }

    /** {@code occupies 0.50 ha (7.5 mu, 5,000 m²) of permanent basic farmland — not compliant}. */
    public String conclusionEn() {
        return findingEn + (compliant ? " — compliant" : " — not compliant");
    }
}
