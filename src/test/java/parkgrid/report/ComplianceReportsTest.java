package parkgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parkgrid.analysis.compliance.GaussKrugerSquares.feature;
import static parkgrid.analysis.compliance.GaussKrugerSquares.rectangle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.analysis.compliance.ComplianceResult;
import parkgrid.analysis.compliance.ComplianceReview;
import parkgrid.analysis.compliance.ControlLayer;
import parkgrid.analysis.compliance.ControlRule;
import parkgrid.feature.ParkGridException;
import parkgrid.json.Json;
import parkgrid.testing.RequiredServices;

/**
 * The three report formats of a review with known figures (19 公顷 of farmland, 20 公顷 outside the town): the
 * PDF read back by poppler ({@code pdffonts}: the CJK font embedded as CID TrueType; {@code pdftotext}: the
 * Chinese and the numbers; {@code pdftoppm}: the page renders with ink where the text is), the xlsx by POI and
 * GDAL, the GeoJSON by Jackson.
 */
class ComplianceReportsTest {
    @TempDir
    Path dir;

    static ComplianceResult review() {
        var farmland = new ControlLayer("basic_farmland", "永久基本农田", "permanent basic farmland", "dlbm", ControlRule.AVOID, 1.0, List.of(
                feature(11, rectangle(-300, 100, 200, 400), "0101"),
                feature(12, rectangle(900, -500, 1400, 1500, new double[] {950, 200, 1100, 400}), "0103"),
                feature(13, rectangle(400, 500, 500, 900), "0101")));
        var eco = new ControlLayer("eco_redline", "生态保护红线", "the ecological protection red line", null, ControlRule.AVOID, 1.0,
                List.of(feature(21, rectangle(1000, 0, 2000, 1000), null)));
        var town = new ControlLayer("urban_boundary", "城镇开发边界", "urban development boundary", null, ControlRule.INSIDE, 1.0,
                List.of(feature(31, rectangle(-500, -500, 1500, 800), null)));
        return new ComplianceReview(null).review(rectangle(0, 0, 1000, 1000), List.of(farmland, eco, town));
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    @Test
    void thePdfEmbedsTheCjkFontAsCidTrueTypeAndGivesBackTheChineseAndTheNumbers() throws Exception {
        Path font = RequiredServices.cjkFont();
        RequiredServices.executable("/usr/bin/pdffonts");
        byte[] pdf = new CompliancePdf(font).write(review(), "汝阳县绿色建材项目（示例）");
        Path file = dir.resolve("报告.pdf");
        Files.write(file, pdf);
        Files.write(Path.of("target/compliance-report.pdf"), pdf); // to look at, like the browser tests' screenshots
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));

        String fonts = run(dir, "/usr/bin/pdffonts", file.toString());
        String fontLine = fonts.lines().skip(2).findFirst().orElseThrow();
        assertTrue(fontLine.contains("CID TrueType"), fonts);
        assertTrue(fontLine.matches(".*Identity-H\\s+yes\\s+yes\\s+yes.*"), "embedded, subset, with ToUnicode: " + fonts);
        assertEquals(1, fonts.lines().skip(2).filter(l -> !l.isBlank()).count(), "one font only, nothing left to a viewer's substitute: " + fonts);

        String text = run(dir, "/usr/bin/pdftotext", "-layout", file.toString(), "-");
        for (String expected : List.of("建设项目选址合规审查报告", "汝阳县绿色建材项目（示例）", "永久基本农田", "生态保护红线", "城镇开发边界",
                "占用永久基本农田 19.00 公顷（285.0 亩）— 不符合", "位于城镇开发边界外 20.00 公顷（300.0 亩）— 不符合",
                "未占用生态保护红线 — 符合", "190,000.0", "285.00", "19.0000", "200,000.0", "0101", "0103", "100.00 公顷")) {
            assertTrue(text.contains(expected), "pdftotext lacks '" + expected + "':\n" + text);
        }

