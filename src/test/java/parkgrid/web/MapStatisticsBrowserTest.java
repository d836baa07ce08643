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
        assertTrue(text.contains("400 more by 2022"), "the article's 2022 figure is 400 more villages: " + text);
        assertTrue(text.contains("city-wide"), "says the targets are city-wide: " + text);
        assertEquals(2 * stats.path("village_upgrades").path("targets").size(),
                upgrades.findElements(By.cssSelector("#pg-chart-targets rect.pg-bar")).size(), "target and achieved bars");
        assertEquals(stats.path("village_upgrades").path("years").size() * 3,
                upgrades.findElements(By.cssSelector("#pg-chart-upgrades rect.pg-bar")).size(), "three bars per year");

        // the count the text gives is the count the chart draws, the note names the article's three villages
        long charted = 0;
        for (WebElement bar : upgrades.findElements(By.cssSelector("#pg-chart-upgrades rect.pg-bar[data-series='upgraded 已改造']"))) {
            charted += Math.round(Double.parseDouble(bar.getAttribute("data-value")));
        }
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("(\\d+) upgraded").matcher(text);
        assertTrue(said.find(), text);
        assertEquals(Long.parseLong(said.group(1)), charted, "text and chart agree: " + text);
        assertEquals(3, charted, "程村, 东源头村 and 三合村 (its year is not stated)");
        assertTrue(text.contains("the article names 3 of them (程村、东源头村、三合村)"), text);
        assertFalse(text.contains("20 villages named"), text);
        String chartText = driver.findElement(By.id("pg-chart-upgrades")).getText()
                + driver.findElement(By.id("pg-chart-upgrades")).getAttribute("innerHTML");
        assertTrue(chartText.contains("illustrative 示意"), "invented years are labelled on the chart: " + chartText);
        assertTrue(chartText.contains("inferred 推定") && chartText.contains("not stated"), chartText);

        List<WebElement> charts = driver.findElements(By.cssSelector("#pg-view-statistics svg.pg-chart"));
        assertTrue(charts.size() >= 4, "voltage, cluster, land-use, upgrade and target charts: " + charts.size());
        for (WebElement chart : charts) {
            assertFalse(chart.findElement(By.cssSelector(".pg-chart-title")).getText().isBlank(), "every chart has a title");
            assertFalse(chart.findElements(By.cssSelector(".pg-tick")).isEmpty(), "every chart has axis labels");
            assertFalse(chart.findElements(By.cssSelector(".pg-value")).isEmpty(), "every chart has value labels");
        }
        screenshot("statistics.png");
    }

    @Test
    void showsTheArticlesFiguresExactlyWithTheirSources() throws Exception {
        openPanelTab("statistics");
        awaitResult("pg-view-statistics", "#pg-article");

        String enterprises = driver.findElement(By.id("pg-art-enterprises")).getText();
        assertTrue(enterprises.startsWith("24 enterprises"), enterprises);
        assertTrue(enterprises.contains("(article §1"), "with its source: " + enterprises);
        assertTrue(enterprises.contains("14 positioned, 10 placeholders"), enterprises);
        String output = driver.findElement(By.id("pg-art-output")).getText();
        assertTrue(output.contains("> 8 bn yuan (80 亿元)") && output.contains("(article §1"), output);

        List<WebElement> ledger = driver.findElements(By.cssSelector("#pg-chart-ledger rect.pg-bar"));
        assertEquals(4, ledger.size(), "industrial, production-sales, technology transfer, industry-finance");
        List<String> counts = ledger.stream().map(b -> b.getAttribute("data-value").replace(".0", "")).toList();
        assertEquals(List.of("36", "18", "14", "76"), counts);
        String ledgerTitle = driver.findElement(By.cssSelector("#pg-chart-ledger .pg-chart-title")).getText();
        assertTrue(ledgerTitle.contains("144 projects") && ledgerTitle.contains("(article)"), ledgerTitle);
        String ledgerNote = driver.findElement(By.id("pg-ledger-note")).getText();
        assertTrue(ledgerNote.contains("144 projects") && ledgerNote.contains("(article §1"), ledgerNote);
        assertTrue(ledgerNote.contains("12.73 bn yuan (127.3 亿元)"), ledgerNote);
        assertTrue(ledgerNote.contains("144 placeholders"), ledgerNote);

        String substations = driver.findElement(By.id("pg-art-substations")).getText();
        assertTrue(substations.contains("1 by 2020") && substations.contains("1 more by 2022"), substations);
        assertTrue(substations.contains("city-wide") && substations.contains("(article §3"), substations);

        String chengcun = driver.findElement(By.id("pg-art-chengcun")).getText();
        assertTrue(chengcun.contains("程村: 800 kVA new (article)"), chengcun);
        assertTrue(chengcun.contains("200 kVA existing (illustrative)"), "the invented existing transformer is labelled: " + chengcun);
        WebElement transformers = driver.findElement(By.id("pg-chart-transformers"));
        List<WebElement> chengcunBars = transformers.findElements(By.cssSelector("rect.pg-bar[data-category='程村']"));
        assertEquals(2, chengcunBars.size(), "article and illustrative capacity drawn apart");
        assertEquals("800", chengcunBars.get(0).getAttribute("data-value").replace(".0", ""));
        assertEquals("new (article) 新增（资料）", chengcunBars.get(0).getAttribute("data-series"));
        assertEquals("existing, illustrative 现有（示意）", chengcunBars.get(1).getAttribute("data-series"));

        WebElement table = driver.findElement(By.id("pg-table-figures"));
        for (String[] row : new String[][] {{"enterprises_total", "24 enterprises 家"}, {"ledger_projects", "144 projects 个"},
                {"ledger_industrial", "36 projects 项"}, {"ledger_production_sales", "18 projects 项"},
                {"ledger_tech_transfer", "14 projects 项"}, {"ledger_industry_finance", "76 projects 项"},
                {"ledger_investment", "12.73 bn yuan (127.3 亿元)"}, {"chengcun_new_kva", "800 kVA 千伏安"}}) {
            WebElement tr = table.findElement(By.cssSelector("tr[data-key='" + row[0] + "']"));
            assertEquals(row[1], tr.findElement(By.cssSelector("td.pg-stated")).getAttribute("textContent"), row[0]);
            assertTrue(tr.findElement(By.cssSelector("td.pg-source")).getAttribute("textContent").startsWith("article §"), row[0]);
        }
        for (String year : List.of("2020", "2022")) {
            WebElement tr = table.findElement(By.cssSelector("tr[data-key='substation_110kv_target'][data-year='" + year + "']"));
            assertTrue(tr.getAttribute("textContent").contains("110千伏变电站"), tr.getAttribute("textContent"));
        }
        screenshot("statistics-article.png");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", transformers);
        screenshot("statistics-transformers.png");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(By.id("pg-fig-upgrades")));
        screenshot("statistics-upgrades.png");
    }
}
