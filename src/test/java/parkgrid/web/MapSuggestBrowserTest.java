package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The citizens' suggestion tab in a real browser: place a point with a real click in the park, write a
 * Chinese suggestion, send it; the server stores it at status new and the map draws it at once. A refused
 * suggestion (no text) shows the server's problem naming the field.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapSuggestBrowserTest extends BrowserTestSupport {

    @Test
    @Order(1)
    void aCitizenPlacesASuggestionInTheParkAndSeesItOnTheMap() throws Exception {
        openPanelTab("suggest");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, RESULT_TIMEOUT)
                .until(d -> d.findElements(By.cssSelector("#pg-s-category option")).size() > 3);
        JsonNode park = getJson("/collections/park/items").path("features").get(0);
        js.executeScript("window.parkgrid.focusFeature('park', arguments[0], 15)", park.path("id").asLong());
        long[] centre = mapCentre();
        driver.findElement(By.id("pg-s-place")).click();
        clickAt(centre[0], centre[1]);
        assertTrue(driver.findElement(By.id("pg-s-where")).getText().startsWith("Place 位置"), driver.findElement(By.id("pg-s-where")).getText());
        driver.findElement(By.id("pg-s-text")).sendKeys("请在园区入口增设公交站和充电桩");
        new Select(driver.findElement(By.id("pg-s-category"))).selectByValue("traffic");
        driver.findElement(By.id("pg-s-author")).sendKeys("市民 王五");
        driver.findElement(By.id("pg-s-send")).click();
        String ok = awaitResult("pg-s-result", "#pg-s-ok").getText();
        assertTrue(ok.contains("状态：新提交"), ok);

        JsonNode stored = getJson("/collections/suggestions/items").path("features");
        assertEquals(1, stored.size(), stored.toString());
        JsonNode s = stored.get(0);
        assertEquals("请在园区入口增设公交站和充电桩", s.at("/properties/text").asText());
        assertEquals("new", s.at("/properties/status").asText());
        assertEquals("traffic", s.at("/properties/category").asText());
        String popup = awaitPopupText();
        assertTrue(popup.contains("请在园区入口增设公交站和充电桩"), "the new suggestion is drawn with its popup: " + popup);
        screenshot("map-suggest.png");
        closePopup();
    }

    @Test
    @Order(2)
    void aSuggestionWithoutTextShowsTheServersProblem() {
        openPanelTab("suggest");
        long[] p = mapCentre();
        driver.findElement(By.id("pg-s-place")).click();
        clickAt(p[0], p[1]);
        driver.findElement(By.id("pg-s-text")).clear();
        driver.findElement(By.id("pg-s-send")).click();
        String problem = new org.openqa.selenium.support.ui.WebDriverWait(driver, RESULT_TIMEOUT)
                .until(d -> d.findElement(By.id("pg-s-result")).findElements(By.id("pg-s-problem")).stream()
                        .map(e -> e.getText()).filter(t -> !t.isBlank()).findFirst().orElse(null));
        assertTrue(problem.contains("text"), problem);
        // the 400 is the one console error this test provokes
        var severe = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
        assertEquals(1, severe.size(), severe.toString());
        assertTrue(severe.get(0).getMessage().contains("400"), severe.toString());
    }

    /** The viewport point of the map's centre (the park, once focused). */
    private long[] mapCentre() {
        @SuppressWarnings("unchecked")
        java.util.List<Number> c = (java.util.List<Number>) js.executeScript(
                "var m = window.parkgrid.map, q = m.latLngToContainerPoint(m.getCenter()), o = m.getContainer().getBoundingClientRect();"
                        + " return [Math.round(q.x + o.left), Math.round(q.y + o.top)]");
        return new long[] {c.get(0).longValue(), c.get(1).longValue()};
    }
}
