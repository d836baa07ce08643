package parkgrid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.feature.StatedFigure;

/** StatedFigureCheck, UpgradeProgress and GroupSummary on small inline layers (EPSG:4326). */
class StatedFiguresAndUpgradesTest {
    private static final StatedFigure NEW_KVA = new StatedFigure("chengcun_new_kva", "Chengcun: new capacity", "程村新增配变总容量", 800,
            "kVA", "exact", null, "程村", "总容量为800千伏安", "article §3",
            new StatedFigure.Measure(Map.of("village", "程村", "new_in_upgrade", 1L), "capacity_kva", 0));
    private static final StatedFigure CITY_TARGET = new StatedFigure("substation_110kv_target", "110 kV substations", null, 1,
            "substations", "exact", 2020, "Luoyang city-wide", "完成1座110千伏变电站", "article §3", null);

    private static Feature transformer(long id, String village, long kva, long isNew, boolean placed) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("village", village);
        p.put("capacity_kva", kva);
        p.put("new_in_upgrade", isNew);
        p.put("capacity_source", isNew == 1 ? "article_new" : "illustrative_existing");
        return new Feature(id, placed ? new WKTReader().read("POINT (112.214 34.246)") : null, p);
    }

    @Test
    void aMeasuredFigureIsComparedAndAnUnmeasuredOneIsShownAsStated() throws Exception {
        Layer transformers = new Layer("transformers", "Transformers", null, null, GeometryKind.POINT, List.of(
                new PropertyDefinition("village", PropertyType.STRING), new PropertyDefinition("capacity_kva", PropertyType.INTEGER),
                new PropertyDefinition("new_in_upgrade", PropertyType.INTEGER), new PropertyDefinition("capacity_source", PropertyType.STRING)),
                null, null, List.of(NEW_KVA, CITY_TARGET));
        List<Feature> fs = List.of(transformer(1, "程村", 200, 0, true), transformer(2, "程村", 400, 1, true),
                transformer(3, "程村", 400, 1, false), transformer(4, "东源头村", 315, 1, true));
        List<StatedFigureCheck.Result> r = StatedFigureCheck.of(transformers, fs);
        assertEquals(800.0, r.get(0).inData(), "the 200 kVA existing transformer is not the article's new capacity");
        assertTrue(r.get(0).agrees());
        assertEquals(2, r.get(0).matched(), "a feature without a place still counts");
        assertNull(r.get(1).inData(), "a city-wide target is not summed from the data");
        assertNull(r.get(1).agrees());
        assertFalse(StatedFigureCheck.of(transformers, fs.subList(0, 2)).get(0).agrees(), "400 kVA is not the stated 800");

        GroupSummary byVillage = new GroupSummary("village", "capacity_kva", "capacity_source");
        fs.forEach(byVillage::add);
        GroupSummary.Group chengcun = byVillage.groups().stream().filter(g -> "程村".equals(g.value())).findFirst().orElseThrow();
        assertEquals(3, chengcun.count());
        assertEquals(2, chengcun.positioned());
        assertEquals(1000.0, chengcun.sum());
        assertEquals(List.of(new GroupSummary.Split("article_new", 2, 800.0), new GroupSummary.Split("illustrative_existing", 1, 200.0)),
                chengcun.splits());
    }

    private static Feature village(long id, String name, String nameSource, Integer year, String yearSource, String status) {
        Map<String, Object> p = new HashMap<>();
        p.put("name_zh", name);
        p.put("name_source", nameSource);
        p.put("upgrade_year", year == null ? null : year.longValue());
        p.put("upgrade_year_source", yearSource);
        p.put("upgrade_status", status);
        return new Feature(id, null, p);
    }

    @Test
    void upgradeYearsCarryTheirSourceAndAddUpToTheUpgradedCount() {
        List<Feature> villages = List.of(village(1, "程村", "article", 2019, "inferred", "upgraded"),
                village(2, "东源头村", "article", 2018, "inferred", "upgraded"),
                village(3, "三合村", "article", null, null, "upgraded"),
                village(4, "柏树村", "FACTS.md", 2020, "illustrative", "planned"),
                village(5, "汝阳县城", "FACTS.md", null, null, "not_started"));
        List<StatedFigure> targets = List.of(
                new StatedFigure("village_upgrade_target", "villages", null, 400, "villages", "additional", 2022, "全市",
                        "再完成1座110千伏变电站和400个行政村电网改造任务", "article §3", null),
                new StatedFigure("village_upgrade_target", "villages", null, 350, "villages", "exact", 2020, "全市",
                        "完成1座110千伏变电站和350个行政村电网改造任务", "article §3", null));
        UpgradeProgress.Result r = UpgradeProgress.of(villages, targets);
        assertEquals(3, r.upgraded());
        assertEquals(3, r.years().stream().mapToLong(UpgradeProgress.Year::upgraded).sum(), "the years add up to the upgraded count");
        UpgradeProgress.Year last = r.years().get(r.years().size() - 1);
        assertNull(last.year(), "三合村's year is not stated");
        assertEquals(1, last.upgraded());
        assertEquals(List.of("inferred"), r.years().get(0).yearSources());
        assertTrue(r.years().stream().filter(y -> Integer.valueOf(2020).equals(y.year())).findFirst().orElseThrow().illustrative());
        assertEquals(List.of("程村", "东源头村", "三合村"), r.namedInSource());
        assertEquals(2020, r.targets().get(0).year());
        assertEquals(350, r.targets().get(0).cumulativeVillages());
        assertEquals(400, r.targets().get(1).villages());
        assertEquals(750, r.targets().get(1).cumulativeVillages());
        assertEquals(2, r.targets().get(1).achieved(), "only dated upgrades count towards a target year");
    }
}
