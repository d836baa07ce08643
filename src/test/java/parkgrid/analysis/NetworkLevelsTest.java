package parkgrid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parkgrid.analysis.AnalysisFixtures.feature;
import static parkgrid.analysis.AnalysisFixtures.geodesic;
import static parkgrid.analysis.AnalysisFixtures.lineAt;
import static parkgrid.analysis.AnalysisFixtures.point;

import java.util.List;
import org.junit.jupiter.api.Test;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

/**
 * Network coverage walks only the lines of the assessed voltage level, and the access leg from a demand to
 * the lines is bounded. Hand-made networks in metres east/north of a point near the Ruyang seat.
 */
class NetworkLevelsTest {
    private static final double REL = 0.005;

    private static DemandResult byId(CoverageResult r, long id) {
        return r.demands().stream().filter(d -> d.featureId() == id).findFirst().orElseThrow();
    }

    /**
     * Substation 1 (110 kV, no 10 kV feeder) at 0/0 on a 35 kV line running 5 km east to substation 2, whose
     * 10 kV south feeder runs 1 km south and then 4 km west, passing 1 km below substation 1.
     */
    private static List<Feature> highVoltageNetwork() {
        return List.of(
                feature(201, lineAt(0, 0, 5000, 0), "name_zh", "城关—大坪35千伏线路", "voltage_kv", 35.0, "kind", "overhead"),
                feature(202, lineAt(5000, 0, 5000, -1000, 1000, -1000), "name_zh", "大坪南10千伏线", "voltage_kv", 10.0, "kind", "overhead"),
                feature(203, lineAt(5000, 0, 5000, 3000), "name_zh", "大坪北10千伏线", "voltage_kv", 10.0, "kind", "cable"));
    }

    private static final List<Feature> SUBSTATIONS = List.of(
            point(1, 0, 0, "name_zh", "嵩县城关110千伏变电站", "voltage_kv", 110.0),
            point(2, 5000, 0, "name_zh", "嵩县大坪35千伏变电站", "voltage_kv", 35.0));

    private static RadiusPolicy classD(double kv) {
        return RadiusPolicy.byClass(SupplyRadiusRules.dlt5729(), "D", kv);
    }

    @Test
    void aTenKilovoltAssessmentNeverWalksThe35KvLine() {
        List<Feature> villages = List.of(
                point(11, 1000, 100, "name_zh", "嵩县县城"),   // 100 m from the 35 kV line, 1.1 km from the nearest 10 kV line
                point(12, 1000, -550, "name_zh", "三合村"),    // 450 m from the 35 kV line, 450 m from the 10 kV feeder
                point(13, 5100, 2000, "name_zh", "程村"));     // 100 m from the north 10 kV feeder
        CoverageOptions at10 = CoverageOptions.network(highVoltageNetwork()).withSupplierNoun("substation");
        CoverageResult r = CoverageAnalysis.analyse(SUBSTATIONS, villages, classD(10), at10);

        DemandResult seat = byId(r, 11);
        assertFalse(seat.covered(), seat.reason());
        assertNull(seat.nearestSupplierId(), "off the 10 kV network: no path at all");
        assertTrue(seat.reason().startsWith("off the network: the nearest of the 10 kV lines, 大坪南10千伏线, is 1 1"), seat.reason());
        assertTrue(seat.reason().contains("beyond the 500 m access leg allowed (default for 10 kV)"), seat.reason());
        assertTrue(seat.reason().matches(".*; substation 1, 1 00\\d m away in a straight line, has no 10 kV line within 500 m \\(the nearest is 1.4 km away\\)"),
                seat.reason());
        assertFalse(seat.reason().contains("35千伏"), seat.reason());

        DemandResult sanhe = byId(r, 12);
        assertTrue(sanhe.covered(), sanhe.reason());
        assertEquals(2L, sanhe.coveringSupplierId(), "reached from substation 2 along its 10 kV feeder, not from 1 along the 35 kV line");
        double along = geodesic(5000, 0, 5000, -1000) + geodesic(5000, -1000, 1000, -1000);
        assertEquals(along + sanhe.accessMetres(), sanhe.distanceMetres(), along * REL);
        assertEquals(450, sanhe.accessMetres(), 450 * REL);
        assertTrue(sanhe.reason().contains("along 10 kV lines (大坪南10千伏线 5.0 km) + 45"), sanhe.reason());
        assertTrue(sanhe.reason().contains("m access leg (max 500 m)"), sanhe.reason());

        DemandResult chengcun = byId(r, 13);
        assertTrue(chengcun.covered(), chengcun.reason());
        assertTrue(chengcun.reason().contains("大坪北10千伏线 2.0 km"), chengcun.reason());

        NetworkSummary s = r.summary().network();
        assertEquals("voltage_kv = 10", s.filter());
        assertEquals(2, s.lineCount());
        assertEquals(3, s.lineTotal());
        assertEquals(List.of(1L), s.suppliersOffNetwork());
        assertEquals(500, s.maxAccessMetres(), 0);
        assertTrue(s.description().startsWith("2 of 3 lines (voltage_kv = 10, default: the assessed level, 10 kV)"), s.description());

        // the same villages with every line walked: the old answer, along the 35 kV line from substation 1
        CoverageResult any = CoverageAnalysis.analyse(SUBSTATIONS, villages, RadiusPolicy.constant(5000), at10);
        assertEquals(1L, byId(any, 11).coveringSupplierId(), byId(any, 11).reason());
        assertTrue(byId(any, 11).reason().contains("along lines of any voltage (城关—大坪35千伏线路"), byId(any, 11).reason());
        assertNull(any.summary().network().filter());
        assertTrue(any.summary().network().origin().contains("whatever its voltage"), any.summary().network().origin());
    }

