package parkgrid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.store.FeatureStore;
import parkgrid.testing.PgRoutingCoverage;
import parkgrid.testing.PostGisSchema;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.SyntheticProvince;

/**
 * Network coverage equals PostGIS + pgRouting's answer for the same definition ({@link PgRoutingCoverage}: the graph
 * built in SQL as {@link LineNetwork} builds it, one {@code pgr_drivingDistance}, the access legs in SQL): the same
 * covered demand ids, on a hand-made network that has a T-junction, a 0.3 m near-miss vertex, a crossing without a
 * shared vertex, a supplier and a demand off the vertices and a demand beyond the access leg, and on a small
 * synthetic province. Needs PostGIS and {@code postgresql-15-pgrouting} (under {@code CI=true} a missing one fails).
 */
class NetworkCoveragePgRoutingAgreementTest {
    private static final String SCHEMA = "network_pgrouting_agreement_test";
    private static final double RADIUS = 1_500;
    private static final Layer LINES = layer("feeders", "线路", GeometryKind.LINESTRING);
    private static final Layer SUPPLIERS = layer("transformers", "配变", GeometryKind.POINT);
    private static final Layer VILLAGES = layer("settlements", "村庄", GeometryKind.POINT);

    @AfterEach
    void drop() throws Exception {
        PostGisSchema.dropIfOpened(SCHEMA);
    }

    @Test
    void handMadeNetworkWithJunctionsNearMissesAndCrossingsCoversWhatPgRoutingCovers() throws Exception {
        List<Feature> lines = List.of(
                AnalysisFixtures.feature(1, AnalysisFixtures.lineAt(0, 0, 1000, 0), "name_zh", "10kV 东线 #1"),
                AnalysisFixtures.feature(2, AnalysisFixtures.lineAt(1000, 0, 2000, 0, 2000, 800), "name_zh", "10kV 东线 #2"),
                // 0.3 m from the end of line 2: snapped onto it
                AnalysisFixtures.feature(3, AnalysisFixtures.lineAt(2000.3, 800, 2000, 2000), "name_zh", "10kV 东线 #3"),
                // its start lies 0.2 m beside line 1's interior: a T-junction
                AnalysisFixtures.feature(4, AnalysisFixtures.lineAt(400, 0.2, 400, 1200), "name_zh", "10kV 北支线"),
                // crosses line 4 without a shared vertex: not joined there, reached only from its own west end
                AnalysisFixtures.feature(5, AnalysisFixtures.lineAt(-300, 600, 1200, 600), "name_zh", "10kV 横线"),
                AnalysisFixtures.feature(6, AnalysisFixtures.lineAt(-300, 600, -300, -900, 0, -900), "name_zh", "10kV 西环"));
        List<Feature> suppliers = List.of(
                AnalysisFixtures.point(1, 150, 30, "name_zh", "一号配变"),
                AnalysisFixtures.point(2, 2000, 1900, "name_zh", "二号配变"));
        List<Feature> villages = new ArrayList<>();
        String[] names = {"王家庄", "李家沟", "张家河", "刘家坡", "陈家岭", "杨家湾", "赵家营", "黄家寨", "周家店", "吴家洼"};
        double[][] at = {{900, 40}, {400, 1100}, {1100, 620}, {-200, 610}, {2000, 1000}, {1990, 300}, {1500, -20},
                {700, 1300}, {-250, -800}, {2600, 1500}};
        for (int i = 0; i < at.length; i++) villages.add(AnalysisFixtures.point(i + 1, at[i][0], at[i][1], "name_zh", names[i]));
        assertSameCoveredSet(new Layer[] {LINES, SUPPLIERS, VILLAGES}, lines, suppliers, villages, true);
    }

    @Test
    void smallSyntheticProvinceCoversWhatPgRoutingCovers() throws Exception {
        SyntheticProvince p = SyntheticProvince.generate(3_000, 12_000, 150, SyntheticProvince.BENCH_SEED);
        assertSameCoveredSet(new Layer[] {SyntheticProvince.LINES, SyntheticProvince.SUPPLIERS, SyntheticProvince.VILLAGES},
                p.lines, p.suppliers, p.villages, false);
    }

    /** {@code layers}: lines, suppliers, villages. */
    private void assertSameCoveredSet(Layer[] layers, List<Feature> lines, List<Feature> suppliers, List<Feature> villages,
                                      boolean handMade) throws Exception {
        String extension = RequiredServices.pgRouting();
        try (FeatureStore store = PostGisSchema.open(SCHEMA, true)) {
            load(store, layers[0], lines);
            load(store, layers[1], suppliers);
            load(store, layers[2], villages);
        }
        CoverageAnalysis ours = new CoverageAnalysis(suppliers, villages, RadiusPolicy.constant(RADIUS), CoverageOptions.network(lines));
        TreeSet<Long> covered = new TreeSet<>();
        for (DemandResult r : ours.getDemandResults()) if (r.covered()) covered.add(r.featureId());
        String q = SCHEMA + ".";
        PgRoutingCoverage pg = new PgRoutingCoverage(SCHEMA, q + layers[0].name(), q + layers[1].name(), q + layers[2].name(), ours.getEpsg(),
                LineNetwork.DEFAULT_SNAP_TOLERANCE_METRES, ours.getSummary().network().maxAccessMetres(), RADIUS);
        try (Connection c = DriverManager.getConnection(RequiredServices.postGisUrl(), "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path TO public, " + extension);
            }
            pg.prepare(c);
            TreeSet<Long> theirs = new TreeSet<>(pg.covered(c));
            assertEquals(covered, theirs, "covered village ids: ParkGrid vs pgRouting");
            if (handMade) {
                assertTrue(!covered.isEmpty() && covered.size() < villages.size(), "some covered, some not: " + covered);
                long[] size = pg.graphSize(c);
                assertEquals(1, size[2], "one T-junction split");
            }
        }
    }

    private static Layer layer(String name, String titleZh, GeometryKind kind) {
        return new Layer(name, name, titleZh, "", kind, List.of(new PropertyDefinition("name_zh", PropertyType.STRING)), "test", "test");
    }

    private static void load(FeatureStore store, Layer layer, List<Feature> features) {
        store.createLayer(layer);
        store.insert(layer.name(), features);
    }
}
