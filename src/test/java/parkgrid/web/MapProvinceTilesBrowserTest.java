package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import parkgrid.app.ParkGridApp;
import parkgrid.config.LayerRoles;
import parkgrid.config.Settings;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.io.SeedData;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.testing.SyntheticProvince;

/**
 * The map with the province set (50 000 villages, 200 000 line segments beside the seed): the two big layers
 * draw from vector tiles, the seed's layers stay GeoJSON. First render (navigation → the page's
 * {@code firstRenderMs}, its tiled layers' first tiles drawn) measured (the 2 s target is checked by bench/map.sh, not here), zoom 6 → 17 → 6 without error, the
 * tab's JS heap under 500 MB, a click on a tiled village opens its popup with its Chinese name, and (as in
 * every browser test) no console error. Figures are printed for the report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapProvinceTilesBrowserTest extends BrowserTestSupport {
    static final String VILLAGES = "province_villages", LINES = "province_lines";
    private static final long HEAP_LIMIT_BYTES = 500L * 1024 * 1024;
    private static final Duration TILES_TIMEOUT = Duration.ofSeconds(20);
    private Map<String, Object> firstLoad;

    @Override
    ParkGridApp startServer(Path dir) {
        Path file = dir.resolve("province.gpkg");
        try {
            // loading 250 000 features takes ~100 s on the shared 2-core machine: the loaded file is kept in target/
            // (same generator, seed and counts → same file) and copied for each run
            Path kept = Path.of("target", "test-fixtures", "province-" + SyntheticProvince.BENCH_SEED + "-50000-200000.gpkg");
            if (!java.nio.file.Files.exists(kept)) {
                java.nio.file.Files.createDirectories(kept.getParent());
                Path building = kept.resolveSibling("building-" + kept.getFileName());
                java.nio.file.Files.deleteIfExists(building);
                try (GeoPackageStore store = GeoPackageStore.open(building)) {
                    SeedData.loadIfEmpty(store);
                    SyntheticProvince data = SyntheticProvince.generate(50_000, 200_000, 0, SyntheticProvince.BENCH_SEED);
                    load(store, renamed(SyntheticProvince.VILLAGES, VILLAGES), data.villages);
                    load(store, renamed(SyntheticProvince.LINES, LINES), data.lines);
                }
                java.nio.file.Files.move(building, kept);
            }
            java.nio.file.Files.copy(kept, file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        GeoPackageStore store = GeoPackageStore.open(file);
        // the province lines play the lines role: the tiled layer is styled by voltage like the seed's lines
        Settings settings = Settings.embedded(dir.resolve("unused.gpkg"), 0).withRoles(LayerRoles.parse("lines=" + LINES));
        ParkGridApp started = ParkGridApp.start(settings, store);
        // as Main does after every start: the first user's page meets a warmed server
        System.out.println("[province tiles] server warm-up: " + started.warmUp(settings.host()));
        return started;
    }

    private static Layer renamed(Layer l, String name) {
        return new Layer(name, l.title(), l.titleZh(), l.description(), l.geometryKind(), l.properties(),
                "ParkGrid bench generator (synthetic)", "synthetic");
    }

    private static void load(GeoPackageStore store, Layer layer, List<Feature> features) {
        store.createLayer(layer);
        for (int i = 0; i < features.size(); i += 20_000) store.insert(layer.name(), features.subList(i, Math.min(features.size(), i + 20_000)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> renderFigures() {
        new WebDriverWait(driver, TILES_TIMEOUT).until(d -> js.executeScript("return window.parkgrid.firstRenderMs") != null);
        // where the time went: the API requests (all but tiles and files) and the page's files, each as count, the
        // latest response end (ms since navigation) and KB transferred; the first paint of the tiled layers is "render"
        return (Map<String, Object>) js.executeScript("var p = window.parkgrid, all = performance.getEntriesByType('resource'),"
                + " kind = function (e) { return /\\/tiles\\/WebMercatorQuad\\//.test(e.name) ? 'tiles' : /\\/(static|webjars)\\//.test(e.name) ? 'files' : 'api'; },"
                + " sum = function (k) { var es = all.filter(function (e) { return kind(e) === k; });"
                + " return { n: es.length, endMs: Math.round(Math.max.apply(null, es.map(function (e) { return e.responseEnd; }).concat([0]))),"
                + " kb: Math.round(es.reduce(function (t, e) { return t + e.transferSize; }, 0) / 1024) }; };"
                + " return { ready: p.readyMs, render: p.firstRenderMs, tiled: p.tiled, heap: performance.memory.usedJSHeapSize,"
                + " tiles: all.filter(function (e) { return kind(e) === 'tiles'; }).length, api: sum('api'), files: sum('files'), tileTimes: sum('tiles'),"
                + " marks: performance.getEntriesByType('mark').filter(function (m) { return m.name.indexOf('parkgrid:') === 0; })"
                + ".map(function (m) { return m.name.substring(9) + ' ' + Math.round(m.startTime); }).join(', ') }");
    }

    @Test
    @Order(1)
    void theBigLayersDrawFromTilesAndTheFirstRenderIsMeasured() {
        firstLoad = renderFigures();
        assertEquals(List.of(VILLAGES, LINES).stream().sorted().toList(), ((List<String>) firstLoad.get("tiled")).stream().sorted().toList(),
                "only the two big collections are tiled");
        driver.navigate().refresh();
        new WebDriverWait(driver, READY_TIMEOUT).until(d -> Boolean.TRUE.equals(js.executeScript("return !!(window.parkgrid && window.parkgrid.ready)")));
        Map<String, Object> again = renderFigures();
        System.out.println("[province tiles] first load: " + firstLoad + "; reload: " + again);
        // the 2 s first-render target is a speed target: bench/map.sh runs this test and prints these figures beside it
        // (a timed assertion here would fail on a loaded CI machine and pass on a quiet one, proving nothing)
        System.out.printf("[province tiles] first render %.0f ms (ready %.0f ms), after a reload %.0f ms (ready %.0f ms); target 2000 ms%n",
                ((Number) firstLoad.get("render")).doubleValue(), ((Number) firstLoad.get("ready")).doubleValue(),
                ((Number) again.get("render")).doubleValue(), ((Number) again.get("ready")).doubleValue());
        assertTrue(((Number) again.get("tiles")).intValue() > 0, "tiles were fetched: " + again);
        assertEquals(Boolean.TRUE, js.executeScript("return window.parkgrid.map.hasLayer(window.parkgrid.layers.villages)"
                + " && window.parkgrid.layers.villages.getLayers().length > 0"), "the seed's villages stay GeoJSON");
        String legend = driver.findElement(org.openqa.selenium.By.cssSelector(".pg-legend-layer[data-collection='" + LINES + "']")).getText();
        assertTrue(legend.contains("200000") && legend.contains("110 kV") && legend.contains("0.4 kV"), "legend of the tiled lines: " + legend);
    }

    @Test
    @Order(2)
    void zoomingFromTheProvinceToStreetLevelAndBackKeepsTheTabSmall() {
        long start = System.nanoTime();
        js.executeScript("window.parkgrid.map.setView([34.5, 112.1], 6, { animate: false })");
        waitForTiles();
        long peak = 0;
        for (int z = 7; z <= 17; z++) peak = Math.max(peak, zoomTo(z));
        for (int z = 16; z >= 6; z--) peak = Math.max(peak, zoomTo(z));
        assertNull(js.executeScript("return window.parkgrid.error"));
        Number tiles = (Number) js.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.name.indexOf('/tiles/WebMercatorQuad/') >= 0; }).length");
        System.out.printf("[province tiles] zoom 6→17→6: %.1f s, peak JS heap %.1f MB, tile requests since load %d%n",
                (System.nanoTime() - start) / 1e9, peak / 1048576.0, tiles.intValue());
        assertTrue(peak < HEAP_LIMIT_BYTES, "peak JS heap " + peak + " bytes");
    }

    /** Zooms the map, waits for its tiled layers, answers the JS heap in use. */
    private long zoomTo(int z) {
        js.executeScript("window.parkgrid.map.setZoom(arguments[0], { animate: false })", z);
        waitForTiles();
        assertEquals(z, ((Number) js.executeScript("return window.parkgrid.map.getZoom()")).intValue());
        return ((Number) js.executeScript("return performance.memory.usedJSHeapSize")).longValue();
    }

    private void waitForTiles() {
        new WebDriverWait(driver, TILES_TIMEOUT).until(d -> Boolean.TRUE.equals(js.executeScript(
                "var p = window.parkgrid; return p.tiled.every(function (id) { return !p.layers[id].isLoading(); })")));
    }

    @Test
    @Order(3)
    void aClickOnATiledVillageOpensItsPopupWithItsChineseName() throws Exception {
        JsonNode village = getJson("/collections/" + VILLAGES + "/items?limit=1&bbox=112.0,34.0,112.5,34.5").path("features").get(0);
        double lon = village.at("/geometry/coordinates/0").asDouble(), lat = village.at("/geometry/coordinates/1").asDouble();
        String name = village.at("/properties/name").asText();
        js.executeScript("window.parkgrid.map.setView([arguments[1], arguments[0]], 16, { animate: false })", lon, lat);
        waitForTiles();
        @SuppressWarnings("unchecked")
        Map<String, Object> point = (Map<String, Object>) js.executeScript("var m = window.parkgrid.map,"
                + " p = m.latLngToContainerPoint([arguments[1], arguments[0]]), r = m.getContainer().getBoundingClientRect();"
                + " return { x: Math.round(p.x + r.left), y: Math.round(p.y + r.top) }", lon, lat);
        clickAt(((Number) point.get("x")).longValue(), ((Number) point.get("y")).longValue());
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!document.querySelector('.leaflet-popup-content .pg-popup')")));
        String popup = (String) js.executeScript("return document.querySelector('.leaflet-popup-content').textContent");
        assertTrue(popup.contains(name) && popup.contains("#" + village.path("id").asText()), "popup of " + name + ": " + popup);
    }
    /** The matches the search lists for what was typed, once the list shows them: {collection, id, text} per row. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> searchFor(String text) {
        js.executeScript("window.parkgrid.map.closePopup()");
        WebElement search = driver.findElement(By.id("pg-search"));
        search.clear();
        search.sendKeys(text);
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> Boolean.TRUE.equals(js.executeScript(
                "var l = document.getElementById('pg-search-results'); return !l.hidden && !l.hasAttribute('aria-busy')"
                        + " && l.querySelectorAll('li').length > 0 && window.parkgrid.search.text === arguments[0]", text)));
        return (List<Map<String, Object>>) js.executeScript("return Array.from(document.querySelectorAll('#pg-search-results li[data-id]'))"
                + ".map(function (li) { return { collection: li.dataset.collection, id: li.dataset.id, text: li.textContent }; })");
    }

    @Test
    @Order(4)
    void theSearchFindsATiledVillageByItsChineseNameAsksTheServerAndZoomsToIt() throws Exception {
        JsonNode some = getJson("/collections/" + VILLAGES + "/items?limit=1&offset=1234").path("features").get(0);
        String name = some.at("/properties/name").asText();
        long sameName = getJson("/collections/" + VILLAGES + "/items?limit=1&filter=" + encode("name = '" + name + "'")).path("numberMatched").asLong();
        // the tiles of the earlier tests filled the browser's resource timing buffer (250 entries)
        js.executeScript("performance.clearResourceTimings(); window.parkgrid.map.setView([34.5, 112.1], 7, { animate: false })");
        List<Map<String, Object>> matches = searchFor(name);

        List<Map<String, Object>> tiled = matches.stream().filter(m -> VILLAGES.equals(m.get("collection"))).toList();
        assertTrue(!tiled.isEmpty(), "the tiled layer's villages named " + name + " are listed: " + matches);
        assertTrue(matches.size() <= 20, "at most 20 matches: " + matches.size());
        assertTrue(tiled.stream().allMatch(m -> ((String) m.get("text")).startsWith(name)), "every tiled match is named " + name + ": " + tiled);
        assertEquals(sameName > 20, ((String) js.executeScript("return document.getElementById('pg-search-results').textContent")).contains("First 20 shown"),
                sameName + " villages are named " + name + ": the list says when it shows only the first 20");
        assertTrue(((Number) js.executeScript("return performance.getEntriesByType('resource').filter(function (e) {"
                + " return e.name.indexOf('/collections/" + VILLAGES + "/items?') >= 0 && e.name.indexOf('filter=') >= 0; }).length")).intValue() > 0,
                "the tiled layer was searched on the server");

        String id = (String) tiled.get(tiled.size() - 1).get("id");
        JsonNode village = getJson("/collections/" + VILLAGES + "/items/" + id);
        assertEquals(name, village.at("/properties/name").asText());
        driver.findElement(By.cssSelector("#pg-search-results li[data-collection='" + VILLAGES + "'][data-id='" + id + "']")).click();
        String popup = awaitPopupText();
        assertTrue(popup.contains(name) && popup.contains("#" + id), "popup of " + name + " #" + id + ": " + popup);
        double lon = village.at("/geometry/coordinates/0").asDouble(), lat = village.at("/geometry/coordinates/1").asDouble();
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) js.executeScript("var m = window.parkgrid.map, c = m.getCenter();"
                + " return { zoom: m.getZoom(), lat: c.lat, lon: c.lng, inView: m.getBounds().contains([arguments[1], arguments[0]]) }", lon, lat);
        assertTrue(((Number) view.get("zoom")).intValue() >= 16, "zoomed to street level: " + view);
        assertEquals(lat, ((Number) view.get("lat")).doubleValue(), 1e-4, "centred on the village: " + view);
        assertEquals(lon, ((Number) view.get("lon")).doubleValue(), 1e-4, "centred on the village: " + view);
        waitForTiles();
        screenshot("map-province-search.png");
        closePopup();
    }

    @Test
    @Order(5)
    void aTiledVillageChosenInTheSearchOrClickedIsPickedForTheSpatialQuery() throws Exception {
        openPanelTab("query");
        driver.findElement(By.id("pg-q-pick")).click();
        JsonNode some = getJson("/collections/" + VILLAGES + "/items?limit=1&offset=4321").path("features").get(0);
        String name = some.at("/properties/name").asText();
        Map<String, Object> first = searchFor(name).stream().filter(m -> VILLAGES.equals(m.get("collection"))).findFirst().orElseThrow();
        driver.findElement(By.cssSelector("#pg-search-results li[data-collection='" + VILLAGES + "'][data-id='" + first.get("id") + "']")).click();
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> d.findElement(By.id("pg-q-source")).getText().contains("#" + first.get("id")));
        assertTrue(driver.findElement(By.id("pg-q-source")).getText().contains(name), driver.findElement(By.id("pg-q-source")).getText());
        awaitResult("pg-q-results", "#pg-q-count");
        assertEquals(0L, js.executeScript("return document.querySelectorAll('.leaflet-popup').length"), "a picked feature opens no popup");

        // a click on a tiled village while picking: the picker takes it (its whole geometry from the server), no popup
        driver.findElement(By.id("pg-q-pick")).click();
        JsonNode village = getJson("/collections/" + VILLAGES + "/items?limit=1&bbox=112.0,34.0,112.5,34.5").path("features").get(0);
        double lon = village.at("/geometry/coordinates/0").asDouble(), lat = village.at("/geometry/coordinates/1").asDouble();
        js.executeScript("window.parkgrid.map.setView([arguments[1], arguments[0]], 16, { animate: false })", lon, lat);
        waitForTiles();
        long[] p = viewportPoint(lat, lon);
        clickAt(p[0], p[1]);
        String id = village.path("id").asText();
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> d.findElement(By.id("pg-q-source")).getText().contains("#" + id));
        awaitResult("pg-q-results", "#pg-q-count");
        assertEquals(0L, js.executeScript("return document.querySelectorAll('.leaflet-popup').length"), "a picked feature opens no popup");
        assertEquals(1L, js.executeScript("return window.parkgrid.results.query ? 1 : 0"));
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
