package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The compliance tab of the map ("Compliance 合规") in a real browser: pick the park polygon with a real click,
 * the overlap table must show the figures of the process, and the PDF report downloads through fetch.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapComplianceBrowserTest extends BrowserTestSupport {

    @Test
    @Order(1)
    void pickingTheParkShowsItsFarmlandOverlapAsNotCompliant() throws Exception {
        openPanelTab("compliance");
        js.executeScript("window.parkgrid.focusFeature('park', 1, 14)");
        Map<?, ?> point = (Map<?, ?>) js.executeScript("return window.parkgrid.featureClickPoint('park', 1)");
        assertNotNull(point, "the park polygon shows a clickable point");
        driver.findElement(By.id("pg-cp-pick")).click();
        clickAt(((Number) point.get("x")).longValue(), ((Number) point.get("y")).longValue());
        awaitResult("pg-cp-results", "#pg-cp-table");
        assertTrue(driver.findElement(By.id("pg-cp-source")).getText().contains("#1"), driver.findElement(By.id("pg-cp-source")).getText());

        JsonNode summary = execute("compliance", Map.of("feature", Map.of("collection", "park", "id", 1))).path("summary");
        JsonNode farmland = null;
        for (JsonNode l : summary.path("layers")) if (l.path("label_zh").asText().equals("永久基本农田")) farmland = l;
        assertNotNull(farmland, "the review covers 永久基本农田: " + summary);
        WebElement row = driver.findElement(By.cssSelector("#pg-cp-table tr.pg-cp-layer[data-layer='" + farmland.path("layer").asText() + "']"));
        assertTrue(row.getText().contains("永久基本农田"), row.getText());
        assertTrue(row.getText().contains("不符合"), "farmland occupied: " + row.getText());
        assertEquals("false", row.getAttribute("data-compliant"));
        assertEquals(String.format(Locale.US, "%,.4f", farmland.path("overlap_ha").asDouble()),
                row.findElement(By.cssSelector(".pg-cp-ha")).getText(), "公顷 as the process answers");
        assertTrue(farmland.path("overlap_ha").asDouble() > 0);
        assertEquals(summary.path("layers").size(), driver.findElements(By.cssSelector("#pg-cp-table tr.pg-cp-layer")).size());
        WebElement overall = driver.findElement(By.id("pg-cp-overall"));
        assertEquals(summary.path("compliant").asText(), overall.getAttribute("data-compliant"));
        assertTrue(overall.getText().contains(summary.path("conclusion_zh").asText()), overall.getText());
        assertEquals(Boolean.TRUE, js.executeScript("return window.parkgrid.results.compliance.getLayers().length > 0"), "overlaps drawn");
        assertTrue(!driver.findElements(By.cssSelector("path.pg-cp-overlap")).isEmpty(), "overlap pieces on the map");
        screenshot("map-compliance.png");
    }

    @Test
    @Order(2)
    void thePdfReportDownloadsAsPdf() throws Exception {
        driver.findElement(By.id("pg-cp-pdf")).click();
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> !d.findElements(By.id("pg-cp-pdf-link")).isEmpty());
        WebElement link = driver.findElement(By.id("pg-cp-pdf-link"));
        assertEquals("application/pdf", link.getAttribute("data-type"));
        assertTrue(link.getAttribute("download").endsWith(".pdf"), link.getAttribute("download"));
        Object head = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(document.getElementById('pg-cp-pdf-link').href).then((r) => r.blob())"
                + ".then(async (b) => done(b.type + ' ' + (await b.slice(0, 5).text()))).catch((e) => done(String(e)))");
        assertEquals("application/pdf %PDF-", head);

        String body = JSON.writeValueAsString(Map.of("inputs", Map.of("feature", Map.of("collection", "park", "id", 1), "format", "pdf")));
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(base + "/processes/compliance/execution"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));

        driver.findElement(By.id("pg-cp-xlsx")).click();
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> !d.findElements(By.id("pg-cp-xlsx-link")).isEmpty());
        assertTrue(driver.findElement(By.id("pg-cp-xlsx-link")).getAttribute("data-type").contains("spreadsheetml"));
    }

    @Test
    @Order(3)
    void aPastedTxtFileIsReviewedAndAnUnclosedRingIsNamed() throws Exception {
        String txt = "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=37\n[地块坐标]\n5,2.0,A-1,示例地块,面,,工业用地,,@\n"
                + "J1,1,3782000,37631500\nJ2,1,3782000,37631700\nJ3,1,3782100,37631700\nJ4,1,3782100,37631500\nJ1,1,3782000,37631500\n";
        driver.findElement(By.cssSelector("#pg-cp-txt-box summary")).click();
        js.executeScript("document.getElementById('pg-cp-txt').value = arguments[0]", txt);
        driver.findElement(By.id("pg-cp-use-txt")).click();
        WebElement overall = awaitResult("pg-cp-results", "#pg-cp-overall");
        assertTrue(driver.findElement(By.id("pg-cp-source")).getText().contains("电子报盘"));
        JsonNode summary = execute("compliance", Map.of("boundary_txt", txt)).path("summary");
        assertEquals(summary.path("compliant").asText(), overall.getAttribute("data-compliant"));
        String caption = driver.findElement(By.cssSelector("#pg-cp-table caption")).getText();
        assertTrue(caption.contains(String.format(Locale.US, "%,.4f", summary.path("boundary_ha").asDouble()) + " 公顷"), caption);

        js.executeScript("document.getElementById('pg-cp-txt').value = arguments[0]",
                "[地块坐标]\n3,,A,未闭合,面,,,,@\nJ1,1,3782000,37631500\nJ2,1,3782000,37631700\nJ3,1,3782100,37631700\nJ4,1,3782100,37631500\n");
        driver.findElement(By.id("pg-cp-use-txt")).click();
        WebElement problem = new WebDriverWait(driver, RESULT_TIMEOUT).until(d ->
                d.findElements(By.cssSelector("#pg-cp-results .pg-problem")).stream().findFirst().orElse(null));
        assertTrue(problem.getText().contains("boundary_txt"), "the problem names the input: " + problem.getText());
        // the 400 is the one console error this test provokes
        var severe = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
        assertEquals(1, severe.size(), severe.toString());
        assertTrue(severe.get(0).getMessage().contains("400"), severe.toString());
    }
}