    @Test
    void theHighVoltageRuleWalksOnlyThe35KvLine() {
        List<Feature> villages = List.of(point(11, 1000, 100, "name_zh", "嵩县县城"), point(12, 5100, 2000, "name_zh", "程村"));
        CoverageResult r = CoverageAnalysis.analyse(SUBSTATIONS, villages, RadiusPolicy.byClass(SupplyRadiusRules.highVoltageServiceRadius(), "D", 35),
                CoverageOptions.network(highVoltageNetwork()).withSupplierNoun("substation"));
        assertTrue(byId(r, 11).covered(), byId(r, 11).reason());
        assertTrue(byId(r, 11).reason().contains("along 35 kV lines (城关—大坪35千伏线路"), byId(r, 11).reason());
        assertFalse(byId(r, 12).covered(), "程村 is 2 km from the 35 kV line, beyond the 1 000 m access leg");
        assertTrue(byId(r, 12).reason().contains("beyond the 1 000 m access leg allowed (default for 35 kV)"), byId(r, 12).reason());
    }

    /**
     * Transformer 1 at 0/0 with a 400 m 0.4 kV line east and a 10 kV line 2 km north to transformer 2, which
     * has its own 400 m 0.4 kV line east.
     */
    private static List<Feature> lowVoltageNetwork() {
        return List.of(
                feature(301, lineAt(0, 0, 400, 0), "name_zh", "柏树村0.4千伏线路1", "voltage_kv", 0.4),
                feature(302, lineAt(0, 0, 0, 2000), "name_zh", "柏树北10千伏线", "voltage_kv", 10.0),
                feature(303, lineAt(0, 2000, 400, 2000), "name_zh", "杨沟村0.4千伏线路1", "voltage_kv", 0.4));
    }

    private static final List<Feature> TRANSFORMERS = List.of(point(1, 0, 0, "name_zh", "柏树村1号配变"), point(2, 0, 2000, "name_zh", "杨沟村1号配变"));

    @Test
    void aLowVoltageAssessmentNeverWalksThe10KvFeeder() {
        List<Feature> villages = List.of(
                point(21, 30, 1000, "name_zh", "园区西侧居民点"),  // beside the 10 kV feeder, 1 km from any 0.4 kV line
                point(22, 300, 1950, "name_zh", "杨沟村"),          // 50 m from transformer 2's 0.4 kV line
                point(23, 200, 40, "name_zh", "柏树村"));            // 40 m from transformer 1's 0.4 kV line
        CoverageOptions options = CoverageOptions.network(lowVoltageNetwork()).withSupplierNoun("transformer");
        CoverageResult r = CoverageAnalysis.analyse(TRANSFORMERS, villages, classD(0.4), options);

        DemandResult beside = byId(r, 21);
        assertFalse(beside.covered());
        assertNull(beside.nearestSupplierId(), beside.reason());
        assertTrue(beside.reason().startsWith("off the network: the nearest of the 0.4 kV lines, "), beside.reason());
        assertTrue(beside.reason().contains("beyond the 250 m access leg allowed (default for 0.4 kV)"), beside.reason());
        assertFalse(beside.reason().contains("10千伏"), beside.reason());

        DemandResult yanggou = byId(r, 22);
        assertTrue(yanggou.covered(), yanggou.reason());
        assertEquals(2L, yanggou.coveringSupplierId());
        assertEquals(geodesic(0, 2000, 300, 2000) + 50, yanggou.distanceMetres(), 350 * REL);
        assertTrue(yanggou.reason().endsWith("along 0.4 kV lines (杨沟村0.4千伏线路1 300 m) + 50 m access leg (max 250 m)"), yanggou.reason());
        assertEquals(1L, byId(r, 23).coveringSupplierId());
        assertEquals("voltage_kv = 0.4", r.summary().network().filter());
        assertEquals(List.of(), r.summary().network().suppliersOffNetwork());

        // every line walked, the village beside the feeder is reached through the 10 kV line: the old answer
        CoverageResult any = CoverageAnalysis.analyse(TRANSFORMERS, villages, RadiusPolicy.constant(500), options);
        assertTrue(byId(any, 21).reason().contains("柏树北10千伏线"), byId(any, 21).reason());
    }

