package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The map page on a phone-sized screen (390 × 844 CSS px): the legend, the title box and the analysis
 * panel collapse, and the Coverage tab is reachable and works with real clicks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapPhoneBrowserTest extends BrowserTestSupport {
    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;

    /**
     * Headless Chromium keeps windows at least 500 px wide: the phone's screen is emulated instead. Under
     * emulation ChromeDriver's own click hit-tests in the wrong coordinates, so clicks go through {@link #tap}.
     */
    @Override
    void prepareBrowser(ChromeDriver chrome) {
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    }

    @Test
    @Order(1)
    void theLegendAndTheTitleBoxStartCollapsed() {
        assertEquals((long) WIDTH, ((Number) js.executeScript("return window.innerWidth")).longValue(), "viewport width");
        assertFalse(driver.findElement(By.id("pg-legend-body")).isDisplayed(), "legend body collapsed");
        WebElement toggle = driver.findElement(By.id("pg-legend-toggle"));
        assertTrue(toggle.isDisplayed() && toggle.getText().contains("Legend 图例"), toggle.getText());
        assertEquals("false", toggle.getAttribute("aria-expanded"));
        double share = screenShare("legend");
        assertTrue(share < 0.05, "the collapsed legend covers " + share + " of the screen");
        assertFalse(driver.findElement(By.id("pg-title-more")).isDisplayed(), "the title box shows only heading and search");
        assertTrue(driver.findElement(By.id("pg-search")).isDisplayed(), "search stays");
        assertTrue(screenShare("pg-title") < 0.12, "the title box covers " + screenShare("pg-title"));
        screenshot("map-phone.png");
    }

    @Test
    @Order(2)
    void theLegendOpensInsideTheScreenAndCollapsesAgain() {
        tap(driver.findElement(By.id("pg-legend-toggle")));
        assertTrue(driver.findElement(By.id("pg-legend-body")).isDisplayed(), "legend opened");
        assertInsideTheScreen("legend");
        assertTrue(driver.findElement(By.id("legend")).getText().contains("Villages 村庄"));
        screenshot("map-phone-legend.png");
        tap(driver.findElement(By.id("pg-legend-toggle")));
        assertFalse(driver.findElement(By.id("pg-legend-body")).isDisplayed(), "legend collapsed again");
    }

    @Test
    @Order(3)
    void theCoverageTabIsReachableAndRunsWithRealClicks() {
        WebElement tab = driver.findElement(By.id("pg-tab-coverage"));
        assertTrue(tab.isDisplayed(), "the Coverage tab is on the screen");
        tap(tab);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("pg-view-coverage")).isDisplayed());
        assertInsideTheScreen("pg-panel");

        new Select(driver.findElement(By.id("pg-c-supply"))).selectByValue("transformers");
        new Select(driver.findElement(By.id("pg-c-demand"))).selectByValue("villages");
        WebElement run = driver.findElement(By.id("pg-c-run"));
        js.executeScript("arguments[0].scrollIntoView({block: 'nearest'})", run);
        tap(run);
        awaitResult("pg-c-results", "#pg-c-summary");
        screenshot("map-phone-coverage.png");

        // opening the legend on a phone closes the panel, so the two never cover each other
        tap(driver.findElement(By.id("pg-legend-toggle")));
        assertFalse(driver.findElement(By.id("pg-view-coverage")).isDisplayed(), "the panel collapsed when the legend opened");
        String villages = driver.findElement(By.cssSelector("#legend .pg-legend-layer[data-collection='villages']")).getText();
        assertTrue(villages.contains("covered 已覆盖") && villages.contains("not covered 未覆盖"), villages);
        screenshot("map-phone-coverage-legend.png");

        tap(driver.findElement(By.id("pg-legend-toggle")));
        tap(driver.findElement(By.id("pg-tab-coverage")));
        assertTrue(driver.findElement(By.id("pg-view-coverage")).isDisplayed(), "the tab opens again");
        assertTrue(driver.findElement(By.id("pg-c-summary")).isDisplayed(), "with its result");
        tap(driver.findElement(By.cssSelector("#pg-panel .pg-panel-close")));
        assertFalse(driver.findElement(By.id("pg-view-coverage")).isDisplayed(), "the panel collapses with ×");
        assertTrue(screenShare("pg-panel") < 0.05, "the collapsed panel covers " + screenShare("pg-panel"));
    }

    @Test
    @Order(4)
    void openingThePanelCollapsesTheLegendAndTappingTheMapToo() {
        tap(driver.findElement(By.id("pg-legend-toggle")));
        assertTrue(driver.findElement(By.id("pg-legend-body")).isDisplayed(), "legend open");
        js.executeScript("window.parkgrid.openPanel('coverage')");
        assertFalse(driver.findElement(By.id("pg-legend-body")).isDisplayed(), "the legend collapsed when the panel opened");
        tap(driver.findElement(By.cssSelector("#pg-panel .pg-panel-close")));

        tap(driver.findElement(By.id("pg-legend-toggle")));
        long[] free = {WIDTH / 2, HEIGHT - 120};
        assertTrue(reachesTheMap(free), "a free spot on the map below the legend");
        clickAt(free[0], free[1]);
        assertFalse(driver.findElement(By.id("pg-legend-body")).isDisplayed(), "a tap on the map collapses the open legend");
    }

    @Test
    @Order(5)
    void theToolbarFitsAndMeasuringWorksOnThePhone() {
        assertInsideTheScreen("pg-toolbar");
        tap(driver.findElement(By.id("pg-measure-open")));
        assertInsideTheScreen("pg-measure");
        tap(driver.findElement(By.id("pg-measure-close")));
        assertFalse(driver.findElement(By.id("pg-measure")).isDisplayed());
    }

    /** Share of the viewport's area that the element covers (0–1). */
    private double screenShare(String id) {
        return ((Number) js.executeScript("var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " return Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0))"
                + " * Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / (innerWidth * innerHeight)", id)).doubleValue();
    }

    private void assertInsideTheScreen(String id) {
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) js.executeScript("var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " return [r.left, r.top, r.right, r.bottom]", id);
        assertTrue(r.get(0).doubleValue() >= 0 && r.get(1).doubleValue() >= 0 && r.get(2).doubleValue() <= WIDTH
                && r.get(3).doubleValue() <= HEIGHT, "#" + id + " lies inside the " + WIDTH + "×" + HEIGHT + " screen: " + r);
    }

    /** A real mouse click at the element's centre, which must not be covered by anything. */
    private void tap(WebElement element) {
        assertTopmostAtItsCentre(element);
        @SuppressWarnings("unchecked")
        List<Number> c = (List<Number>) js.executeScript("var r = arguments[0].getBoundingClientRect();"
                + " return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)]", element);
        clickAt(c.get(0).longValue(), c.get(1).longValue());
    }

    private void assertTopmostAtItsCentre(WebElement element) {
        assertEquals(Boolean.TRUE, js.executeScript("var e = arguments[0], r = e.getBoundingClientRect(),"
                + " top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + " return top === e || e.contains(top)", element), element.getAttribute("id") + " is not covered by anything");
    }
}
