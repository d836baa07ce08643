package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The map page in a real headless Chromium against the real server (fresh seeded GeoPackage).
 *
 * <p>"Drawn" means: each feature the API returns for a collection is one Leaflet sub-layer of
 * {@code window.parkgrid.layers[collectionId]} (the collection's {@code L.GeoJSON} layer), and — except
 * for features shown only from a zoom level (0.4 kV lines) — that sub-layer is on the map.
 *
 * <p>Server and browser: {@link BrowserTestSupport} (which also checks the browser log after every test).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapPageBrowserTest extends BrowserTestSupport {
    private final Map<String, Integer> expectedCounts = new LinkedHashMap<>();
    private Number initialZoom;

    @BeforeAll
    void countFeaturesAndRememberTheInitialZoom() throws Exception {
        for (JsonNode c : getJson("/collections").path("collections")) {
            String id = c.path("id").asText();
            // the map draws the features that have a place (a bbox over the whole world never matches geometry null)
            expectedCounts.put(id, getJson("/collections/" + id + "/items?limit=1&bbox=-180,-90,180,90").path("numberMatched").asInt());
        }
        assertTrue(expectedCounts.getOrDefault("villages", 0) > 0, "the seed has villages: " + expectedCounts);
        initialZoom = (Number) js.executeScript("return window.parkgrid.map.getZoom()");
    }

    @Test
    @Order(1)
    void initialViewContainsThePark() {
        assertTrue(driver.getTitle().contains("ParkGrid"), driver.getTitle());
        assertEquals(Boolean.TRUE, js.executeScript(
                "var p = window.parkgrid; return p.layers.park.getLayers().length > 0"
                        + " && p.map.getBounds().contains(p.layers.park.getBounds())"),
                "the initial view contains the park's bounds");
        screenshot("map-screenshot.png");
    }

    @Test
    @Order(2)
    void everyFeatureWithAPlaceOfEveryCollectionIsDrawn() {
        expectedCounts.forEach((id, expected) -> {
            if (expected == 0) return;
            @SuppressWarnings("unchecked")
            List<Object> counts = (List<Object>) js.executeScript(
                    "var p = window.parkgrid, g = p.layers[arguments[0]]; if (!g) return null;"
                            + "var subs = g.getLayers(); return [subs.length, p.map.hasLayer(g) ? 1 : 0,"
                            + " subs.filter(function (l) { return !l.pgMinZoom && p.map.hasLayer(l); }).length,"
                            + " subs.filter(function (l) { return !l.pgMinZoom; }).length]", id);
            assertNotNull(counts, "no map layer for collection " + id);
            assertEquals(expected.longValue(), ((Number) counts.get(0)).longValue(), "features loaded into layer " + id);
            assertEquals(1L, ((Number) counts.get(1)).longValue(), "layer " + id + " is on the map");
            assertEquals(((Number) counts.get(3)).longValue(), ((Number) counts.get(2)).longValue(),
                    "features of " + id + " without a zoom rule are on the map");
        });
    }

    @Test
    @Order(3)
    void lowVoltageLinesAppearOnlyFromStreetZoom() {
        String lowVoltage = "var p = window.parkgrid; var lv = p.layers.power_lines.getLayers()"
                + ".filter(function (l) { return Number(l.feature.properties.voltage_kv) === 0.4; });";
        long minZoom = ((Number) js.executeScript("return window.parkgrid.lowVoltageMinZoom")).longValue();
        long total = ((Number) js.executeScript(lowVoltage + "return lv.length")).longValue();
        assertTrue(total > 0, "the seed has 0.4 kV lines");
        assertTrue(initialZoom.doubleValue() < minZoom, "initial zoom " + initialZoom + " is below street zoom " + minZoom);
        assertEquals(0L, ((Number) js.executeScript(lowVoltage
                + "return lv.filter(function (l) { return p.map.hasLayer(l); }).length")).longValue(),
                "no 0.4 kV line on the map at the initial zoom " + initialZoom);
        assertEquals(0L, ((Number) js.executeScript(lowVoltage
                + "return p.layers.power_lines.getLayers().filter(function (l) {"
                + " return Number(l.feature.properties.voltage_kv) !== 0.4 && !p.map.hasLayer(l); }).length")).longValue(),
                "higher-voltage lines are on the map at the initial zoom");

        js.executeScript(lowVoltage + "p.map.setView(lv[0].getBounds().getCenter(), arguments[0], {animate: false})", minZoom);
        assertEquals(total, ((Number) js.executeScript(lowVoltage
                + "return lv.filter(function (l) { return p.map.hasLayer(l); }).length")).longValue(),
                "all 0.4 kV lines are on the map at zoom " + minZoom);
        assertTrue(((Number) js.executeScript(lowVoltage
                + "return lv.filter(function (l) { return l.getElement() && l.getElement().getBoundingClientRect().width > 0; }).length"))
                .longValue() > 0, "0.4 kV lines are rendered as SVG paths at street zoom");
        js.executeScript("window.parkgrid.map.setZoom(arguments[0], {animate: false})", initialZoom);
        assertEquals(0L, ((Number) js.executeScript(lowVoltage
                + "return lv.filter(function (l) { return p.map.hasLayer(l); }).length")).longValue(),
                "0.4 kV lines are hidden again below street zoom");
    }

    @Test
    @Order(4)
    void clickingAVillageShowsItsPopup() throws Exception {
        JsonNode chengcun = findFeature("villages", "name_zh", "程村");
        String text = clickFeature("villages", chengcun.path("id").asLong());
        assertTrue(text.contains("程村") && text.contains("Chengcun"), "village popup: " + text);
        assertTrue(text.contains("upgrade_status") && text.contains("upgraded"), "popup lists the attributes: " + text);
    }

    @Test
    @Order(5)
    void clickingAnEnterpriseShowsItsPopup() throws Exception {
        JsonNode enterprise = getJson("/collections/enterprises/items?limit=10000").path("features").get(0);
        String text = clickFeature("enterprises", enterprise.path("id").asLong());
        assertTrue(text.contains(enterprise.path("properties").path("name_zh").asText())
                && text.contains(enterprise.path("properties").path("name_en").asText()), "enterprise popup: " + text);
        assertTrue(text.contains(enterprise.path("properties").path("cluster").asText()), "popup shows the cluster: " + text);
    }

    @Test
    @Order(6)
    void popupHookWorksForLines() throws Exception {
        JsonNode line = findFeature("power_lines", "voltage_kv", "110");
        Object text = js.executeScript("return window.parkgrid.openPopup('power_lines', arguments[0])", line.path("id").asLong());
        assertNotNull(text, "popup for power line " + line.path("id"));
        assertTrue(text.toString().contains(line.path("properties").path("name_zh").asText()), "line popup: " + text);
        js.executeScript("window.parkgrid.map.closePopup()");
    }

    @Test
    @Order(7)
    void legendAndLayerSwitcherAreShown() throws Exception {
        WebElement legend = driver.findElement(By.id("legend"));
        assertTrue(legend.isDisplayed(), "legend is displayed");
        WebElement control = driver.findElement(By.cssSelector("#legend .leaflet-control-layers-overlays"));
        assertTrue(control.isDisplayed(), "layer switches are displayed");
        String text = legend.getText();
        for (String expected : List.of("110 kV", "35 kV", "10 kV", "0.4 kV", "ceramics", "prefab", "upgraded", "planned",
                "Villages 村庄", "Power lines 电力线路", "Enterprises 企业")) {
            assertTrue(text.contains(expected), "legend shows '" + expected + "': " + text);
        }
        // a layer whose features are partly without a place says how many it draws and how many it cannot
        long enterprises = getJson("/collections/enterprises/items?limit=1").path("numberMatched").asLong();
        long placed = expectedCounts.get("enterprises");
        assertTrue(placed > 0 && enterprises > placed, "the seed has enterprises with and without a place: " + placed + "/" + enterprises);
        String line = placed + " on the map 已定位 · " + (enterprises - placed) + " without a place 无位置";
        assertTrue(text.contains(line), "legend shows '" + line + "': " + text);
        long checkboxes = driver.findElements(By.cssSelector(".leaflet-control-layers-overlays input[type=checkbox]")).size();
        assertEquals(expectedCounts.size(), checkboxes, "one switch per collection");

        WebElement villagesSwitch = driver.findElement(By.xpath(
                "//label[.//span[contains(., 'Villages 村庄')]]//input[@type='checkbox']"));
        villagesSwitch.click();
        assertEquals(Boolean.FALSE, js.executeScript("return window.parkgrid.map.hasLayer(window.parkgrid.layers.villages)"));
        villagesSwitch.click();
        assertEquals(Boolean.TRUE, js.executeScript("return window.parkgrid.map.hasLayer(window.parkgrid.layers.villages)"));
    }

    @Test
    @Order(8)
    void mapPageIsAlsoServedForFormatHtml() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/?f=html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/static/app.js"), "/?f=html is the map page: " + response.body());
    }

    @Test
    @Order(9)
    void searchByNameOpensTheFeature() {
        js.executeScript("window.parkgrid.map.closePopup()");
        WebElement search = driver.findElement(By.id("pg-search"));
        search.clear();
        search.sendKeys("Dongyuantou", Keys.ENTER, Keys.TAB);
        WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                        .filter(e -> e.isDisplayed() && e.getText().contains("东源头村")).findFirst().orElse(null));
        assertTrue(popup.getText().contains("Dongyuantou"), popup.getText());
        js.executeScript("window.parkgrid.map.closePopup()");
    }

    /** Brings the feature into view, clicks its SVG element (like a user) and returns the popup's text. */
    private String clickFeature(String collectionId, long featureId) {
        closePopup(); // so the fading old popup is not mistaken for the new one
        js.executeScript("window.parkgrid.focusFeature(arguments[0], arguments[1], 16)", collectionId, featureId);
        WebElement element = (WebElement) js.executeScript(
                "return window.parkgrid.featureElement(arguments[0], arguments[1])", collectionId, featureId);
        assertNotNull(element, collectionId + " #" + featureId + " has an element on the map");
        element.click();
        WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(5))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                        .filter(WebElement::isDisplayed).findFirst().orElse(null));
        String text = popup.getText();
        screenshot("map-popup-" + collectionId + ".png");
        js.executeScript("window.parkgrid.map.closePopup()");
        assertTrue(!text.isBlank(), "popup of " + collectionId + " #" + featureId + " has text");
        return text;
    }

    @Test
    void thePageIsEsModulesWithoutParkGridGlobals() {
        List<?> scripts = (List<?>) js.executeScript("return Array.from(document.querySelectorAll('script[type=module]'))"
                + ".map((s) => new URL(s.src).pathname)");
        assertEquals(List.of("/static/app.js"), scripts, "one module entry point");
        assertEquals(List.of(), js.executeScript("return Object.keys(window).filter((k) => /^ParkGrid/.test(k))"),
                "the modules import each other instead of sharing window.ParkGrid* globals");
        assertEquals(Boolean.TRUE, js.executeScript("return !!(window.parkgrid.ready && window.parkgrid.legend && window.parkgrid.measure"
                + " && window.parkgrid.export && window.parkgrid.roles && window.parkgrid.roles.lines === 'power_lines')"));
    }

    @Test
    void theFetchHelperHandsOnTheProblemsTitleDetailAndParameter() {
        Object answer = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/static/http.js').then((http) => http.getJson('/collections/villages/items?bbox=112.4,34.1&name_zh=' + encodeURIComponent('程村'))"
                + "  .then(() => done('no problem'), (e) => done({ problem: e instanceof http.Problem, status: e.status, title: e.title,"
                + "    detail: e.detail, parameter: e.parameter, text: http.problemText(e) })));");
        assertTrue(answer instanceof Map, String.valueOf(answer));
        Map<?, ?> p = (Map<?, ?>) answer;
        assertEquals(Boolean.TRUE, p.get("problem"), p.toString());
        assertEquals(400L, p.get("status"), p.toString());
        assertEquals("bbox", p.get("parameter"), p.toString());
        String text = (String) p.get("text");
        assertTrue(text.contains((String) p.get("detail")) && text.contains("bbox") && !((String) p.get("detail")).isBlank(), text);
        // the 400 is the one console error this test provokes
        List<org.openqa.selenium.logging.LogEntry> severe = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                .stream().filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
        assertEquals(1, severe.size(), severe.toString());
        assertTrue(severe.get(0).getMessage().contains("400"), severe.toString());
    }
}
