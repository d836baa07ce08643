package parkgrid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import parkgrid.feature.Feature;
import parkgrid.io.GeoJsonLayerReader;
import parkgrid.store.FeatureChecks;

/** Coverage and supply-radius checks on the seeded Ruyang / Song layers (data/seed). */
class SeedDataAnalysisTest {
    private static List<Feature> layer(String name) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("data/seed", name + ".geojson"))) {
            return FeatureChecks.checked(GeoJsonLayerReader.read(in, name)).features();
        }
    }

    private static long idOf(List<Feature> villages, String nameEn) {
        return villages.stream().filter(v -> nameEn.equals(v.properties().get("name_en"))).findFirst().orElseThrow().id();
    }

    @Test
    void transformersCoverTheUpgradedVillagesUnderDlt5729InBothModes() throws IOException {
        List<Feature> transformers = layer("transformers");
        List<Feature> villages = layer("villages");
        List<Feature> lines04 = layer("power_lines").stream()
                .filter(l -> Math.abs(((Number) l.properties().get("voltage_kv")).doubleValue() - 0.4) < 1e-9).toList();
        RadiusPolicy policy = RadiusPolicy.byDemandClass(SupplyRadiusRules.dlt5729(), "supply_class", 0.4);
        long chengcun = idOf(villages, "Chengcun Village"), dongyuantou = idOf(villages, "Dongyuantou Village");
        for (CoverageOptions options : List.of(CoverageOptions.euclidean(), CoverageOptions.network(lines04))) {
            CoverageResult r = CoverageAnalysis.analyse(transformers, villages, policy, options.withSupplierNoun("transformer"));
            CoverageSummary s = r.summary();
            assertEquals(4546, s.epsg());
            assertEquals(villages.size(), s.demandCount());
            assertEquals(s.demandCount(), s.coveredCount() + r.uncoveredIds().size(), "counts add up in " + options.mode());
            long unknown = villages.stream().filter(v -> v.properties().get("population") == null).count();
            assertTrue(unknown > 0 && unknown < villages.size(), "the seed estimates population where a village has transformers: " + unknown);
            assertEquals(unknown, s.populationUnknownCount(), "villages without a population estimate");
            assertTrue(s.coveredCount() >= 2, options.mode() + ": " + s);
            for (long id : List.of(chengcun, dongyuantou)) {
                DemandResult d = r.demands().stream().filter(x -> x.featureId() == id).findFirst().orElseThrow();
                assertTrue(d.covered(), options.mode() + " village " + id + ": " + d.reason());
                assertTrue(d.distanceMetres() < 500, d.reason());
            }
            assertEquals(2, r.coveredAreas().size(), "classes D and C");
            assertTrue(r.coveredAreas().stream().allMatch(a -> a.areaLonLat().isValid()));
        }
    }

    /** data/SOURCES.md: the two Baishu feeders from Ruyang Chengguan are within the class-D 15 km 10 kV radius (longest 14.3 km). */
    @Test
    void supplyRadiusCheckOnTheSeedAgreesWithTheNotesOnTheBaishuFeeders() throws IOException {
        List<Feature> substations = layer("substations"), transformers = layer("transformers");
        List<SourceRadius> r = SupplyRadiusCheck.checkDistributionGrid(layer("power_lines"), substations,
                transformers, SupplyRadiusRules.dlt5729(), SupplyRadiusOptions.defaults().withVillages(layer("villages")));
        long chengguan = substations.stream().filter(s -> "汝阳城关110千伏变电站（示意）".equals(s.properties().get("name_zh")))
                .findFirst().orElseThrow().id();
        long qinting = transformers.stream().filter(t -> "秦停村1号配变".equals(t.properties().get("name_zh"))).findFirst().orElseThrow().id();
        SourceRadius ruyang = r.stream().filter(x -> x.voltageKv() == 10 && x.sourceId() == chengguan).findFirst().orElseThrow();
        assertEquals("D", ruyang.supplyClass(), "it feeds the Baishu villages (class D), though it stands by the county town (C)");
        assertEquals(15000.0, ruyang.limitMetres());
        assertFalse(ruyang.over(), ruyang.reason());
        assertEquals(14300, ruyang.longestPathMetres(), 100, ruyang.reason());
        assertEquals(qinting, ruyang.farthestLoadId());
        assertEquals(13, ruyang.loadCount(), "the 13 Baishu transformers");
        assertTrue(ruyang.reason().contains("is within the 15 000 m limit (class D, 10 kV, DL/T 5729): along 10 kV lines (柏树南10千伏线 14.3 km)"),
                ruyang.reason());
        assertTrue(r.stream().filter(x -> x.voltageKv() == 0.4).count() >= 20);
        r.forEach(x -> assertTrue(x.pathLonLat() == null || x.pathLonLat().getNumPoints() >= 2));
    }
}
