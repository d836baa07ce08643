package parkgrid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import parkgrid.feature.Feature;

/** CoverageSets gives every supplier within reach; its "reached by any" must be CoverageAnalysis's "covered". */
class CoverageSetsTest {
    @Test
    void reachedByAnySupplierIsExactlyWhatCoverageAnalysisCallsCovered() {
        Random rnd = new Random(7);
        List<Feature> suppliers = new ArrayList<>(), demands = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            suppliers.add(AnalysisFixtures.point(i + 1, rnd.nextDouble() * 20_000, rnd.nextDouble() * 20_000, "radius_m", 300 + rnd.nextInt(2000)));
        }
        String[] classes = {"A", "B", "C", "D", "E"};
        for (int i = 0; i < 800; i++) {
            demands.add(AnalysisFixtures.point(i + 1, rnd.nextDouble() * 20_000, rnd.nextDouble() * 20_000, "supply_class", classes[rnd.nextInt(5)]));
        }
        List<RadiusPolicy> policies = List.of(RadiusPolicy.constant(1500), RadiusPolicy.supplierProperty("radius_m"),
                RadiusPolicy.byDemandClass(SupplyRadiusRules.dlt5729(), "supply_class", 0.4));
        for (RadiusPolicy policy : policies) {
            int[][] reach = new CoverageSets(suppliers, demands, policy, null).reachingSuppliers();
            List<DemandResult> expected = CoverageAnalysis.analyse(suppliers, demands, policy, CoverageOptions.euclidean()).demands();
            int covered = 0;
            for (int d = 0; d < demands.size(); d++) {
                assertEquals(expected.get(d).covered(), reach[d].length > 0, policy.describe() + ", demand " + (d + 1));
                if (expected.get(d).covered()) {
                    covered++;
                    int s = (int) (expected.get(d).coveringSupplierId() - 1);
                    assertTrue(java.util.Arrays.binarySearch(reach[d], s) >= 0, "the nearest covering supplier is in the set");
                }
            }
            assertTrue(covered > 20 && covered < 800, policy.describe() + ": " + covered + " covered");
        }
    }

    @Test
    void alongTheNetworkReachedByAnyIsWhatNetworkCoverageCallsCovered() {
        // a 10 kV lattice every 2 km over 12 × 12 km with a 35 kV line through it that a 10 kV rule must not walk
        List<Feature> lines = new ArrayList<>();
        long id = 1;
        for (int i = 0; i <= 6; i++) {
            for (int j = 0; j < 6; j++) {
                lines.add(AnalysisFixtures.feature(id++, AnalysisFixtures.lineAt(i * 2000, j * 2000, i * 2000, (j + 1) * 2000), "voltage_kv", 10.0));
                lines.add(AnalysisFixtures.feature(id++, AnalysisFixtures.lineAt(j * 2000, i * 2000, (j + 1) * 2000, i * 2000), "voltage_kv", 10.0));
            }
        }
        lines.add(AnalysisFixtures.feature(id, AnalysisFixtures.lineAt(-500, 6100, 12_500, 6100), "voltage_kv", 35.0));
        Random rnd = new Random(11);
        List<Feature> suppliers = new ArrayList<>(), demands = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            suppliers.add(AnalysisFixtures.point(i + 1, rnd.nextInt(7) * 2000 + rnd.nextGaussian() * 50, rnd.nextDouble() * 12_000, "radius_m", 800 + rnd.nextInt(3000)));
        }
        String[] classes = {"A", "B", "C"};
        for (int i = 0; i < 400; i++) {
            demands.add(AnalysisFixtures.point(i + 1, rnd.nextDouble() * 12_000, rnd.nextInt(7) * 2000 + rnd.nextGaussian() * 300,
                    "supply_class", classes[rnd.nextInt(3)]));
        }
        List<RadiusPolicy> policies = List.of(RadiusPolicy.constant(2500), RadiusPolicy.supplierProperty("radius_m"),
                RadiusPolicy.byDemandClass(SupplyRadiusRules.dlt5729(), "supply_class", 10));
        for (RadiusPolicy policy : policies) {
            CoverageSets sets = new CoverageSets(suppliers, demands, policy, null).alongNetwork(lines, NetworkScope.byLevel());
            int[][] reach = sets.reachingSuppliers();
            List<DemandResult> expected = CoverageAnalysis.analyse(suppliers, demands, policy,
                    CoverageOptions.network(lines).withNetworkScope(NetworkScope.byLevel())).demands();
            int covered = 0;
            for (int d = 0; d < demands.size(); d++) {
                assertEquals(expected.get(d).covered(), reach[d].length > 0, policy.describe() + ", demand " + (d + 1));
                if (expected.get(d).covered()) {
                    covered++;
                    int s = (int) (expected.get(d).coveringSupplierId() - 1);
                    assertTrue(java.util.Arrays.binarySearch(reach[d], s) >= 0, "the nearest covering supplier is in the set");
                }
            }
            assertTrue(covered > 20 && covered < 400, policy.describe() + ": " + covered + " covered");
        }
    }
}
