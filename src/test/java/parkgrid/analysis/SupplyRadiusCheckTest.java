package parkgrid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parkgrid.analysis.AnalysisFixtures.feature;
import static parkgrid.analysis.AnalysisFixtures.geodesic;
import static parkgrid.analysis.AnalysisFixtures.lineAt;
import static parkgrid.analysis.AnalysisFixtures.point;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

class SupplyRadiusCheckTest {
    /** Substation 1 at the origin; a 10 kV feeder east 4 km to transformer 11, then 3 km north to 12; a 0.4 kV line 600 m on from 11. */
    private static final List<Feature> LINES = List.of(
            feature(1, lineAt(0, 0, 4000, 0), "voltage_kv", 10.0),
            feature(2, lineAt(4000, 0, 4000, 3000), "voltage_kv", 10.0),
            feature(3, lineAt(4000, 0, 4300, 0, 4600, 0), "voltage_kv", 0.4),
            feature(4, lineAt(4000, 3000, 4000, 3200), "voltage_kv", 0.4));
    private static final List<Feature> SUBSTATIONS = List.of(point(1, 0, 0), point(2, 30000, 30000));
    private static final List<Feature> TRANSFORMERS = List.of(point(11, 4000, 0), point(12, 4000, 3000));

    @Test
    void flagsA10kVFeederLongerThanTheClassLimit() {
        SupplyRadiusRules rules = SupplyRadiusRules.dlt5729();
        List<SourceRadius> c = SupplyRadiusCheck.check(LINES, SUBSTATIONS, TRANSFORMERS, 10, rules,
                SupplyRadiusOptions.defaults().withDefaultClass("C"));
        assertEquals(1, c.size(), "substation 2 is not on the 10 kV lines");
        SourceRadius s = c.get(0);
        assertEquals(1, s.sourceId());
        double expected = geodesic(0, 0, 4000, 0) + geodesic(4000, 0, 4000, 3000);
        assertEquals(expected, s.longestPathMetres(), expected * 0.005);
        assertEquals(5000.0, s.limitMetres());
        assertTrue(s.over());
        assertEquals(12L, s.farthestLoadId());
        assertEquals(List.of(12L), s.overLimitLoadIds());
        assertEquals(2, s.loadCount());
        assertTrue(s.reason().contains("exceeds the 5 000 m limit (class C, 10 kV, DL/T 5729)"), s.reason());
        Coordinate[] path = s.pathLonLat().getCoordinates();
        assertEquals(3, path.length);
        assertEquals(AnalysisFixtures.LON0, path[0].x, 1e-7, "path starts at the substation");

        SourceRadius d = SupplyRadiusCheck.check(LINES, SUBSTATIONS, TRANSFORMERS, 10, rules, SupplyRadiusOptions.defaults()).get(0);
        assertEquals("D", d.supplyClass());
        assertFalse(d.over(), "7 km is within 15 km");
    }

    @Test
    void classComesFromTheNearestVillageWhenVillagesAreGiven() {
        List<Feature> villages = List.of(point(31, 100, 100, "supply_class", "C"), point(32, 20000, 0, "supply_class", "D"));
        SourceRadius s = SupplyRadiusCheck.check(LINES, SUBSTATIONS, TRANSFORMERS, 10, SupplyRadiusRules.dlt5729(),
                SupplyRadiusOptions.defaults().withVillages(villages)).get(0);
        assertEquals("C", s.supplyClass());
        assertTrue(s.over());
    }

    @Test
    void checks04kVFromTransformersToTheFarEndsOfTheLines() {
        List<SourceRadius> r = SupplyRadiusCheck.checkDistributionGrid(LINES, SUBSTATIONS, TRANSFORMERS,
                SupplyRadiusRules.dlt5729(), SupplyRadiusOptions.defaults());
        assertEquals(3, r.size());
        SourceRadius t11 = r.get(1), t12 = r.get(2);
        assertEquals(11, t11.sourceId());
        assertEquals(0.4, t11.voltageKv());
        assertEquals(geodesic(4000, 0, 4600, 0), t11.longestPathMetres(), 600 * 0.005);
        assertTrue(t11.over(), "600 m > 500 m (D, 0.4 kV)");
        assertEquals("line end", t11.farthestLoadKind());
        assertEquals(3L, t11.farthestLoadId());
        assertFalse(t12.over());
    }

