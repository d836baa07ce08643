package parkgrid.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import parkgrid.analysis.compliance.AreaFigures;
import parkgrid.analysis.compliance.ClassOverlap;
import parkgrid.analysis.compliance.ComplianceResult;
import parkgrid.analysis.compliance.LayerFinding;
import parkgrid.analysis.compliance.OverlapPiece;

/**
 * The compliance review as an xlsx workbook (Apache POI): sheet 审查结论 (one row per control layer and the
 * overall conclusion), 分类统计 (per class) and 占用图斑 (per control feature), areas as numbers in m², 亩 and
 * 公顷 so they can be summed.
 */
public final class ComplianceXlsx {
    public static final String SUMMARY_SHEET = "审查结论";
    public static final String CLASS_SHEET = "分类统计";
    public static final String PIECE_SHEET = "占用图斑";

    public byte[] write(ComplianceResult r, String subject) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle area = wb.createCellStyle();
            area.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            CellStyle fine = wb.createCellStyle();
            fine.setDataFormat(wb.createDataFormat().getFormat("0.0000"));
            CellStyle bold = wb.createCellStyle();
            var f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);

            Sheet s = wb.createSheet(SUMMARY_SHEET);
            int n = 0;
            text(s.createRow(n++), bold, ComplianceRows.TITLE);
            text(s.createRow(n++), null, "审查对象", subject);
            Row pa = s.createRow(n++);
            text(pa, null, "项目用地面积");
            areas(pa, 1, r.boundaryArea(), area, fine);
            text(s.createRow(n++), bold, "总体结论", r.conclusionZh(), r.conclusionEn());
            n++;
            text(s.createRow(n++), bold, "管控图层", "图层", "规则", "面积（m²）", "面积（亩）", "面积（公顷）", "是否符合", "结论", "conclusion");
            for (LayerFinding lf : r.findings()) {
                Row row = s.createRow(n++);
                text(row, null, lf.layer().labelZh(), lf.layer().name(), ComplianceRows.ruleZh(lf.layer().rule()) + " · " + ComplianceRows.areaLabel(lf));
                areas(row, 3, ComplianceRows.reported(lf), area, fine);
                row.createCell(6).setCellValue(lf.compliant() ? "符合" : "不符合");
                row.createCell(7).setCellValue(lf.conclusionZh());
                row.createCell(8).setCellValue(lf.conclusionEn());
            }
            n++;
            text(s.createRow(n), null, "说明", ComplianceRows.UNITS_NOTE);
            for (int c = 0; c < 9; c++) s.setColumnWidth(c, c >= 7 ? 60 * 256 : 18 * 256);

            Sheet cs = wb.createSheet(CLASS_SHEET);
            text(cs.createRow(0), bold, "管控图层", "图层", "类别", "图斑数", "面积（m²）", "面积（亩）", "面积（公顷）");
            int k = 1;
            for (LayerFinding lf : r.findings()) {
                for (ClassOverlap c : lf.classes()) {
                    Row row = cs.createRow(k++);
                    text(row, null, lf.layer().labelZh(), lf.layer().name(), c.classValue() == null ? "" : c.classValue());
                    row.createCell(3).setCellValue(c.pieces());
                    areas(row, 4, c.area(), area, fine);
                }
            }
            for (int c = 0; c < 7; c++) cs.setColumnWidth(c, 18 * 256);

            Sheet ps = wb.createSheet(PIECE_SHEET);
            text(ps.createRow(0), bold, "管控图层", "图层", "图斑 id", "类别", "面积（m²）", "面积（亩）", "面积（公顷）");
            k = 1;
            for (LayerFinding lf : r.findings()) {
                for (OverlapPiece p : lf.pieces()) {
                    Row row = ps.createRow(k++);
                    text(row, null, lf.layer().labelZh(), lf.layer().name());
                    row.createCell(2).setCellValue(p.featureId());
                    row.createCell(3).setCellValue(p.classValue() == null ? "" : p.classValue());
                    areas(row, 4, p.area(), area, fine);
                }
            }
            for (int c = 0; c < 7; c++) ps.setColumnWidth(c, 18 * 256);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void text(Row row, CellStyle style, String... values) {
        List<String> v = List.of(values);
        for (int i = 0; i < v.size(); i++) {
            var c = row.createCell(i);
            c.setCellValue(v.get(i));
            if (style != null) c.setCellStyle(style);
        }
    }

    private static void areas(Row row, int first, AreaFigures a, CellStyle area, CellStyle fine) {
        var m2 = row.createCell(first);
        m2.setCellValue(a.squareMetres());
        m2.setCellStyle(area);
        var mu = row.createCell(first + 1);
        mu.setCellValue(a.mu());
        mu.setCellStyle(area);
        var ha = row.createCell(first + 2);
        ha.setCellValue(a.hectares());
        ha.setCellStyle(fine);
    }
}
