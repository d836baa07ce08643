package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The statistics tab of the map ("Statistics 统计"): GET /statistics drawn as Apache ECharts bar charts. The
 * charts' figures are read back from their ECharts options ({@link #chart}), the texts from the DOM.
 */
class MapStatisticsBrowserTest extends BrowserTestSupport {
    /**
     * One chart's option, as the page gave it to ECharts: title, the category axis's values and their labels as
     * drawn (with the note line), the value axis's name, per series its name, values, bar colours and value
     * labels, whether tooltip and legend are on, the toolbox's features, and whether a PNG comes out.
     */
    private static final String CHART = """
            const el = document.getElementById(arguments[0]);
            const c = el && window.echarts && window.echarts.getInstanceByDom(el);
            if (!c) return null;
            const o = c.getOption();
            const horizontal = o.yAxis[0].type === 'category';
            const cat = horizontal ? o.yAxis[0] : o.xAxis[0], val = horizontal ? o.xAxis[0] : o.yAxis[0];
            const fmt = cat.axisLabel && cat.axisLabel.formatter;
            const text = (l, d, i) => !l.show ? null : typeof l.formatter === 'function' ? l.formatter({ value: d.value, dataIndex: i })
              : l.formatter === undefined ? String(d.value) : String(l.formatter);
            return JSON.stringify({
              title: o.title[0].text, unit: val.name,
              categories: cat.data.map(String),
              categoryLabels: cat.data.map((v, i) => typeof fmt === 'function' ? fmt(v, i) : String(v)),
              series: o.series.map((s) => ({ name: s.name,
                values: s.data.map((d) => Number(d.value)),
                colors: s.data.map((d) => (d.itemStyle && d.itemStyle.color) || s.itemStyle.color),
                labels: s.data.map((d, i) => text(Object.assign({}, s.label, d.label), d, i)) })),
              tooltip: o.tooltip.length > 0 && o.tooltip[0].show !== false,
              legend: o.legend.length > 0 && o.legend[0].show !== false,
              toolbox: Object.keys(o.toolbox[0].feature), saveType: o.toolbox[0].feature.saveAsImage.type,
              png: c.getDataURL({ type: 'png' }).startsWith('data:image/png;base64,'),
              drawn: !!el.querySelector('canvas') && el.querySelector('canvas').width > 0
            });""";

    JsonNode chart(String id) throws Exception {
        Object json = js.executeScript(CHART, id);
        assertTrue(json != null, "no ECharts instance in #" + id);
        return JSON.readTree((String) json);
    }

    static List<Double> values(JsonNode series) {
        List<Double> out = new ArrayList<>();
        series.path("values").forEach(v -> out.add(v.asDouble()));
        return out;
    }

