package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The coverage tab of the map ("Coverage 供电覆盖"): POST /processes/coverage/execution and
 * /processes/supply-radius/execution, shown as a covered area, coloured demand features and lists.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapCoverageBrowserTest extends BrowserTestSupport {

    @Test
    @Order(1)
    void euclideanCoverageOfVillagesByTransformersWithin2000Metres() throws Exception {
        openPanelTab("coverage");
        new Select(driver.findElement(By.id("pg-c-supply"))).selectByValue("transformers");
        new Select(driver.findElement(By.id("pg-c-demand"))).selectByValue("villages");
        new Select(driver.findElement(By.id("pg-c-kind"))).selectByValue("constant");
        new Select(driver.findElement(By.id("pg-c-mode"))).selectByValue("euclidean");
        WebElement metres = driver.findElement(By.id("pg-c-metres"));
        metres.clear();
        metres.sendKeys("2000");
        driver.findElement(By.id("pg-c-run")).click();

        WebElement summary = awaitResult("pg-c-results", "#pg-c-summary");
        JsonNode answer = execute("coverage", Map.of("supply", "transformers", "demand", "villages",
                "radius", Map.of("type", "constant", "metres", 2000), "mode", "euclidean"));
        int villages = getJson("/collections/villages/items?limit=1").path("numberMatched").asInt();
        int covered = answer.path("summary").path("covered_count").asInt();
        assertTrue(summary.getText().contains(covered + " / " + villages), "summary shows covered / all: " + summary.getText());
        assertTrue(summary.getText().contains("Population"), "summary shows the population: " + summary.getText());

        List<WebElement> rows = driver.findElements(By.cssSelector("#pg-c-uncovered li"));
        assertEquals(answer.path("uncovered").size(), rows.size(), "one row per uncovered village");
        if (rows.isEmpty()) {
            assertTrue(driver.findElement(By.id("pg-c-all-covered")).isDisplayed());
        } else {
            for (WebElement row : rows) {
                assertFalse(row.findElement(By.cssSelector(".pg-list-reason")).getText().isBlank(), "each row has a reason: " + row.getText());
            }
            String reason = rows.get(0).findElement(By.cssSelector(".pg-list-reason")).getText();
            rows.get(0).click();
            String popup = awaitPopupText();
            assertTrue(popup.contains("Not covered") && popup.contains(reason), "the row's popup gives the reason: " + popup);
            closePopup();
        }

        assertEquals(Boolean.TRUE, js.executeScript("var r = window.parkgrid.results, m = window.parkgrid.map;"
                + " return m.hasLayer(r.coverageArea) && r.coverageArea.getLayers().length > 0"), "the covered area is on the map");
        assertEquals((long) villages, ((Number) js.executeScript(
                "var n = 0; window.parkgrid.results.coverage.eachLayer(function (g) { n += g.getLayers().length; }); return n"))
                .longValue(), "every village is drawn as covered or uncovered");
        assertEquals((long) covered, ((Number) js.executeScript(
                "return document.querySelectorAll('#map path.pg-covered').length")).longValue(), "covered villages are drawn green");
        js.executeScript("var p = window.parkgrid; p.fitToFreeArea(p.results.coverage.getBounds())");
        screenshot("coverage.png");
    }

    @Test
    @Order(2)
    void whileTheCoverageIsDrawnTheLegendExplainsVillagesAsCoveredOrNot() throws Exception {
        openPanelTab("coverage");
        if (driver.findElements(By.id("pg-c-summary")).isEmpty()) {
            driver.findElement(By.id("pg-c-run")).click();
            awaitResult("pg-c-results", "#pg-c-summary");
        }
        int covered = ((Number) js.executeScript("return document.querySelectorAll('#map path.pg-covered').length")).intValue();
        int uncovered = ((Number) js.executeScript("return document.querySelectorAll('#map path.pg-uncovered').length")).intValue();
        assertTrue(covered + uncovered > 0, "the coverage result is drawn");
        WebElement villages = driver.findElement(By.cssSelector("#legend .pg-legend-layer[data-collection='villages']"));
        String text = villages.getText();
        assertTrue(text.contains("covered 已覆盖 (" + covered + ")") && text.contains("not covered 未覆盖 (" + uncovered + ")"),
                "the villages' legend entry explains the drawn colours with their counts: " + text);
        assertFalse(text.contains("upgraded") || text.contains("已改造") || text.contains("planned"),
                "no upgrade-status classes while villages are coloured by coverage: " + text);
        String results = driver.findElement(By.id("pg-legend-results")).getText();
        assertTrue(results.contains("covered area 覆盖范围"), "the covered area is explained: " + results);
        screenshot("coverage-legend.png");

        driver.findElement(By.id("pg-c-clear")).click();
        String after = driver.findElement(By.cssSelector("#legend .pg-legend-layer[data-collection='villages']")).getText();
        assertTrue(after.contains("upgraded 已改造") && !after.contains("not covered"),
                "after Clear the villages are explained by upgrade status again: " + after);
        assertTrue(driver.findElements(By.id("pg-legend-results")).isEmpty(), "no result in the legend after Clear");
    }

    @Test
    @Order(3)
    void supplyRadiusCheckListsThePaths() throws Exception {
        openPanelTab("coverage");
        new Select(driver.findElement(By.id("pg-r-voltage"))).selectByValue("10");
        new Select(driver.findElement(By.id("pg-r-class"))).selectByValue("D");
        driver.findElement(By.id("pg-r-run")).click();

        awaitResult("pg-r-results", "#pg-r-count");
        JsonNode answer = execute("supply-radius", Map.of("voltage_kv", 10, "class", "D", "lines", "power_lines"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#pg-r-list li"));
        assertTrue(rows.size() >= 1, "the check lists at least one path: " + driver.findElement(By.id("pg-r-results")).getText());
        assertEquals(answer.path("features").size(), rows.size(), "one row per path");
        long over = 0;
        for (JsonNode f : answer.path("features")) if (f.path("properties").path("over").asBoolean()) over++;
        assertEquals(over, rows.stream().filter(r -> "true".equals(r.getAttribute("data-over"))).count(), "over-limit rows");
        assertEquals(Boolean.TRUE, js.executeScript("var r = window.parkgrid.results.supplyRadius;"
                + " return window.parkgrid.map.hasLayer(r) && r.getLayers().length > 0"), "the paths are on the map");
        String legend = driver.findElement(By.id("pg-legend-results")).getText();
        assertTrue(legend.contains("over the limit 超限 (" + over + ")"), "the legend explains the path colours: " + legend);
    }
}
