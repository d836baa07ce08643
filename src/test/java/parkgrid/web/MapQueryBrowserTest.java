package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The query tab of the map ("Within distance 距离查询") in a real browser: pick a feature, draw a polygon
 * with real mouse clicks, nearest to a clicked point. The lists must agree with the public endpoints.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapQueryBrowserTest extends BrowserTestSupport {

    @Test
    @Order(1)
    void pickingA10kVLineListsTheVillagesWithin3000Metres() throws Exception {
        openPanelTab("query");
        driver.findElement(By.id("pg-q-mode-query")).click();
        new Select(driver.findElement(By.id("pg-q-layer"))).selectByValue("villages");
        new Select(driver.findElement(By.id("pg-q-relation"))).selectByValue("within-distance");
        WebElement distance = driver.findElement(By.id("pg-q-distance"));
        distance.clear();
        distance.sendKeys("3000");

        long lineId = -1;
        Map<?, ?> point = null;
        for (JsonNode f : getJson("/collections/power_lines/items?limit=10000").path("features")) {
            if (f.path("properties").path("voltage_kv").asDouble() != 10) continue;
            js.executeScript("window.parkgrid.focusFeature('power_lines', arguments[0], 15)", f.path("id").asLong());
            point = (Map<?, ?>) js.executeScript("return window.parkgrid.featureClickPoint('power_lines', arguments[0])",
                    f.path("id").asLong());
            if (point != null) {
                lineId = f.path("id").asLong();
                break;
            }
        }
        assertNotNull(point, "some 10 kV line shows a clickable point on the map");
        driver.findElement(By.id("pg-q-pick")).click();
        clickAt(((Number) point.get("x")).longValue(), ((Number) point.get("y")).longValue());

        awaitResult("pg-q-results", "#pg-q-count");
        assertTrue(driver.findElement(By.id("pg-q-source")).getText().contains("#" + lineId),
                "the picked line is named: " + driver.findElement(By.id("pg-q-source")).getText());
        List<WebElement> rows = driver.findElements(By.cssSelector("#pg-q-list li"));
        assertFalse(rows.isEmpty(), "at least one village within 3000 m of 10 kV line #" + lineId);
        for (WebElement row : rows) {
            assertEquals("villages", row.getAttribute("data-collection"));
            double metres = Double.parseDouble(row.getAttribute("data-distance"));
            assertTrue(metres <= 3000, "listed distance " + metres + " m ≤ 3000 m: " + row.getText());
        }
        JsonNode answer = execute("spatial-query", Map.of("collection", "villages", "relation", "within-distance",
                "distance", 3000, "feature", Map.of("collection", "power_lines", "id", lineId)));
        assertEquals(answer.path("features").size(), rows.size(), "the list shows every hit of the process");
        assertEquals(Boolean.TRUE, js.executeScript("var r = window.parkgrid.results.query;"
                + " return window.parkgrid.map.hasLayer(r) && r.getLayers().length > 0"), "hits are highlighted on the map");

        String id = rows.get(0).getAttribute("data-id");
        rows.get(0).click();
        String popup = awaitPopupText();
        assertTrue(popup.contains("#" + id) && popup.contains("distance_m"), "a row opens its feature's popup: " + popup);
        closePopup();
    }

    @Test
    @Order(2)
    void aPolygonDrawnAroundTheParkContainsEveryEnterprise() throws Exception {
        openPanelTab("query");
        driver.findElement(By.id("pg-q-mode-query")).click();
        new Select(driver.findElement(By.id("pg-q-layer"))).selectByValue("enterprises");
        new Select(driver.findElement(By.id("pg-q-relation"))).selectByValue("within");
        js.executeScript("var p = window.parkgrid; p.fitToFreeArea(p.layers.park.getBounds().pad(0.2))");
        @SuppressWarnings("unchecked")
        List<List<Number>> corners = (List<List<Number>>) js.executeScript(
                "var b = window.parkgrid.layers.park.getBounds().pad(0.08);"
                        + " return [b.getNorthWest(), b.getNorthEast(), b.getSouthEast(), b.getSouthWest()]"
                        + ".map(function (c) { return [c.lat, c.lng]; })");
        List<long[]> clicks = new ArrayList<>();
        for (List<Number> c : corners) {
            long[] p = viewportPoint(c.get(0).doubleValue(), c.get(1).doubleValue());
            assertTrue(reachesTheMap(p), "corner " + p[0] + "," + p[1] + " is on the free part of the map");
            clicks.add(p);
        }
        driver.findElement(By.id("pg-q-draw-polygon")).click();
        for (long[] p : clicks) clickAt(p[0], p[1]);
        assertTrue(driver.findElement(By.id("pg-q-hint")).getText().startsWith("4 points"),
                "four vertices drawn: " + driver.findElement(By.id("pg-q-hint")).getText());
        driver.findElement(By.id("pg-q-finish")).click();

        WebElement count = awaitResult("pg-q-results", "#pg-q-count");
        // the 10 placeholder enterprises have no place, so no polygon contains them
        int enterprises = getJson("/collections/enterprises/items?limit=1&bbox=-180,-90,180,90").path("numberMatched").asInt();
        assertEquals(14, enterprises, "the 14 positioned enterprises");
        assertTrue(enterprises > 0, "the seed has enterprises");
        assertEquals(String.valueOf(enterprises), count.getAttribute("data-count"), count.getText());
        Set<String> listed = new TreeSet<>();
        for (WebElement row : driver.findElements(By.cssSelector("#pg-q-list li"))) {
            assertEquals("enterprises", row.getAttribute("data-collection"));
            listed.add(row.getAttribute("data-id"));
        }
        Set<String> all = new TreeSet<>();
        getJson("/collections/enterprises/items?limit=10000").path("features").forEach(f -> {
            if (!f.path("geometry").isNull()) all.add(f.path("id").asText());
        });
        assertEquals(all, listed, "the list names every enterprise with a place once");
        assertTrue(driver.findElement(By.id("pg-q-source")).getText().contains("polygon"));
        screenshot("map-query-polygon.png");
    }

    @Test
    @Order(3)
    void clickingNearChengcunFindsChengcunFirst() throws Exception {
        openPanelTab("query");
        driver.findElement(By.id("pg-q-mode-nearest")).click();
        new Select(driver.findElement(By.id("pg-q-layer"))).selectByValue("villages");
        JsonNode chengcun = findFeature("villages", "name_zh", "程村");
        js.executeScript("window.parkgrid.focusFeature('villages', arguments[0], 13)", chengcun.path("id").asLong());
        JsonNode c = chengcun.path("geometry").path("coordinates");
        long[] p = viewportPoint(c.get(1).asDouble(), c.get(0).asDouble());
        long[] near = {p[0] + 9, p[1] + 7};
        assertTrue(reachesTheMap(near), "the point next to 程村 is on the free part of the map");
        clickAt(near[0], near[1]);

        awaitResult("pg-q-results", "#pg-q-list li");
        WebElement first = driver.findElements(By.cssSelector("#pg-q-list li")).get(0);
        assertEquals(chengcun.path("id").asText(), first.getAttribute("data-id"), first.getText());
        assertTrue(first.getText().contains("程村"), first.getText());
        assertEquals(5, driver.findElements(By.cssSelector("#pg-q-list li")).size(), "k = 5 rows");
        driver.findElement(By.id("pg-q-mode-query")).click();
    }
}
