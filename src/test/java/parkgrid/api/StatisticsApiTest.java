package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import parkgrid.feature.Feature;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/** The statistics endpoints on the seed data, checked against figures the seed files carry themselves. */
class StatisticsApiTest extends SeededServerTest {
    @Test
    void lineKilometresByVoltageAddUpToTheSeedLengths() {
        JsonNode groups = server.get("/statistics").json().get("power_lines_km_by_voltage");
        double measured = 0;
        for (JsonNode g : groups) measured += g.get("length_km").asDouble();
        double declared = SeedFixture.byName().get("power_lines").features().stream()
                .mapToDouble(f -> ((Number) f.properties().get("length_km")).doubleValue()).sum();
        assertEquals(declared, measured, declared * 0.005);
        assertEquals(4, groups.size(), "110, 35, 10 and 0.4 kV");
        assertEquals(0.4, groups.get(0).get("value").asDouble());
    }

    @Test
    void dongyuantouHasElevenKilometresOf400VoltLine() {
        double km = 0;
        for (Feature f : SeedFixture.byName().get("power_lines").features()) {
            Object project = f.properties().get("upgrade_project");
            if (project != null && project.toString().startsWith("Dongyuantou") && Double.valueOf(0.4).equals(f.properties().get("voltage_kv"))) {
                km += ((Number) f.properties().get("length_km")).doubleValue();
            }
        }
        assertEquals(11.0, km, 0.06);
        JsonNode groups = server.get("/collections/power_lines/statistics?groupby=upgrade_project").json().get("groups");
        double measured = 0;
        for (JsonNode g : groups) {
            if (g.get("value").asText().startsWith("Dongyuantou")) measured += g.get("length_km").asDouble();
        }
        assertEquals(11.0 + 1.41, measured, 12.41 * 0.005, "11 km of 400 V and 1.41 km of 10 kV");
    }

    @Test
    void enterprisesParcelsAndTransformersAreSummarised() {
        JsonNode s = server.get("/statistics").json();
        long enterprises = 0;
        for (JsonNode g : s.get("enterprises_by_cluster")) enterprises += g.get("count").asLong();
        assertEquals(SeedFixture.byName().get("enterprises").features().size(), enterprises);
        double share = 0;
        for (JsonNode g : s.get("parcels_by_land_use")) share += g.get("share_of_park").asDouble();
        assertTrue(share > 0.5 && share <= 1.0, "parcels cover most of the park: " + share);
        assertEquals(4_000_000, s.get("park_area_m2").asDouble(), 4_000_000 * 0.005);
        JsonNode targets = s.at("/village_upgrades/targets");
        assertEquals(2020, targets.get(0).get("year").asInt());
        assertEquals(350, targets.get(0).get("villages").asInt());
        assertEquals(350, targets.get(0).get("cumulativeVillages").asInt());
        assertEquals(2022, targets.get(1).get("year").asInt());
        assertEquals(400, targets.get(1).get("villages").asInt(), "the article: 再完成…400个行政村");
        assertEquals("additional", targets.get(1).get("qualifier").asText());
        assertEquals(750, targets.get(1).get("cumulativeVillages").asInt());
        assertTrue(targets.get(1).get("quoteZh").asText().contains("400个行政村"));
    }

    @Test
    void everyArticleFigureIsShownAsStatedWithItsSource() {
        JsonNode s = server.get("/statistics").json();
        assertStated(s, "enterprises_total", null, 24, "全县绿色建材企业达24家", 24.0);
        assertStated(s, "enterprises_annual_output", null, 8_000_000_000.0, "绿色建材年产值超过80亿元", null);
        assertEquals("more_than", figure(s, "enterprises_annual_output", null).get("qualifier").asText());
        assertStated(s, "ledger_projects", null, 144, "台账项目共 144 个", 144.0);
        assertStated(s, "ledger_industrial", null, 36, "产业项目 36 项", 36.0);
        assertStated(s, "ledger_production_sales", null, 18, "产销对接项目 18 项", 18.0);
        assertStated(s, "ledger_tech_transfer", null, 14, "科技成果转化项目 14 项", 14.0);
        assertStated(s, "ledger_industry_finance", null, 76, "产融结合项目 76 项", 76.0);
        // the total investment is the article's figure; the entries carry none, so there is nothing to sum
        assertStated(s, "ledger_investment", null, 12_730_000_000.0, "总投资127.3亿元", null);
        assertStated(s, "substation_110kv_target", 2020, 1, "到2020年，完成1座110千伏变电站", null);
        assertStated(s, "substation_110kv_target", 2022, 1, "到2022年，再完成1座110千伏变电站", null);
        assertEquals("additional", figure(s, "substation_110kv_target", 2022).get("qualifier").asText());
        assertStated(s, "village_upgrade_target", 2020, 350, "350个行政村", null);
        assertStated(s, "village_upgrade_target", 2022, 400, "再完成1座110千伏变电站和400个行政村", null);
        assertStated(s, "chengcun_new_kva", null, 800, "总容量为800千伏安", 800.0);
        assertStated(s, "chengcun_new_transformers", null, 2, "新增配电变压器2台", 2.0);
        assertStated(s, "chengcun_new_line_km", null, 1.09, "新建架空线路1.09千米", 1.09);
        assertStated(s, "dongyuantou_transformer_areas", null, 5, "配电台区 5 个", 5.0);
        assertStated(s, "dongyuantou_10kv_km", null, 1.41, "1.41 千米", 1.41);
        assertStated(s, "dongyuantou_400v_km", null, 11, "400伏线路11千米", 11.0);
        assertStated(s, "park_planned_area_km2", null, 4, "4平方公里", 4.0);
        for (JsonNode f : s.get("article_figures")) {
            assertTrue(f.get("source").asText().startsWith("article §"), f.toString());
            if (!f.get("in_data").isNull()) assertTrue(f.get("agrees").asBoolean(), "the seed reproduces " + f);
        }
    }

