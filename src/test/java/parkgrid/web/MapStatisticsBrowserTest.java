package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The statistics tab of the map ("Statistics 统计"): GET /statistics drawn as inline SVG bar charts. */
class MapStatisticsBrowserTest extends BrowserTestSupport {

    @Test
    void showsOneBarPerVoltageAndTheCityWideUpgradeTargets() throws Exception {
        JsonNode stats = getJson("/statistics");
        openPanelTab("statistics");
        awaitResult("pg-view-statistics", "#pg-chart-voltage");

        List<WebElement> bars = driver.findElements(By.cssSelector("#pg-chart-voltage rect.pg-bar"));
        assertEquals(stats.path("power_lines_km_by_voltage").size(), bars.size(), "one bar per voltage");
        assertEquals(4, bars.size(), "110, 35, 10 and 0.4 kV");
        Set<String> colours = new HashSet<>();
        for (WebElement bar : bars) colours.add(bar.getAttribute("fill"));
        assertEquals(4, colours.size(), "each voltage has its own colour: " + colours);
        assertTrue(colours.contains("#b59f10"), "110 kV bars use the map's 110 kV colour: " + colours);
        String voltageChart = driver.findElement(By.id("pg-fig-voltage")).getText();
        for (String label : List.of("110 kV", "35 kV", "10 kV", "0.4 kV", "km")) {
            assertTrue(voltageChart.contains(label), "voltage chart shows '" + label + "': " + voltageChart);
        }

        WebElement upgrades = driver.findElement(By.id("pg-fig-upgrades"));
        String text = upgrades.getText();
        for (JsonNode target : stats.path("village_upgrades").path("targets")) {
            assertTrue(text.contains(target.path("villages").asText()) && text.contains(target.path("year").asText()),
                    "upgrade chart shows the " + target.path("year") + " target: " + text);
        }
        assertTrue(text.contains("350") && text.contains("750"), "the 2020 (350) and 2022 (750) targets: " + text);
        assertTrue(text.contains("city-wide"), "says the targets are city-wide: " + text);
        assertEquals(2 * stats.path("village_upgrades").path("targets").size(),
                upgrades.findElements(By.cssSelector("#pg-chart-targets rect.pg-bar")).size(), "target and achieved bars");
        assertEquals(stats.path("village_upgrades").path("years").size() * 3,
                upgrades.findElements(By.cssSelector("#pg-chart-upgrades rect.pg-bar")).size(), "three bars per year");

        List<WebElement> charts = driver.findElements(By.cssSelector("#pg-view-statistics svg.pg-chart"));
        assertTrue(charts.size() >= 4, "voltage, cluster, land-use, upgrade and target charts: " + charts.size());
        for (WebElement chart : charts) {
            assertFalse(chart.findElement(By.cssSelector(".pg-chart-title")).getText().isBlank(), "every chart has a title");
            assertFalse(chart.findElements(By.cssSelector(".pg-tick")).isEmpty(), "every chart has axis labels");
            assertFalse(chart.findElements(By.cssSelector(".pg-value")).isEmpty(), "every chart has value labels");
        }
        screenshot("statistics.png");
    }
}
