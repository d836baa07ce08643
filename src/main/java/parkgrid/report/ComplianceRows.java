package parkgrid.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import parkgrid.analysis.compliance.AreaFigures;
import parkgrid.analysis.compliance.ClassOverlap;
import parkgrid.analysis.compliance.ComplianceResult;
import parkgrid.analysis.compliance.ControlRule;
import parkgrid.analysis.compliance.LayerFinding;
import parkgrid.analysis.compliance.OverlapPiece;

/** The report's tables as rows of text, shared by the PDF and the xlsx so both say the same. */
final class ComplianceRows {
    static final String TITLE = "建设项目选址合规审查报告";
    static final String TITLE_EN = "Site compliance review";
    static final List<String> LAYER_HEADER = List.of("管控图层", "规则", "面积（m²）", "面积（亩）", "面积（公顷）", "结论");
    static final List<String> CLASS_HEADER = List.of("管控图层", "类别", "图斑数", "面积（m²）", "面积（亩）", "面积（公顷）");
    static final List<String> PIECE_HEADER = List.of("管控图层", "图斑 id", "类别", "面积（m²）", "面积（亩）", "面积（公顷）");
    static final String UNITS_NOTE = "面积在 WGS84 椭球面上计算（GeographicLib，与 PostGIS geography 一致）；1 公顷 = 10 000 m²，"
            + "1 亩 = 10 000/15 m² ≈ 666.667 m²。Areas on the WGS84 ellipsoid; 1 ha = 10 000 m², 1 mu = 10 000/15 m².";

    private ComplianceRows() {}

    static String ruleZh(ControlRule r) {
        return r == ControlRule.AVOID ? "不得占用 avoid" : "须位于其内 inside";
    }

    /** The area a layer's conclusion is about: the overlap (avoid) or the part outside (inside). */
    static AreaFigures reported(LayerFinding f) {
        return f.layer().rule() == ControlRule.AVOID ? f.overlap() : f.outside();
    }

    static String areaLabel(LayerFinding f) {
        return f.layer().rule() == ControlRule.AVOID ? "占用" : "范围外";
    }

    static List<List<String>> layerRows(ComplianceResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (LayerFinding f : r.findings()) {
            AreaFigures a = reported(f);
            rows.add(List.of(f.layer().labelZh() + "（" + f.layer().name() + "）", ruleZh(f.layer().rule()) + " · " + areaLabel(f),
                    m2(a), mu(a), ha(a), f.compliant() ? "符合" : "不符合"));
        }
        return rows;
    }

    static List<List<String>> classRows(ComplianceResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (LayerFinding f : r.findings()) {
            for (ClassOverlap c : f.classes()) {
                rows.add(List.of(f.layer().labelZh(), c.classValue() == null ? "—" : c.classValue(),
                        Integer.toString(c.pieces()), m2(c.area()), mu(c.area()), ha(c.area())));
            }
        }
        return rows;
    }


    static List<List<String>> pieceRows(ComplianceResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (LayerFinding f : r.findings()) {
            for (OverlapPiece p : f.pieces()) {
                rows.add(List.of(f.layer().labelZh(), Long.toString(p.featureId()), p.classValue() == null ? "—" : p.classValue(),
                        m2(p.area()), mu(p.area()), ha(p.area())));
            }
        }
        return rows;
    }

    static String m2(AreaFigures a) {
        return String.format(Locale.ROOT, "%,.1f", a.squareMetres());
    }

    static String mu(AreaFigures a) {
        return String.format(Locale.ROOT, "%.2f", a.mu());
    }

    static String ha(AreaFigures a) {
        return String.format(Locale.ROOT, "%.4f", a.hectares());
    }
}
