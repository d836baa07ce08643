package parkgrid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import parkgrid.feature.Feature;
import parkgrid.io.GeoJsonLayerReader;

/** Coverage and supply-radius checks on the seeded Ruyang / Song layers (data/seed). */
class SeedDataAnalysisTest {
    private static List<Feature> layer(String name) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("data/seed", name + ".geojson"))) {
            return GeoJsonLayerReader.read(in, name).features();
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
            assertEquals(villages.size(), s.populationUnknownCount(), "the seed has no population figures");
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

    @Test
    void supplyRadiusCheckOnTheSeedFlagsTheLongBaishuFeeders() throws IOException {
        List<SourceRadius> r = SupplyRadiusCheck.checkDistributionGrid(layer("power_lines"), layer("substations"),
                layer("transformers"), SupplyRadiusRules.dlt5729(), SupplyRadiusOptions.defaults().withVillages(layer("villages")));
        SourceRadius ruyang = r.stream().filter(x -> x.voltageKv() == 10 && x.sourceId() == 1).findFirst().orElseThrow();
        assertTrue(ruyang.over(), ruyang.reason());
        assertTrue(ruyang.longestPathMetres() > 15000, ruyang.reason());
        assertTrue(r.stream().filter(x -> x.voltageKv() == 0.4).count() >= 20);
        r.forEach(x -> assertTrue(x.pathLonLat() == null || x.pathLonLat().getNumPoints() >= 2));
    }
}