        run(dir, "/usr/bin/pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", file.toString(), "page");
        var page = javax.imageio.ImageIO.read(dir.resolve("page-1.png").toFile());
        int ink = 0;
        for (int y = 0; y < page.getHeight() / 6; y++) {
            for (int x = 0; x < page.getWidth(); x++) if ((page.getRGB(x, y) & 0xFF) < 128) ink++;
        }
        assertTrue(ink > 200, "the title area of the rendered page has ink (" + ink + " dark pixels)");
    }

    @Test
    void theXlsxHoldsTheChineseAndTheAreasAsNumbers() throws Exception {
        byte[] xlsx = new ComplianceXlsx().write(review(), "汝阳县绿色建材项目（示例）");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet(ComplianceXlsx.SUMMARY_SHEET);
            assertEquals("建设项目选址合规审查报告", s.getRow(0).getCell(0).getStringCellValue());
            assertTrue(s.getRow(3).getCell(1).getStringCellValue().startsWith("不符合：占用永久基本农田 19.00 公顷"));
            var farm = s.getRow(6);
            assertEquals("永久基本农田", farm.getCell(0).getStringCellValue());
            assertEquals(190_000, farm.getCell(3).getNumericCellValue(), 19);
            assertEquals(285, farm.getCell(4).getNumericCellValue(), 0.03);
            assertEquals(19, farm.getCell(5).getNumericCellValue(), 0.002);
            assertEquals("不符合", farm.getCell(6).getStringCellValue());
            assertEquals(200_000, s.getRow(8).getCell(3).getNumericCellValue(), 20);
            Sheet classes = wb.getSheet(ComplianceXlsx.CLASS_SHEET);
            assertEquals("0101", classes.getRow(1).getCell(2).getStringCellValue());
            assertEquals(2, classes.getRow(1).getCell(3).getNumericCellValue());
            assertEquals(100_000, classes.getRow(1).getCell(4).getNumericCellValue(), 10);
            assertEquals(4, wb.getSheet(ComplianceXlsx.PIECE_SHEET).getLastRowNum(), "3 farmland pieces + 1 town piece");
        }
        Path ogrinfo = Path.of("/usr/bin/ogrinfo");
        if (Files.isExecutable(ogrinfo)) {
            Path file = dir.resolve("报告.xlsx");
            Files.write(file, xlsx);
            String out = run(dir, ogrinfo.toString(), "-ro", "-al", "-oo", "HEADERS=FORCE", file.toString(), ComplianceXlsx.CLASS_SHEET);
            assertTrue(out.contains("永久基本农田"), out);
            assertTrue(out.contains("0103"), out);
        }
    }

    @Test
    void theGeoJsonHasTheOverlapsAndTheSummary() throws Exception {
        JsonNode fc = Json.MAPPER.readTree(ComplianceGeoJson.write(review(), "测试"));
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertEquals(1 + 3 + 1 + 1, fc.get("features").size(), "boundary, 3 farmland pieces, 1 town piece, the part outside");
        JsonNode farm = fc.at("/summary/layers/0");
        assertEquals("永久基本农田", farm.get("label_zh").asText());
        assertEquals(190_000, farm.get("overlap_m2").asDouble(), 19);
        assertEquals(19, farm.get("overlap_ha").asDouble(), 0.002);
        assertEquals("0101", farm.at("/classes/0/class").asText());
        assertFalse(fc.at("/summary/compliant").asBoolean());
        assertEquals(200_000, fc.at("/summary/layers/2/outside_m2").asDouble(), 20);
    }

    @Test
    void withoutAFontThePdfIsAProblemNamingTheSetting() {
        var missing = new CjkFont(dir.resolve("无此字体.ttc").toString(), CjkFont.KNOWN_PATHS);
        var e = assertThrows(ParkGridException.Unavailable.class, () -> missing.require("format"));
        assertEquals("format", e.parameter());
        assertTrue(e.getMessage().contains(CjkFont.SETTING), e.getMessage());
        var none = new CjkFont(null, List.of(dir.resolve("nothing.ttf").toString()));
        assertTrue(none.locate().isEmpty());
        assertTrue(assertThrows(ParkGridException.Unavailable.class, () -> none.require("format")).getMessage().contains("fonts-wqy-microhei"));
    }
}
