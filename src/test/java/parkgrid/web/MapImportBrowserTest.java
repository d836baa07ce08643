package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import parkgrid.store.FeatureQuery;

/**
 * The Import tab as a signed-in editor, with a real file chosen in the file input: a GeoJSON of Chinese-named
 * community points with one position out of range shows the report (feature number, field, reason) on a dry
 * run and on an import, and writes nothing; the same file without the bad point imports with
 * {@code Prefer: respond-async}, the progress bar reaches 100 % and the new layer is on the map.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapImportBrowserTest extends BrowserTestSupport {
    private static final int GOOD = 3000;

    private Path geojson(String name, boolean withBadPoint) throws Exception {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 1; i <= GOOD; i++) {
            if (i > 1) b.append(',');
            double lat = withBadPoint && i == 7 ? 95.0 : 34.15 + (i % 50) * 0.001;
            b.append("{\"type\":\"Feature\",\"properties\":{\"name_zh\":\"社区").append(i).append("号\",\"county\":\"汝阳县\"},")
                    .append("\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(112.4 + (i / 50) * 0.001).append(',').append(lat).append("]}}");
        }
        Path file = tempDir.resolve(name);
        Files.writeString(file, b.append("]}").toString(), StandardCharsets.UTF_8);
        return file;
    }

    private void signInAsEditor() {
        String token = app.store().tokens().issue("规划员 王五", "editor", "测试").secret();
        js.executeScript("sessionStorage.setItem('parkgrid.token', arguments[0])", token);
        driver.navigate().refresh();
        new WebDriverWait(driver, READY_TIMEOUT).until(d -> Boolean.TRUE.equals(js.executeScript("return !!(window.parkgrid && window.parkgrid.ready)")));
        openPanelTab("import");
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> d.findElement(By.id("pg-im-who")).getText().startsWith("Importing as"));
    }

    private void choose(Path file, String layer) {
        WebElement input = driver.findElement(By.id("pg-im-file"));
        input.clear();
        input.sendKeys(file.toString());
        new Select(driver.findElement(By.id("pg-im-mode"))).selectByValue("create");
        WebElement name = driver.findElement(By.id("pg-im-name"));
        name.clear();
        name.sendKeys(layer);
        new Select(driver.findElement(By.id("pg-im-crs"))).selectByValue("EPSG:4326");
    }

    private WebElement awaitReport() {
        return new WebDriverWait(driver, RESULT_TIMEOUT).withMessage(() -> "the import tab shows: "
                + driver.findElement(By.id("pg-im-result")).getText()).until(d -> {
            List<WebElement> r = d.findElements(By.cssSelector("#pg-im-result #pg-im-report"));
            return r.isEmpty() ? null : r.get(0);
        });
    }

    /** Drains the browser log: only the expected 400 answers of refused files. */
    private void onlyRefusalsLogged(int expected) {
        var severe = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
        assertEquals(expected, severe.size(), severe.toString());
        severe.forEach(e -> assertTrue(e.getMessage().contains("400"), e.getMessage()));
    }

    @Test
    @Order(1)
    void aBadFileShowsTheReportAndWritesNothing() throws Exception {
        signInAsEditor();
        choose(geojson("社区-坏.geojson", true), "shequ_bad");
        driver.findElement(By.id("pg-im-dry")).click();
        WebElement report = awaitReport();
        List<String> rows = new ArrayList<>();
        report.findElements(By.cssSelector("tbody tr")).forEach(r -> rows.add(r.getText()));
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("7 "), "the report names feature 7: " + rows);
        assertTrue(driver.findElement(By.id("pg-im-problem")).getText().contains("nothing was written 未写入任何数据"));
        onlyRefusalsLogged(1);

        driver.findElement(By.id("pg-im-go")).click(); // the real import: refused as a whole, after checking
        report = awaitReport();
        assertEquals(1, report.findElements(By.cssSelector("tbody tr")).size());
        assertTrue(app.store().layer("shequ_bad").isEmpty(), "no layer was made");
        assertEquals(Boolean.FALSE, js.executeScript("return 'shequ_bad' in window.parkgrid.layers"));
        onlyRefusalsLogged(0);
    }

    @Test
    @Order(2)
    void aGoodFileShowsProgressToOneHundredPercentAndTheLayer() throws Exception {
        choose(geojson("社区.geojson", false), "shequ");
        driver.findElement(By.id("pg-im-dry")).click();
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> d.findElement(By.id("pg-im-result")).getText().contains("Dry run passed"));
        assertTrue(app.store().layer("shequ").isEmpty(), "a dry run writes nothing");

        List<Object> seen = new ArrayList<>();
        js.executeScript("window.__pgProgress = []; new MutationObserver(() => window.__pgProgress.push(document.getElementById('pg-im-progress').value))"
                + ".observe(document.getElementById('pg-im-progress'), {attributes: true});");
        driver.findElement(By.id("pg-im-go")).click();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("pg-im-ok")).isEmpty()
                || !d.findElements(By.id("pg-im-problem")).isEmpty());
        assertTrue(driver.findElements(By.id("pg-im-problem")).isEmpty(), driver.findElement(By.id("pg-im-result")).getText());
        assertEquals("100", driver.findElement(By.id("pg-im-progress")).getAttribute("value"));
        assertTrue(driver.findElement(By.id("pg-im-percent")).getText().startsWith("100 %"));
        seen.addAll((List<?>) js.executeScript("return window.__pgProgress"));
        assertTrue(seen.size() >= 1 && ((Number) seen.get(seen.size() - 1)).intValue() == 100, "progress values " + seen);
        assertEquals(GOOD, app.store().count("shequ", FeatureQuery.all()));
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> Boolean.TRUE.equals(js.executeScript(
                "var l = window.parkgrid.layers.shequ; return !!l && window.parkgrid.map.hasLayer(l)")));
        assertEquals((long) GOOD, ((Number) js.executeScript("return window.parkgrid.layers.shequ.getLayers().length")).longValue());
        List<String> names = new ArrayList<>();
        app.store().forEach("shequ", FeatureQuery.all(), f -> { if (names.size() < 3) names.add((String) f.properties().get("name_zh")); });
        assertEquals(List.of("社区1号", "社区2号", "社区3号"), names);
        onlyRefusalsLogged(0);
    }
}