    @Test
    void showsOneBarPerVoltageAndTheCityWideUpgradeTargets() throws Exception {
        JsonNode stats = getJson("/statistics");
        openPanelTab("statistics");
        awaitResult("pg-view-statistics", "#pg-chart-voltage");

        JsonNode voltage = chart("pg-chart-voltage");
        assertEquals(1, voltage.path("series").size());
        JsonNode bars = voltage.path("series").get(0);
        assertEquals(stats.path("power_lines_km_by_voltage").size(), bars.path("values").size(), "one bar per voltage");
        assertEquals(4, bars.path("values").size(), "110, 35, 10 and 0.4 kV");
        Set<String> colours = new HashSet<>();
        bars.path("colors").forEach(c -> colours.add(c.asText()));
        assertEquals(4, colours.size(), "each voltage has its own colour: " + colours);
        assertTrue(colours.contains("#b59f10"), "110 kV bars use the map's 110 kV colour: " + colours);
        String voltageLabels = voltage.path("categoryLabels").toString() + " " + voltage.path("unit").asText();
        for (String label : List.of("110 kV", "35 kV", "10 kV", "0.4 kV", "km")) {
            assertTrue(voltageLabels.contains(label), "voltage chart shows '" + label + "': " + voltageLabels);
        }
        for (JsonNode g : stats.path("power_lines_km_by_voltage")) {
            double kv = g.path("value").asDouble();
            String category = (kv % 1 == 0 ? String.valueOf(Math.round(kv)) : String.valueOf(kv)) + " kV";
            int i = -1;
            for (int j = 0; j < voltage.path("categories").size(); j++) if (voltage.path("categories").get(j).asText().equals(category)) i = j;
            assertTrue(i >= 0, category + " charted: " + voltage.path("categories"));
            assertEquals(g.path("length_km").asDouble(), bars.path("values").get(i).asDouble(), 1e-9, category + " km as /statistics gives it");
        }

        String text = driver.findElement(By.id("pg-fig-upgrades")).getText();
        JsonNode targetChart = chart("pg-chart-targets");
        String targetLabels = targetChart.path("categories").toString() + targetChart.path("series").get(0).path("labels");
        for (JsonNode target : stats.path("village_upgrades").path("targets")) {
            assertTrue(text.contains(target.path("villages").asText()) && text.contains(target.path("year").asText()),
                    "the upgrade note gives the " + target.path("year") + " target: " + text);
            assertTrue(targetLabels.contains(target.path("year").asText() + " target 目标")
                    && targetLabels.contains(target.path("cumulativeVillages").asText() + " city-wide 全市"), targetLabels);
        }
        assertTrue(text.contains("350") && text.contains("750"), "the 2020 (350) and 2022 (750) targets: " + text);
        assertTrue(text.contains("400 more by 2022"), "the article's 2022 figure is 400 more villages: " + text);
        assertTrue(text.contains("city-wide"), "says the targets are city-wide: " + text);
        assertEquals(2 * stats.path("village_upgrades").path("targets").size(), targetChart.path("series").get(0).path("values").size(),
                "target and achieved bars");
        JsonNode perYear = chart("pg-chart-upgrades");
        assertEquals(3, perYear.path("series").size(), "upgraded, planned, cumulative");
        for (JsonNode series : perYear.path("series")) {
            assertEquals(stats.path("village_upgrades").path("years").size(), series.path("values").size(), "three bars per year");
        }

        // the count the text gives is the count the chart draws, the note names the article's three villages
        long charted = 0;
        for (JsonNode series : perYear.path("series")) {
            if (series.path("name").asText().equals("upgraded 已改造")) for (double v : values(series)) charted += Math.round(v);
        }
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("(\\d+) upgraded").matcher(text);
        assertTrue(said.find(), text);
        assertEquals(Long.parseLong(said.group(1)), charted, "text and chart agree: " + text);
        assertEquals(3, charted, "程村, 东源头村 and 三合村 (its year is not stated)");
        assertTrue(text.contains("the article names 3 of them (程村、东源头村、三合村)"), text);
        assertFalse(text.contains("20 villages named"), text);
        String yearLabels = perYear.path("categoryLabels").toString();
        assertTrue(yearLabels.contains("illustrative 示意"), "invented years are labelled on the chart: " + yearLabels);
        assertTrue(yearLabels.contains("inferred 推定") && yearLabels.contains("not stated"), yearLabels);

        List<WebElement> charts = driver.findElements(By.cssSelector("#pg-view-statistics .pg-chart"));
        assertTrue(charts.size() >= 4, "voltage, cluster, land-use, upgrade and target charts: " + charts.size());
        for (WebElement element : charts) {
            JsonNode c = chart(element.getAttribute("id"));
            String id = element.getAttribute("id");
            assertFalse(c.path("title").asText().isBlank(), "every chart has a title: " + id);
            assertTrue(c.path("categoryLabels").size() > 0, "every chart has axis labels: " + id);
            boolean valueLabels = false;
            for (JsonNode series : c.path("series")) for (JsonNode l : series.path("labels")) valueLabels |= !l.isNull() && !l.asText().isBlank();
            assertTrue(valueLabels, "every chart has value labels: " + id);
            assertTrue(c.path("tooltip").asBoolean(), "every chart has a tooltip: " + id);
            assertTrue(c.path("toolbox").toString().contains("saveAsImage") && c.path("saveType").asText().equals("png"), id);
            assertTrue(c.path("png").asBoolean() && c.path("drawn").asBoolean(), "drawn, and exports a PNG: " + id);
        }
        assertTrue(chart("pg-chart-upgrades").path("legend").asBoolean(), "the per-year chart has a legend of its three series");
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

        JsonNode ledger = chart("pg-chart-ledger");
        assertEquals(1, ledger.path("series").size());
        assertEquals(List.of(36.0, 18.0, 14.0, 76.0), values(ledger.path("series").get(0)),
                "industrial, production-sales, technology transfer, industry-finance");
        assertEquals(4, ledger.path("categories").size());
        String ledgerTitle = ledger.path("title").asText();
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
        JsonNode transformers = chart("pg-chart-transformers");
        int row = -1;
        for (int i = 0; i < transformers.path("categories").size(); i++) {
            if (transformers.path("categories").get(i).asText().equals("程村")) row = i;
        }
        assertTrue(row >= 0, "程村 has a row: " + transformers.path("categories"));
        List<JsonNode> chengcunBars = new ArrayList<>();
        for (JsonNode series : transformers.path("series")) if (series.path("values").get(row).asDouble() > 0) chengcunBars.add(series);
        assertEquals(2, chengcunBars.size(), "article and illustrative capacity drawn apart");
        assertEquals(800.0, chengcunBars.get(0).path("values").get(row).asDouble());
        assertEquals("new (article) 新增（资料）", chengcunBars.get(0).path("name").asText());
        assertEquals("existing, illustrative 现有（示意）", chengcunBars.get(1).path("name").asText());
        assertTrue(transformers.path("legend").asBoolean(), "the capacity sources are in a legend");

        WebElement table = driver.findElement(By.id("pg-table-figures"));
        for (String[] r : new String[][] {{"enterprises_total", "24 enterprises 家"}, {"ledger_projects", "144 projects 个"},
                {"ledger_industrial", "36 projects 项"}, {"ledger_production_sales", "18 projects 项"},
                {"ledger_tech_transfer", "14 projects 项"}, {"ledger_industry_finance", "76 projects 项"},
                {"ledger_investment", "12.73 bn yuan (127.3 亿元)"}, {"chengcun_new_kva", "800 kVA 千伏安"}}) {
            WebElement tr = table.findElement(By.cssSelector("tr[data-key='" + r[0] + "']"));
            assertEquals(r[1], tr.findElement(By.cssSelector("td.pg-stated")).getAttribute("textContent"), r[0]);
            assertTrue(tr.findElement(By.cssSelector("td.pg-source")).getAttribute("textContent").startsWith("article §"), r[0]);
        }
        for (String year : List.of("2020", "2022")) {
            WebElement tr = table.findElement(By.cssSelector("tr[data-key='substation_110kv_target'][data-year='" + year + "']"));
            assertTrue(tr.getAttribute("textContent").contains("110千伏变电站"), tr.getAttribute("textContent"));
        }
        WebElement transformerChart = driver.findElement(By.id("pg-chart-transformers"));
        screenshot("statistics-article.png");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", transformerChart);
        screenshot("statistics-transformers.png");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(By.id("pg-fig-upgrades")));
        screenshot("statistics-upgrades.png");
    }
}
