package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The facility tab of the map ("Facility 新设施"): POST /processes/facility-location/execution from the form, drawn as
 * numbered stars and newly covered villages, with a before → after summary that matches a direct POST.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapFacilityBrowserTest extends BrowserTestSupport {

    private void fill(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    @Order(1)
    void twoSitesOnA500MetreGridOverTheParkMatchTheProcessAnswer() throws Exception {
        openPanelTab("facility");
        fill("pg-f-p", "2");
        new Select(driver.findElement(By.id("pg-f-cand"))).selectByValue("grid");
        fill("pg-f-spacing", "500");
        new Select(driver.findElement(By.id("pg-f-demand"))).selectByValue("villages");
        new Select(driver.findElement(By.id("pg-f-weight"))).selectByValue("population");
        new Select(driver.findElement(By.id("pg-f-existing"))).selectByValue("transformers");
        new Select(driver.findElement(By.id("pg-f-kind"))).selectByValue("constant");
        fill("pg-f-metres", "2000");
        new Select(driver.findElement(By.id("pg-f-solver"))).selectByValue("both");
        driver.findElement(By.id("pg-f-run")).click();

        WebElement summary = awaitResult("pg-f-results", "#pg-f-summary");
        long parkId = getJson("/collections/park/items?limit=1").path("features").get(0).path("id").asLong();
        JsonNode answer = execute("facility-location", Map.of("p", 2,
                "candidates", Map.of("grid", Map.of("study_area", Map.of("collection", "park", "id", parkId), "spacing_m", 500)),
                "demand", Map.of("collection", "villages", "weight_property", "population"),
                "existing", List.of("transformers"), "radius", Map.of("type", "constant", "metres", 2000), "solver", "both"));
        JsonNode s = answer.path("summary");
        assertEquals(s.path("before").path("covered_count").asText(), driver.findElement(By.id("pg-f-before")).getText(),
                "before count as the process says: " + summary.getText());
        assertEquals(s.path("after").path("covered_count").asText(), driver.findElement(By.id("pg-f-after")).getText(),
                "after count as the process says: " + summary.getText());
        assertTrue(s.path("after").path("covered_count").asInt() >= s.path("before").path("covered_count").asInt());
        String text = summary.getText();
        assertTrue(text.contains("Greedy") && text.contains("Exact"), "greedy and exact objectives shown: " + text);
        assertTrue(driver.findElement(By.id("pg-f-status")).getText().startsWith(s.path("status").asText()), "status shown: " + text);
        assertTrue(text.contains("Solve time"), text);

        int sites = answer.path("features").size();
        assertEquals((long) sites, ((Number) js.executeScript("return document.querySelectorAll('#map .pg-f-site').length")).longValue(),
                "one star per chosen site");
        assertEquals((long) answer.path("newly_covered").path("features").size(), ((Number) js.executeScript(
                "return document.querySelectorAll('#map path.pg-f-newly').length")).longValue(), "newly covered villages highlighted");
        List<WebElement> rows = driver.findElements(By.cssSelector("#pg-f-sites li"));
        assertEquals(sites, rows.size(), "one row per site");
        if (!rows.isEmpty()) {
            assertEquals("1", js.executeScript("return document.querySelector('#map .pg-f-site .pg-f-rank').textContent"));
            rows.get(0).click();
            String popup = awaitPopupText();
            assertTrue(popup.contains("新站点 #1"), popup);
            closePopup();
        }
        js.executeScript("var p = window.parkgrid, g = L.featureGroup([p.results.facilitySites, p.results.facilityCovered]);"
                + " p.fitToFreeArea(g.getBounds().pad(0.3))");
        screenshot("map-facility.png");
    }

    @Test
    @Order(2)
    void aRunCanBeCancelledAndAWrongInputShowsTheProblem() {
        openPanelTab("facility");
        // a fine grid keeps the server busy long enough to cancel
        fill("pg-f-spacing", "20");
        new Select(driver.findElement(By.id("pg-f-solver"))).selectByValue("exact");
        driver.findElement(By.id("pg-f-run")).click();
        WebElement cancel = driver.findElement(By.id("pg-f-cancel"));
        boolean running = Boolean.TRUE.equals(js.executeScript("return window.parkgrid.facility.running"));
        if (running) {
            cancel.click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("pg-f-cancelled")).isEmpty()
                    || !d.findElements(By.cssSelector("#pg-f-results #pg-f-summary, #pg-f-results .pg-problem")).isEmpty());
            System.out.println("MapFacilityBrowserTest: cancelled while running, shows " + driver.findElement(By.id("pg-f-results")).getText());
        }
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> Boolean.FALSE.equals(js.executeScript("return window.parkgrid.facility.running")));
        assertFalse(driver.findElement(By.id("pg-f-run")).getAttribute("disabled") != null, "run is enabled again");
        assertTrue(cancel.getAttribute("disabled") != null, "cancel is disabled when nothing runs");

        fill("pg-f-spacing", "500");
        fill("pg-f-p", "0");
        driver.findElement(By.id("pg-f-run")).click();
        WebElement problem = new WebDriverWait(driver, RESULT_TIMEOUT).until(d ->
                d.findElements(By.cssSelector("#pg-f-results .pg-problem")).stream().findFirst().orElse(null));
        assertTrue(problem.getText().contains("新站点数须为正整数") && problem.getText().contains("parameter: p"), problem.getText());
        fill("pg-f-p", "2");
    }
}
