package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
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
 * The siting tab of the map ("Siting 选址") in a real browser: the park as study area, two presets and a 300 m
 * village exclusion; the list must agree with a direct execution of the same inputs, a candidate's breakdown
 * and its compliance review show on click, the candidates export as GeoJSON, and a run can be cancelled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapSitingBrowserTest extends BrowserTestSupport {
    private static final List<String> PRESETS = List.of("line-corridors", "occupied-parcels");

    private void fillTheForm() {
        openPanelTab("siting");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.id("pg-si-preset-line-corridors")).isEmpty());
        driver.findElement(By.id("pg-si-area-park")).click();
        WebElement size = driver.findElement(By.id("pg-si-size"));
        size.clear();
        size.sendKeys("20000");
        new Select(driver.findElement(By.id("pg-si-unit"))).selectByValue("m2");
        for (String p : PRESETS) {
            WebElement box = driver.findElement(By.id("pg-si-preset-" + p));
            if (!box.isSelected()) box.click();
        }
        new Select(driver.findElement(By.id("pg-si-ex-layer"))).selectByValue("villages");
        WebElement buffer = driver.findElement(By.id("pg-si-ex-buffer"));
        buffer.clear();
        buffer.sendKeys("300");
    }

    @Test
    @Order(1)
    void theParkWithLineCorridorsParcelsAndA300MetreVillageBufferListsTheProcessCandidates() throws Exception {
        fillTheForm();
        driver.findElement(By.id("pg-si-run")).click();
        WebElement count = awaitResult("pg-si-results", "#pg-si-count");

        JsonNode answer = execute("siting", Map.of("study_area", "role:park", "area_m2", 20000, "min_width_m", 0, "max_candidates", 5,
                "presets", PRESETS, "exclusions", List.of(Map.of("collection", "villages", "buffer_m", 300))));
        List<JsonNode> candidates = new ArrayList<>();
        answer.path("features").forEach(f -> { if (f.path("properties").path("kind").asText().equals("candidate")) candidates.add(f); });
        assertFalse(candidates.isEmpty(), "the seed park has room for a 20 000 m² site: " + answer.path("summary"));
        assertEquals(String.valueOf(candidates.size()), count.getAttribute("data-count"), count.getText());
        List<WebElement> rows = driver.findElements(By.cssSelector("#pg-si-list li"));
        assertEquals(candidates.size(), rows.size(), "one row per candidate");
        JsonNode first = candidates.get(0).path("properties");
        assertEquals("1", rows.get(0).getAttribute("data-rank"));
        String rowText = rows.get(0).getText();
        assertTrue(rowText.contains(first.path("reasons_zh").get(0).asText()), "first reason in Chinese: " + rowText);
        assertTrue(rowText.contains(first.path("reasons").get(0).asText()), "first reason in English: " + rowText);
        assertEquals(Boolean.TRUE, js.executeScript("var r = window.parkgrid.results;"
                + " return r.siting.getLayers().length > 0 && r.sitingFeasible.getLayers().length > 0"), "feasible area and candidates drawn");
        assertEquals(candidates.size(), ((Number) js.executeScript(
                "return document.querySelectorAll('.pg-si-number').length")).intValue(), "each candidate carries its number on the map");

        rows.get(0).click();
        WebElement breakdown = awaitResult("pg-si-detail", "#pg-si-breakdown");
        assertEquals(first.path("breakdown").size(), breakdown.findElements(By.cssSelector("tr")).size(), breakdown.getText());
        assertTrue(breakdown.getText().contains(first.path("breakdown").get(0).path("reason_zh").asText()), breakdown.getText());

        // the candidate's own compliance summary from the siting run: one row per control layer, overlap m² / 亩 and conclusion
        WebElement cpsum = driver.findElement(By.id("pg-si-cpsum"));
        JsonNode comp = first.path("compliance");
        assertEquals(comp.path("compliant").asText(), cpsum.getAttribute("data-compliant"), cpsum.getText());
        assertTrue(cpsum.getText().contains(comp.path("conclusion_zh").asText()), cpsum.getText());
        List<WebElement> cpRows = cpsum.findElements(By.cssSelector("tr[data-layer]"));
        assertEquals(comp.path("layers").size(), cpRows.size(), cpsum.getText());
        for (int k = 0; k < cpRows.size(); k++) {
            JsonNode l = comp.path("layers").get(k);
            assertEquals(l.path("layer").asText(), cpRows.get(k).getAttribute("data-layer"));
            assertTrue(cpRows.get(k).getText().contains(l.path("conclusion_zh").asText()), cpRows.get(k).getText());
            assertEquals(String.format(java.util.Locale.ROOT, "%.2f", l.path("overlap_mu").asDouble()),
                    cpRows.get(k).findElement(By.cssSelector(".pg-si-cpsum-mu")).getText());
        }

        driver.findElement(By.id("pg-si-check")).click();
        WebElement overall = awaitResult("pg-si-compliance", "#pg-si-cp-overall");
        JsonNode review = execute("compliance", Map.of("boundary", JSON.convertValue(candidates.get(0).path("geometry"), Map.class)));
        assertEquals(review.path("summary").path("compliant").asText(), overall.getAttribute("data-compliant"), overall.getText());
        assertTrue(overall.getText().contains(review.path("summary").path("conclusion_zh").asText()), overall.getText());
        assertEquals(review.path("summary").path("layers").size(),
                driver.findElements(By.cssSelector("#pg-si-cp-table tr.pg-cp-layer")).size(), "one row per control layer");
        screenshot("map-siting.png");
    }

    @Test
    @Order(2)
    void exportSavesTheCandidatesAsGeoJson() {
        driver.findElement(By.id("pg-si-export")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.findElements(By.id("pg-si-export-link")).isEmpty());
        Object features = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(document.getElementById('pg-si-export-link').href).then((r) => r.json())"
                + ".then((c) => done(c.type + ' ' + c.features.length + ' ' + c.features[0].properties.rank)).catch((e) => done(String(e)))");
        int listed = driver.findElements(By.cssSelector("#pg-si-list li")).size();
        assertEquals("FeatureCollection " + listed + " 1", features);
    }

    @Test
    @Order(3)
    void aRunCanBeCancelled() {
        js.executeScript("document.getElementById('pg-si-run').click(); document.getElementById('pg-si-cancel').click();");
        WebElement cancelled = awaitResult("pg-si-results", ".pg-cancelled");
        assertTrue(cancelled.getText().contains("已取消"), cancelled.getText());
        assertFalse(driver.findElement(By.id("pg-si-cancel")).isDisplayed(), "the Cancel button hides again");
        assertTrue(driver.findElement(By.id("pg-si-run")).isEnabled(), "Run is available again");
    }

    @Test
    @Order(4)
    void anImpossibleSiteSaysWhichCriterionRemovedTheArea() {
        WebElement size = driver.findElement(By.id("pg-si-size"));
        size.clear();
        size.sendKeys("5000000");
        driver.findElement(By.id("pg-si-run")).click();
        WebElement none = awaitResult("pg-si-results", "#pg-si-nosite");
        assertEquals("0", driver.findElement(By.id("pg-si-count")).getAttribute("data-count"));
        assertFalse(none.getText().isBlank(), "the no-site reason is shown");
        assertTrue(driver.findElement(By.id("pg-si-eliminations")).getText().contains("%"), "eliminations listed");
    }

    @Test
    @Order(5)
    void aDrawnStudyAreaKeepsEveryCandidateInsideIt() {
        js.executeScript("var p = window.parkgrid; p.fitToFreeArea(p.layers.park.getBounds().pad(0.2))");
        @SuppressWarnings("unchecked")
        List<List<Number>> corners = (List<List<Number>>) js.executeScript(
                "var b = window.parkgrid.layers.park.getBounds().pad(-0.2);"
                        + " return [b.getNorthWest(), b.getNorthEast(), b.getSouthEast(), b.getSouthWest()]"
                        + ".map(function (c) { return [c.lat, c.lng]; })");
        List<long[]> clicks = new ArrayList<>();
        for (List<Number> c : corners) {
            long[] p = viewportPoint(c.get(0).doubleValue(), c.get(1).doubleValue());
            assertTrue(reachesTheMap(p), "corner " + p[0] + "," + p[1] + " is on the free part of the map");
            clicks.add(p);
        }
        driver.findElement(By.id("pg-si-draw")).click();
        for (long[] p : clicks) clickAt(p[0], p[1]);
        driver.findElement(By.id("pg-si-finish")).click();
        assertTrue(driver.findElement(By.id("pg-si-area-drawn")).isSelected(), "the drawn area is the study area");
        WebElement size = driver.findElement(By.id("pg-si-size"));
        size.clear();
        size.sendKeys("10");
        new Select(driver.findElement(By.id("pg-si-unit"))).selectByValue("mu");
        driver.findElement(By.id("pg-si-run")).click();
        WebElement count = awaitResult("pg-si-results", "#pg-si-count");
        assertTrue(Integer.parseInt(count.getAttribute("data-count")) > 0, count.getText());
        assertEquals(Boolean.TRUE, js.executeScript("var c = arguments[0], drawn = L.latLngBounds([c[0], c[2]]).pad(0.02);"
                + " return window.parkgrid.results.siting.getLayers().every(function (l) { return drawn.contains(l.getBounds()); })", corners),
                "every candidate lies in the drawn rectangle (clicks are whole pixels: 2 % slack)");
        double first = Double.parseDouble(((String) js.executeScript("return String(window.parkgrid.results.siting.getLayers()[0].getLayers()[0].feature.properties.area_m2)")));
        assertTrue(first >= 10 * 2000.0 / 3 - 0.5, "a 10 亩 site has at least 6 667 m²: " + first);
    }
    @Test
    @Order(6)
    void aPolygonChosenInTheSearchWhilePickingIsTheStudyArea() throws Exception {
        driver.findElement(By.id("pg-si-clear")).click();
        JsonNode park = getJson("/collections/park/items").path("features").get(0);
        String name = park.at("/properties/name_zh").asText();
        driver.findElement(By.id("pg-si-pick")).click();
        WebElement search = driver.findElement(By.id("pg-search"));
        search.clear();
        search.sendKeys(name);
        WebElement option = new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> d.findElements(
                By.cssSelector("#pg-search-results li[data-collection='park'][data-id='" + park.path("id").asText() + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        option.click();
        assertTrue(driver.findElement(By.id("pg-si-area-picked")).isSelected(), "the picked polygon is the study area");
        assertTrue(driver.findElement(By.id("pg-si-hint")).getText().contains(name), driver.findElement(By.id("pg-si-hint")).getText());
        assertEquals(0L, js.executeScript("return document.querySelectorAll('.leaflet-popup').length"), "the picker took it: no popup");
        WebElement size = driver.findElement(By.id("pg-si-size"));
        size.clear();
        size.sendKeys("10");
        new Select(driver.findElement(By.id("pg-si-unit"))).selectByValue("mu");
        // what the page sends: the execution's body
        js.executeScript("window.pgSent = []; var send = window.fetch; window.fetch = function (url, options) {"
                + " if (String(url).indexOf('/processes/siting/execution') >= 0) window.pgSent.push(JSON.parse(options.body).inputs);"
                + " return send.apply(this, arguments); }");
        driver.findElement(By.id("pg-si-run")).click();
        WebElement count = awaitResult("pg-si-results", "#pg-si-count");
        assertEquals(Map.of("collection", "park", "id", park.path("id").asLong()),
                js.executeScript("return window.pgSent[window.pgSent.length - 1].study_area"), "the study area is sent as {collection, id}");
        assertTrue(Integer.parseInt(count.getAttribute("data-count")) > 0, count.getText());
    }
}