    @Test
    void theAccessLegBoundIsInclusiveAndReported() {
        Feature village = point(22, 300, 1950, "name_zh", "杨沟村");
        CoverageOptions options = CoverageOptions.network(lowVoltageNetwork()).withSupplierNoun("transformer");
        double access = byId(CoverageAnalysis.analyse(TRANSFORMERS, List.of(village), classD(0.4), options), 22).accessMetres();
        assertEquals(50, access, 50 * REL);

        CoverageResult inside = CoverageAnalysis.analyse(TRANSFORMERS, List.of(village), classD(0.4),
                options.withNetworkScope(NetworkScope.byLevel().withMaxAccessMetres(access + 0.01)));
        assertTrue(byId(inside, 22).covered(), byId(inside, 22).reason());
        assertTrue(byId(inside, 22).reason().endsWith("+ 50 m access leg (max 50 m)"), byId(inside, 22).reason());
        assertEquals("max_access_m", inside.summary().network().accessOrigin());

        CoverageResult outside = CoverageAnalysis.analyse(TRANSFORMERS, List.of(village), classD(0.4),
                options.withNetworkScope(NetworkScope.byLevel().withMaxAccessMetres(access - 0.01)));
        DemandResult off = byId(outside, 22);
        assertFalse(off.covered());
        assertEquals(access, off.accessMetres(), 1e-9, "the access leg is reported also when it is too long");
        assertTrue(off.reason().contains("is 50 m away, beyond the 50 m access leg allowed (max_access_m)"), off.reason());

        // the default 250 m at 0.4 kV: 240 m from the line is on the network, 260 m is not
        CoverageResult byDefault = CoverageAnalysis.analyse(TRANSFORMERS,
                List.of(point(31, 200, 240, "name_zh", "漫流村"), point(32, 200, 260, "name_zh", "水磨村")), classD(0.4), options);
        assertTrue(byId(byDefault, 31).covered(), byId(byDefault, 31).reason());
        assertFalse(byId(byDefault, 32).covered(), byId(byDefault, 32).reason());
        assertTrue(byId(byDefault, 32).reason().contains("beyond the 250 m access leg allowed (default for 0.4 kV)"), byId(byDefault, 32).reason());
    }

    @Test
    void aNetworkFilterChoosesTheLinesAndIsNamedInTheSummary() {
        List<Feature> villages = List.of(point(13, 5100, 2000, "name_zh", "程村"), point(12, 1000, -550, "name_zh", "三合村"));
        NetworkScope cables = NetworkScope.byLevel().withFilter("kind = 'cable'", f -> "cable".equals(f.properties().get("kind")));
        CoverageResult r = CoverageAnalysis.analyse(SUBSTATIONS, villages, classD(10),
                CoverageOptions.network(highVoltageNetwork()).withSupplierNoun("substation").withNetworkScope(cables));
        assertTrue(byId(r, 13).covered(), byId(r, 13).reason());
        assertTrue(byId(r, 13).reason().contains("along lines matching kind = 'cable' (大坪北10千伏线"), byId(r, 13).reason());
        assertFalse(byId(r, 12).covered(), "the overhead south feeder is not in the network");
        NetworkSummary s = r.summary().network();
        assertEquals("kind = 'cable'", s.filter());
        assertEquals("network_filter", s.origin());
        assertEquals(1, s.lineCount());

        NetworkScope none = NetworkScope.byLevel().withFilter("kind = 'underground'", f -> false);
        ParkGridException e = assertThrows(ParkGridException.class, () -> CoverageAnalysis.analyse(SUBSTATIONS, villages, classD(10),
                CoverageOptions.network(highVoltageNetwork()).withNetworkScope(none)));
        assertEquals("network_filter", e.parameter());
        assertEquals("max_access_m", assertThrows(ParkGridException.class, () -> NetworkScope.byLevel().withMaxAccessMetres(0.0)).parameter());
        assertEquals("max_access_m", assertThrows(ParkGridException.class,
                () -> NetworkScope.byLevel().withMaxAccessMetres(Double.POSITIVE_INFINITY)).parameter());
        assertEquals("lines", assertThrows(ParkGridException.class, () -> CoverageAnalysis.analyse(SUBSTATIONS, villages, classD(0.4),
                CoverageOptions.network(highVoltageNetwork()))).parameter(), "no 0.4 kV line in the layer");
    }
}