    @Test
    void rejectsNonPointSourcesAndUnknownVoltageOrClass() {
        ParkGridException e = assertThrows(ParkGridException.class, () -> SupplyRadiusCheck.check(LINES, List.of(LINES.get(0)),
                null, 0.4, SupplyRadiusRules.dlt5729(), SupplyRadiusOptions.defaults()));
        assertInstanceOf(ParkGridException.InvalidInput.class, e);
        assertEquals("sources", e.parameter());
        assertEquals("voltage_kv", assertThrows(ParkGridException.class, () -> SupplyRadiusCheck.check(LINES, SUBSTATIONS,
                null, 35, SupplyRadiusRules.dlt5729(), SupplyRadiusOptions.defaults())).parameter());
        assertEquals("supply_class", assertThrows(ParkGridException.class, () -> SupplyRadiusCheck.check(LINES, SUBSTATIONS,
                null, 10, SupplyRadiusRules.dlt5729(), SupplyRadiusOptions.defaults().withDefaultClass("Q"))).parameter());
        assertEquals("sources", assertThrows(ParkGridException.class, () -> SupplyRadiusCheck.check(LINES, List.of(),
                null, 10, SupplyRadiusRules.dlt5729(), SupplyRadiusOptions.defaults())).parameter());
    }

    @Test
    void aSourceTakesTheClassOfTheVillagesItFeeds() {
        List<Feature> villages = List.of(point(31, 100, 100, "name_zh", "汝阳县城", "supply_class", "C"),
                point(32, 4100, 100, "name_zh", "柏树村", "supply_class", "D"), point(33, 4100, 3100, "name_zh", "杨沟村", "supply_class", "D"));
        SourceRadius s = SupplyRadiusCheck.check(LINES, SUBSTATIONS, TRANSFORMERS, 10, SupplyRadiusRules.dlt5729(),
                SupplyRadiusOptions.defaults().withVillages(villages)).get(0);
        assertEquals("D", s.supplyClass(), "the substation stands by a class-C town but feeds class-D villages");
        assertFalse(s.over(), s.reason());
    }

    @Test
    void walksOnlyTheLinesOfItsLevelAndBoundsTheAccessLeg() {
        List<Feature> lines = new java.util.ArrayList<>(LINES);
        // a 35 kV line from substation 1 straight to transformer 12: a shortcut the 10 kV check must not take
        lines.add(feature(5, lineAt(0, 0, 4000, 3000), "name_zh", "城关—大坪35千伏线路", "voltage_kv", 35.0));
        List<Feature> loads = List.of(point(11, 4000, 0), point(12, 4000, 3000), point(13, 2000, 300, "name_zh", "孔龙村1号配变"));
        SupplyRadiusCheck check = new SupplyRadiusCheck(lines, SUBSTATIONS, loads, 10, SupplyRadiusRules.dlt5729(), SupplyRadiusOptions.defaults());
        SourceRadius s = check.getResults().get(0);
        double expected = geodesic(0, 0, 4000, 0) + geodesic(4000, 0, 4000, 3000);
        assertEquals(expected, s.longestPathMetres(), expected * 0.005, "along the 10 kV feeder, not the 35 kV line");
        assertEquals(3, s.loadCount(), "the load 300 m from the feeder is within the 500 m default access leg");
        assertFalse(s.reason().contains("35千伏"), s.reason());
        NetworkSummary n = check.getNetworkSummary();
        assertEquals("voltage_kv = 10", n.filter());
        assertEquals(2, n.lineCount());
        assertEquals(5, n.lineTotal());
        assertEquals(List.of(2L), n.suppliersOffNetwork(), "substation 2 has no 10 kV line within 500 m");

        SupplyRadiusOptions tight = SupplyRadiusOptions.defaults().withNetworkScope(NetworkScope.byLevel().withMaxAccessMetres(250.0));
        assertEquals(2, SupplyRadiusCheck.check(lines, SUBSTATIONS, loads, 10, SupplyRadiusRules.dlt5729(), tight).get(0).loadCount(),
                "300 m > 250 m: the load is not on the network");
        SupplyRadiusOptions onlyLine1 = SupplyRadiusOptions.defaults().withNetworkScope(NetworkScope.byLevel().withFilter("fid = 1",
                f -> f.id() == 1));
        SourceRadius first = SupplyRadiusCheck.check(lines, SUBSTATIONS, loads, 10, SupplyRadiusRules.dlt5729(), onlyLine1).get(0);
        assertEquals(geodesic(0, 0, 4000, 0), first.longestPathMetres(), 4000 * 0.005);
        assertTrue(first.reason().contains("along lines matching fid = 1 (line 1 4.0 km)"), first.reason());
    }
}
