package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkgrid.io.SeedData;
import parkgrid.json.Json;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/** The compliance process over HTTP on both stores: the seed's park against its illustrative control lines, reports, bad input. */
class ComplianceApiTest extends SeededServerTest {
    private static final String SCHEMA = "compliance_api_test";
    private static final String PARK = "{\"inputs\":{\"feature\":{\"collection\":\"park\",\"id\":1}}}";

    static HttpResponse<byte[]> post(TestServer s, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/processes/compliance/execution"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void theParkOccupiesFarmlandAndReachesOutOfTheTownOnBothStores() throws Exception {
        HttpResponse<byte[]> embedded = post(server, PARK);
        assertEquals(200, embedded.statusCode(), new String(embedded.body(), StandardCharsets.UTF_8));
        assertTrue(embedded.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
        JsonNode s = json(embedded).get("summary");
        assertFalse(s.get("compliant").asBoolean());
        assertTrue(s.get("conclusion_zh").asText().startsWith("不符合：占用永久基本农田 "), s.toString());
        assertTrue(s.get("conclusion_zh").asText().contains("位于城镇开发边界外"), s.toString());
        JsonNode farm = s.at("/layers/0");
        assertEquals("basic_farmland", farm.get("layer").asText());
        assertEquals("dlbm", farm.get("class_property").asText());
        assertEquals(4, farm.get("overlap_features").asInt());
        assertTrue(farm.get("overlap_m2").asDouble() > 1000, farm.toString());
        assertEquals(farm.get("overlap_m2").asDouble() / 10_000, farm.get("overlap_ha").asDouble(), 1e-5);
        assertEquals(farm.get("overlap_m2").asDouble() * 15 / 10_000, farm.get("overlap_mu").asDouble(), 1e-3);
        assertTrue(s.at("/layers/1/compliant").asBoolean(), "the red lines lie clear of the park");
        assertEquals("未占用生态保护红线 — 符合", s.at("/layers/1/conclusion_zh").asText());
        assertEquals(4_000_000, s.get("boundary_m2").asDouble(), 4000);

        String url = RequiredServices.postGisUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            try (PostGisStore store = PostGisStore.open(url, "postgres", "", SCHEMA)) {
                SeedData.loadIfEmpty(store);
                try (TestServer onPostGis = TestServer.serving(store, dir)) {
                    JsonNode pg = json(post(onPostGis, PARK)).get("summary");
                    assertEquals(s.get("conclusion_zh").asText(), pg.get("conclusion_zh").asText());
                    for (int i = 0; i < 3; i++) {
                        assertEquals(s.at("/layers/" + i + "/overlap_m2").asDouble(), pg.at("/layers/" + i + "/overlap_m2").asDouble(), 0.02);
                    }
                    assertEquals(s.at("/layers/2/outside_m2").asDouble(), pg.at("/layers/2/outside_m2").asDouble(), 0.02);
                }
            } finally {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    @Test
    void thePdfAndXlsxReportsDownloadWithAChineseFileName() throws Exception {
        RequiredServices.cjkFont();
        HttpResponse<byte[]> pdf = post(server, "{\"inputs\":{\"feature\":{\"collection\":\"park\",\"id\":1},\"format\":\"pdf\",\"project_name\":\"绿色建材项目\"}}");
        assertEquals(200, pdf.statusCode(), new String(pdf.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"report.pdf\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode("选址合规审查报告-绿色建材项目.pdf", StandardCharsets.UTF_8),
                pdf.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1));

        HttpResponse<byte[]> xlsx = post(server, "{\"inputs\":{\"feature\":{\"collection\":\"park\",\"id\":1},\"format\":\"xlsx\"}}");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").endsWith(".xlsx"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals("永久基本农田", wb.getSheet("审查结论").getRow(6).getCell(0).getStringCellValue());
            assertTrue(wb.getSheet("审查结论").getRow(6).getCell(3).getNumericCellValue() > 1000);
        }
    }

    @Test
    void aTxtBoundaryAgainstNamedControlsWithChineseLabels() throws Exception {
        // a 200 m × 100 m parcel inside the park's south (CM 111°E, zone prefix 37)
        String txt = "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=37\n[地块坐标]\n5,2.0,A-1,示例地块,面,,工业用地,,@\n"
                + "J1,1,3782000,37631500\nJ2,1,3782000,37631700\nJ3,1,3782100,37631700\nJ4,1,3782100,37631500\nJ1,1,3782000,37631500\n";
        String body = Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode().set("inputs", Json.MAPPER.createObjectNode()
                .put("boundary_txt", txt)
                .set("controls", Json.MAPPER.readTree("[{\"collection\":\"park\",\"rule\":\"inside\",\"label_zh\":\"产业园区范围\"},"
                        + "{\"collection\":\"parcels\",\"rule\":\"avoid\",\"class_property\":\"status\",\"label_zh\":\"已出让地块\",\"tolerance_m2\":0}]"))));
        HttpResponse<byte[]> r = post(server, body);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode s = json(r).get("summary");
        // 131.5 km east of the central meridian the Gauss–Krüger plane is stretched by k = 1 + y²/2R²: the parcel's
        // 20 000 m² on the plane are 20 000 / k² on the ellipsoid
        double k = 1 + 131_500.0 * 131_500.0 / (2 * 6_371_000.0 * 6_371_000.0);
        assertEquals(20_000 / (k * k), s.get("boundary_m2").asDouble(), 1.0);
        assertTrue(s.get("subject").asText().contains("示例地块"), s.toString());
        assertEquals("产业园区范围", s.at("/layers/0/label_zh").asText());
        assertEquals("inside", s.at("/layers/0/rule").asText());
        assertEquals("status", s.at("/layers/1/class_property").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"boundary\":{\"type\":\"Point\",\"coordinates\":[112.45,34.17]}} | 400 | boundary",
        "{\"boundary_txt\":\"[地块坐标]\\n3,,A,未闭合,面,,,,@\\nJ1,1,3782000,37631500\\nJ2,1,3782000,37631700\\nJ3,1,3782100,37631700\\nJ4,1,3782100,37631500\\n\"} | 400 | boundary_txt",
        "{} | 400 | boundary",
        "{\"feature\":{\"collection\":\"park\",\"id\":1},\"controls\":[{\"collection\":\"不存在\",\"rule\":\"avoid\"}]} | 404 | controls[0].collection",
        "{\"feature\":{\"collection\":\"park\",\"id\":1},\"controls\":[{\"collection\":\"villages\",\"rule\":\"avoid\"}]} | 400 | controls[0].collection",
        "{\"feature\":{\"collection\":\"park\",\"id\":1},\"controls\":[{\"collection\":\"park\",\"rule\":\"避让\"}]} | 400 | controls[0].rule",
        "{\"feature\":{\"collection\":\"park\",\"id\":1},\"controls\":[{\"collection\":\"park\",\"rule\":\"avoid\",\"类别\":\"dlbm\"}]} | 400 | controls[0].类别",
        "{\"feature\":{\"collection\":\"park\",\"id\":1},\"controls\":[{\"collection\":\"parcels\",\"rule\":\"avoid\",\"class_property\":\"地类\"}]} | 400 | controls[0].class_property",
        "{\"feature\":{\"collection\":\"park\",\"id\":1},\"format\":\"docx\"} | 400 | format",
    })
    void badInputIsAProblemNamingTheInput(String inputs, int status, String parameter) throws Exception {
        HttpResponse<byte[]> r = post(server, "{\"inputs\":" + inputs + "}");
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(status, r.statusCode(), text);
        assertEquals("application/problem+json;charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(parameter, Json.MAPPER.readTree(text).get("parameter").asText(), text);
    }
}