    @Test
    void enterprisesAndLedgerSayWhatIsPositionedAndWhatIsAPlaceholder() {
        JsonNode s = server.get("/statistics").json();
        JsonNode enterprises = layer(s, "enterprises");
        assertEquals(24, enterprises.get("features").asInt());
        assertEquals(14, enterprises.get("positioned").asInt());
        assertEquals(10, enterprises.get("placeholders").asInt());
        JsonNode projects = layer(s, "projects");
        assertEquals(144, projects.get("features").asInt());
        assertEquals(0, projects.get("positioned").asInt());
        assertEquals(144, projects.get("placeholders").asInt());
        long clusters = 0;
        for (JsonNode g : s.get("enterprises_by_cluster")) {
            clusters += g.get("count").asLong();
            if (g.get("value").isNull()) assertEquals(10, g.get("count").asInt(), "placeholders have no cluster");
        }
        assertEquals(24, clusters);
    }

    @Test
    void chengcunsNewCapacityIsTheArticlesAndTheRestIsIllustrative() {
        JsonNode chengcun = null;
        for (JsonNode g : server.get("/statistics").json().get("transformers_kva_by_village")) {
            if (g.get("value").asText().equals("程村")) chengcun = g;
        }
        assertTrue(chengcun != null, "程村 has transformers");
        assertEquals(1000, chengcun.get("sum").asInt(), "the invented existing transformer is counted in the total");
        java.util.Map<String, Integer> bySource = new java.util.TreeMap<>();
        for (JsonNode p : chengcun.get("by_capacity_source")) bySource.put(p.get("value").asText(), p.get("sum").asInt());
        assertEquals(java.util.Map.of("article_new", 800, "illustrative_existing", 200), bySource);
    }

    @Test
    void upgradeYearsSayWhereTheyComeFromAndAddUpToTheUpgradedCount() {
        JsonNode u = server.get("/statistics").json().get("village_upgrades");
        assertEquals(3, u.get("upgraded").asInt());
        long upgraded = 0;
        boolean sawIllustrative = false, sawNoYear = false;
        for (JsonNode y : u.get("years")) {
            upgraded += y.get("upgraded").asLong();
            if (y.get("year").isNull()) {
                sawNoYear = true;
                assertEquals(1, y.get("upgraded").asInt(), "三合村: upgraded, year not stated");
                continue;
            }
            String sources = y.get("yearSources").toString();
            if (y.get("year").asInt() >= 2020) {
                assertEquals("[\"illustrative\"]", sources, "Baishu's 2020-2022 years are invented: " + y);
                sawIllustrative = true;
            } else {
                assertEquals("[\"inferred\"]", sources, "2018/2019 are inferred from the undated article: " + y);
            }
        }
        assertTrue(sawIllustrative && sawNoYear);
        assertEquals(u.get("upgraded").asLong(), upgraded, "the chart's years add up to the count the text gives");
        assertEquals("[\"程村\",\"东源头村\",\"三合村\"]", u.get("namedInSource").toString(), "the villages the article names");
        assertEquals(20, u.get("villages").asInt());
    }

    private static void assertStated(JsonNode s, String key, Integer year, double value, String quote, Double inData) {
        JsonNode f = figure(s, key, year);
        assertEquals(value, f.get("value").asDouble(), key);
        assertTrue(f.get("quote_zh").asText().replace(" ", "").contains(quote.replace(" ", "")), key + ": " + f.get("quote_zh"));
        assertFalse(f.get("source").asText().isBlank(), key + " has a source");
        if (inData == null) assertTrue(f.get("in_data").isNull(), key + " is shown as stated, not summed: " + f);
        else assertEquals(inData, f.get("in_data").asDouble(), 1e-9, key);
    }

    private static JsonNode figure(JsonNode s, String key, Integer year) {
        JsonNode figures = s.get("article_figures");
        assertTrue(figures.size() > 0);
        for (JsonNode f : figures) {
            if (f.get("key").asText().equals(key) && (year == null || f.get("year").asInt() == year)) return f;
        }
        throw new AssertionError("no figure " + key + " " + year + " in " + figures);
    }

    private static JsonNode layer(JsonNode s, String name) {
        for (JsonNode l : s.get("layers")) if (l.get("layer").asText().equals(name)) return l;
        throw new AssertionError("no layer " + name);
    }

    @Test
    void transformerCapacityByVillage() {
        JsonNode groups = server.get("/collections/transformers/statistics?groupby=village&sum=capacity_kva").json().get("groups");
        int found = 0;
        for (JsonNode g : groups) {
            if (g.get("value").asText().equals("东源头村")) {
                assertEquals(5, g.get("count").asInt());
                found++;
            }
        }
        assertEquals(1, found, "one group for 东源头村: " + groups);
    }

    @Test
    void unknownOrUnsuitablePropertiesAreProblems() {
        assertEquals("groupby", server.get("/collections/villages/statistics?groupby=colour").json().get("parameter").asText());
        assertEquals("sum", server.get("/collections/villages/statistics?sum=name_zh").json().get("parameter").asText());
        assertEquals(400, server.get("/collections/villages/statistics?by=county").status());
    }
}
