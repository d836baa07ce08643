package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;

/**
 * Editing on the map as a signed-in editor, with real clicks: draw a new village with Leaflet-Geoman and save
 * it (POST), select it and change its name (PUT under If-Match: version 2), then delete it (DELETE under
 * If-Match). Each step is checked in the store behind the server, audit trail included.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapEditBrowserTest extends BrowserTestSupport {
    private static long createdId = -1;

    private void signInAsEditor() {
        String token = app.store().tokens().issue("规划员 王五", "editor", "测试").secret();
        js.executeScript("sessionStorage.setItem('parkgrid.token', arguments[0])", token);
        driver.navigate().refresh();
        new WebDriverWait(driver, READY_TIMEOUT).until(d -> Boolean.TRUE.equals(js.executeScript("return !!(window.parkgrid && window.parkgrid.ready)")));
    }

    private long[] mapCentre() {
        @SuppressWarnings("unchecked")
        List<Number> c = (List<Number>) js.executeScript(
                "var m = window.parkgrid.map, q = m.latLngToContainerPoint(m.getCenter()), o = m.getContainer().getBoundingClientRect();"
                        + " return [Math.round(q.x + o.left), Math.round(q.y + o.top)]");
        return new long[] {c.get(0).longValue(), c.get(1).longValue()};
    }

    private List<Feature> villagesNamed(String name) throws Exception {
        List<Feature> found = new java.util.ArrayList<>();
        app.store().forEach("villages", FeatureQuery.all(), f -> { if (name.equals(f.properties().get("name_zh"))) found.add(f); });
        return found;
    }

    private void selectCreated() {
        driver.findElement(By.id("pg-e-select")).click();
        Map<?, ?> p = (Map<?, ?>) js.executeScript("return window.parkgrid.featureClickPoint('villages', arguments[0])", createdId);
        assertNotNull(p, "the new village is clickable on the map");
        clickAt(((Number) p.get("x")).longValue(), ((Number) p.get("y")).longValue());
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> !d.findElements(By.id("pg-e-selected")).isEmpty()
                || !d.findElements(By.cssSelector("#pg-e-result .pg-problem")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#pg-e-result .pg-problem")).isEmpty(),
                driver.findElement(By.id("pg-e-result")).getText());
    }

    @Test
    @Order(1)
    void anEditorDrawsANewVillageAndSavesIt() throws Exception {
        signInAsEditor();
        openPanelTab("edit");
        new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> d.findElement(By.id("pg-e-who")).getText().startsWith("Editing as"));
        new Select(driver.findElement(By.id("pg-e-layer"))).selectByValue("villages");
        js.executeScript("window.parkgrid.focusFeature('park', 1, 15)");
        driver.findElement(By.id("pg-e-add")).click();
        long[] c = mapCentre();
        clickAt(c[0] + 40, c[1] + 40);
        WebElement name = new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> d.findElement(By.id("pg-e-prop-name_zh")));
        name.sendKeys("新建测试村");
        driver.findElement(By.id("pg-e-prop-population")).sendKeys("320");
        driver.findElement(By.id("pg-e-save")).click();
        awaitResult("pg-e-result", "#pg-e-ok");
        List<Feature> stored = villagesNamed("新建测试村");
        assertEquals(1, stored.size());
        createdId = stored.get(0).id();
        assertEquals(320L, stored.get(0).properties().get("population"));
        assertEquals(1, app.store().versioned("villages", createdId).orElseThrow().version());
        assertEquals("规划员 王五", app.store().history("villages", createdId).get(0).who());
        screenshot("map-edit.png");
    }

    @Test
    @Order(2)
    void theEditorRenamesItUnderItsVersion() throws Exception {
        openPanelTab("edit");
        selectCreated();
        WebElement name = driver.findElement(By.id("pg-e-prop-name_zh"));
        assertEquals("新建测试村", name.getAttribute("value"));
        name.clear();
        name.sendKeys("新建测试村（改）");
        driver.findElement(By.id("pg-e-save")).click();
        awaitResult("pg-e-result", "#pg-e-ok");
        assertEquals("新建测试村（改）", app.store().feature("villages", createdId).orElseThrow().properties().get("name_zh"));
        assertEquals(2, app.store().versioned("villages", createdId).orElseThrow().version(), "one PUT under If-Match \"1\"");
    }

    @Test
    @Order(3)
    void theEditorDeletesIt() throws Exception {
        openPanelTab("edit");
        js.executeScript("window.confirm = () => true");
        selectCreated();
        driver.findElement(By.id("pg-e-delete")).click();
        awaitResult("pg-e-result", "#pg-e-ok");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> app.store().feature("villages", createdId).isEmpty());
        assertEquals(3, app.store().history("villages", createdId).size(), "created, replaced, deleted");
    }
}
