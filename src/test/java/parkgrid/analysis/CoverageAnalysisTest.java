package parkgrid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parkgrid.analysis.AnalysisFixtures.feature;
import static parkgrid.analysis.AnalysisFixtures.geodesic;
import static parkgrid.analysis.AnalysisFixtures.lineAt;
import static parkgrid.analysis.AnalysisFixtures.point;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

class CoverageAnalysisTest {
    private static final double REL = 0.005;

    private static DemandResult byId(CoverageResult r, long id) {
        return r.demands().stream().filter(d -> d.featureId() == id).findFirst().orElseThrow();
    }

    @Test
    void aDemandJustInsideTheRadiusOnTheEllipsoidIsCoveredWhereThePlaneSaysOutside() {
        // 登封 (113.05°E) lies 2° east of EPSG:4546's central meridian, where the plane stretches lengths by ~0.05 %:
        // a village 1 497.9 m from a transformer on the ellipsoid is 1 498.5 m away on the plane
        Feature transformer = feature(1, "POINT (113.05 34.45)", "name", "登封1号配变");
        Feature village = feature(2, "POINT (113.0663 34.45)", "name_zh", "程窑村");
        double ellipsoidal = AnalysisFixtures.geodesicMetres(113.05, 34.45, 113.0663, 34.45);
        parkgrid.geo.MetricProjection gk111 = new parkgrid.geo.MetricProjection(4546);
        double planar = gk111.project(transformer.geometry()).distance(gk111.project(village.geometry()));
        double radius = (ellipsoidal + planar) / 2;
        assertTrue(ellipsoidal <= radius && planar > radius, "the case discriminates: " + ellipsoidal + " vs " + planar);
        CoverageResult r = CoverageAnalysis.analyse(List.of(transformer), List.of(village), RadiusPolicy.constant(radius),
                CoverageOptions.euclidean().withEpsg(4546));
        DemandResult d = byId(r, 2);
        assertTrue(d.covered(), d.reason());
        assertEquals(ellipsoidal, d.distanceMetres(), 1e-6, "GeographicLib equals Vincenty to the micrometre here");
        assertEquals(4546, r.summary().epsg(), "the projection still serves the covered areas");
    }

    @Test
    void euclideanConstantRadiusCoversDemandsWithinIt() {
        List<Feature> sup = List.of(point(1, 0, 0), point(2, 3000, 0));
        List<Feature> dem = List.of(
                point(11, 400, 300, "population", 120L),   // 500 m from 1
                point(12, 2900, 700, "population", 80L),   // ~707 m from 2
                point(13, 1500, 1500, "population", null), // ~2 121 m from both
                feature(14, "POLYGON ((112.4 34.104, 112.402 34.104, 112.402 34.106, 112.4 34.106, 112.4 34.104))"));
        CoverageResult r = CoverageAnalysis.analyse(sup, dem, RadiusPolicy.constant(1000), CoverageOptions.euclidean().withSupplierNoun("transformer"));

        DemandResult d11 = byId(r, 11);
        assertTrue(d11.covered());
        assertEquals(1L, d11.coveringSupplierId());
        assertEquals(geodesic(0, 0, 400, 300), d11.distanceMetres(), 500 * REL);
        assertTrue(d11.reason().startsWith("within 50"), d11.reason());
        assertTrue(d11.reason().contains("of transformer 1 (limit 1 000 m)"), d11.reason());
        DemandResult d12 = byId(r, 12);
        assertEquals(2L, d12.coveringSupplierId());
        assertEquals(geodesic(3000, 0, 2900, 700), d12.distanceMetres(), 707 * REL);
        DemandResult d13 = byId(r, 13);
        assertFalse(d13.covered());
        assertNull(d13.coveringSupplierId());
        assertEquals(geodesic(0, 0, 1500, 1500), d13.nearestDistanceMetres(), 2121 * REL);
        assertTrue(d13.reason().contains("beyond its 1 000 m radius"), d13.reason());
        DemandResult d14 = byId(r, 14);
        assertTrue(d14.covered(), "polygon ~370 m north of supplier 1: distance to its edge");
        assertEquals(geodesic(0, 0, 0, 0.004 * AnalysisFixtures.M_PER_DEG_LAT), d14.distanceMetres(), 450 * REL);

        assertEquals(List.of(13L), r.uncoveredIds());
        CoverageSummary s = r.summary();
        assertEquals(4, s.demandCount());
        assertEquals(3, s.coveredCount());
        assertEquals(0.75, s.coveredShare(), 1e-12);
        assertEquals(200, s.populationKnown());
        assertEquals(200, s.populationCovered());
        assertEquals(2, s.populationUnknownCount());
        assertEquals(1.0, s.populationCoveredShare(), 1e-12);
        assertEquals(4546, s.epsg());
        assertEquals(CoverageMode.EUCLIDEAN, s.mode());

        assertEquals(1, r.coveredAreas().size());
        CoverageArea area = r.coveredAreas().get(0);
        assertNull(area.supplyClass());
        assertEquals(2 * Math.PI * 1000 * 1000, area.areaSquareMetres(), 2 * Math.PI * 1e6 * 0.002);
        Geometry a = area.areaLonLat();
        assertTrue(a.contains(AnalysisFixtures.wkt(AnalysisFixtures.pointAt(400, 300))));
        assertFalse(a.contains(AnalysisFixtures.wkt(AnalysisFixtures.pointAt(1500, 1500))));
        assertEquals(112.4, a.getEnvelopeInternal().getMinX(), 0.02, "area is in lon/lat");
    }

    @Test
    void perFeatureRadiusUsesEachSuppliersOwnValue() {
        List<Feature> sup = List.of(point(1, 0, 0, "service_radius_m", 300.0), point(2, 5000, 0, "service_radius_m", 1500L),
                point(3, 10000, 0, "service_radius_m", null));
        List<Feature> dem = List.of(point(11, 500, 0), point(12, 6000, 0), point(13, 10100, 0));
        CoverageResult r = CoverageAnalysis.analyse(sup, dem, RadiusPolicy.supplierProperty("service_radius_m"), CoverageOptions.euclidean());
        assertFalse(byId(r, 11).covered());
        assertTrue(byId(r, 12).covered());
        assertFalse(byId(r, 13).covered());
        assertTrue(byId(r, 13).reason().contains("has no radius"), byId(r, 13).reason());
        assertEquals(List.of(11L, 13L), r.uncoveredIds());
    }

    @Test
    void ruleTableRadiusDependsOnTheDemandsClass() {
        List<Feature> sup = List.of(point(1, 0, 0));
        List<Feature> dem = List.of(point(11, 450, 0, "supply_class", "C"), point(12, 0, 450, "supply_class", "D"),
                point(13, 50, 0, "supply_class", "E"), point(14, 60, 0, "supply_class", null));
        RadiusPolicy policy = RadiusPolicy.byDemandClass(SupplyRadiusRules.dlt5729(), "supply_class", 0.4);
        CoverageResult r = CoverageAnalysis.analyse(sup, dem, policy, CoverageOptions.euclidean());
        assertFalse(byId(r, 11).covered(), "C at 0.4 kV: 400 m");
        assertTrue(byId(r, 11).reason().contains("beyond its 400 m radius (class C 0.4 kV)"), byId(r, 11).reason());
        assertTrue(byId(r, 12).covered(), "D at 0.4 kV: 500 m");
        assertTrue(byId(r, 12).reason().endsWith("(limit 500 m, class D 0.4 kV)"), byId(r, 12).reason());
        assertFalse(byId(r, 13).covered(), "E has no fixed radius");
        assertTrue(byId(r, 13).reason().contains("by calculation"), byId(r, 13).reason());
        assertTrue(byId(r, 14).reason().startsWith("no supply class"), byId(r, 14).reason());
        assertEquals(2, r.summary().unassessedCount());
        assertEquals(List.of("C", "D", "E"), r.coveredAreas().stream().map(CoverageArea::supplyClass).toList());
        assertTrue(r.coveredAreas().get(2).areaLonLat().isEmpty());

        // voltage from the supplier: a 10 kV supplier reaches class D demands 15 km away
        List<Feature> subs = List.of(point(1, 0, 0, "voltage_kv", 10.0), point(2, 1000, 0, "voltage_kv", 0.4));
        RadiusPolicy byVoltage = new RadiusPolicy.RuleTable(SupplyRadiusRules.dlt5729(), null, "D", "voltage_kv", null);
        CoverageResult v = CoverageAnalysis.analyse(subs, List.of(point(21, 12000, 0), point(22, 1200, 0)), byVoltage, CoverageOptions.euclidean());
        assertEquals(1L, byId(v, 21).coveringSupplierId());
        assertEquals(2L, byId(v, 22).coveringSupplierId());
    }

    @Test
    void nearestCoveringSupplierNeedNotBeTheNearestOne() {
        List<Feature> sup = List.of(point(1, 0, 0, "r", 300), point(2, 1000, 0, "r", 2000));
        CoverageResult r = CoverageAnalysis.analyse(sup, List.of(point(11, 400, 0)), RadiusPolicy.supplierProperty("r"), CoverageOptions.euclidean());
        DemandResult d = r.demands().get(0);
        assertTrue(d.covered());
        assertEquals(2L, d.coveringSupplierId());
        assertEquals(geodesic(1000, 0, 400, 0), d.distanceMetres(), 600 * REL);
        assertEquals(1L, d.nearestSupplierId());
        assertEquals(geodesic(0, 0, 400, 0), d.nearestDistanceMetres(), 400 * REL);
    }

    /** Main line 0–2000 m east; a branch from a T-junction at 1500 m going 800 m north; a separate line far away. */
    private static List<Feature> network() {
        return List.of(
                feature(101, lineAt(0, 0, 1000, 0, 2000, 0)),
                feature(102, lineAt(1500, 0, 1500, 800)),
                feature(103, lineAt(5000, 5000, 6000, 5000)));
    }

    @Test
    void networkDistanceFollowsTheLinesThroughATJunction() {
        List<Feature> sup = List.of(point(1, 0, 0));
        List<Feature> dem = List.of(point(11, 1510, 800), point(12, 2000, 50), point(13, 5500, 5010));
        CoverageResult r = CoverageAnalysis.analyse(sup, dem, RadiusPolicy.constant(2200), CoverageOptions.network(network()));

        DemandResult d11 = byId(r, 11);
        double along = geodesic(0, 0, 1500, 0) + geodesic(1500, 0, 1500, 800) + geodesic(1500, 800, 1510, 800);
        assertEquals(along, d11.nearestDistanceMetres(), along * REL);
        assertFalse(d11.covered(), "2 310 m along the lines > 2 200 m");
        assertTrue(d11.reason().contains("along lines of any voltage"), d11.reason());
        DemandResult d12 = byId(r, 12);
        assertTrue(d12.covered());
        assertEquals(geodesic(0, 0, 2000, 0) + 50, d12.distanceMetres(), 2050 * REL);
        DemandResult d13 = byId(r, 13);
        assertFalse(d13.covered());
        assertNull(d13.nearestSupplierId());
        assertTrue(d13.reason().startsWith("not connected: no supplier on the lines of any voltage reaches it"), d13.reason());
        assertEquals(List.of(11L, 13L), r.uncoveredIds());

        // Euclidean, the branch demand is within reach
        assertTrue(byId(CoverageAnalysis.analyse(sup, dem, RadiusPolicy.constant(2200), CoverageOptions.euclidean()), 11).covered());
        // without the T-junction the branch is cut off
        CoverageResult strict = CoverageAnalysis.analyse(sup, dem, RadiusPolicy.constant(5000),
                CoverageOptions.network(network()).withSnapToleranceMetres(0));
        assertNull(byId(strict, 11).nearestSupplierId());

        CoverageArea area = r.coveredAreas().get(0);
        assertTrue(area.areaLonLat().contains(AnalysisFixtures.wkt(AnalysisFixtures.pointAt(1500, 300))), "branch start reachable");
        assertFalse(area.areaLonLat().contains(AnalysisFixtures.wkt(AnalysisFixtures.pointAt(1500, 790))), "branch end beyond 2 200 m");
        assertFalse(area.areaLonLat().contains(AnalysisFixtures.wkt(AnalysisFixtures.pointAt(5500, 5000))));
    }

    @Test
    void networkModeWithDifferentRadiiFindsTheNearestCoveringSupplier() {
        List<Feature> sup = List.of(point(1, 0, 0, "r", 500), point(2, 2000, 0, "r", 3000));
        List<Feature> dem = List.of(point(11, 700, 20), point(12, 1500, 780));
        CoverageResult r = CoverageAnalysis.analyse(sup, dem, RadiusPolicy.supplierProperty("r"), CoverageOptions.network(network()));
        DemandResult d11 = byId(r, 11);
        assertEquals(1L, d11.nearestSupplierId());
        assertEquals(2L, d11.coveringSupplierId());
        assertEquals(geodesic(2000, 0, 700, 0) + 20, d11.distanceMetres(), 1320 * REL);
        assertTrue(d11.reason().matches("within 1 3\\d\\d m of supplier 2 \\(limit 3 000 m, from r\\): along lines of any voltage \\(line 101 1.3 km\\)"
                + " \\+ 20 m access leg \\(max 500 m\\)"), "the covering supplier's own path, not the nearest's: " + d11.reason());
        DemandResult d12 = byId(r, 12);
        assertEquals(2L, d12.coveringSupplierId());
        assertEquals(geodesic(2000, 0, 1500, 0) + geodesic(1500, 0, 1500, 780), d12.distanceMetres(), 1280 * REL);
    }

    @Test
    void exceedingTheTimeLimitGives503() {
        List<Feature> dem = new ArrayList<>();
        for (int i = 0; i < 3000; i++) dem.add(point(i + 1, i, i));
        CoverageOptions late = CoverageOptions.euclidean().withDeadline(Instant.now().minusSeconds(1));
        ParkGridException e = assertThrows(ParkGridException.class,
                () -> CoverageAnalysis.analyse(List.of(point(1, 0, 0)), dem, RadiusPolicy.constant(100), late));
        assertInstanceOf(ParkGridException.TimeLimitExceeded.class, e);
        assertTrue(e.detail().startsWith("coverage stopped after"), e.detail());
        // a generous budget is fine
        assertEquals(3000, CoverageAnalysis.analyse(List.of(point(1, 0, 0)), dem, RadiusPolicy.constant(100),
                CoverageOptions.euclidean().withTimeLimit(Duration.ofSeconds(30))).demands().size());
    }

    @Test
    void badInputGives400NamingTheParameter() {
        List<Feature> sup = List.of(point(1, 0, 0));
        List<Feature> dem = List.of(point(11, 10, 0));
        assertParameter("radius", () -> RadiusPolicy.constant(0));
        assertParameter("radius", () -> RadiusPolicy.constant(-5));
        assertParameter("radius", () -> RadiusPolicy.constant(Double.NaN));
        assertParameter("radius", () -> RadiusPolicy.constant(Double.POSITIVE_INFINITY));
        assertParameter("suppliers", () -> new CoverageAnalysis(List.of(), dem, RadiusPolicy.constant(100), CoverageOptions.euclidean()));
        assertParameter("suppliers", () -> new CoverageAnalysis(List.of(feature(1, "LINESTRING (112.4 34.1, 112.41 34.1)")), dem,
                RadiusPolicy.constant(100), CoverageOptions.network(network())));
        assertParameter("suppliers", () -> new CoverageAnalysis(List.of(feature(1, "POINT EMPTY")), dem,
                RadiusPolicy.constant(100), CoverageOptions.euclidean()));
        assertParameter("lines", () -> CoverageOptions.network(List.of()));
        assertParameter("lines", () -> CoverageAnalysis.analyse(sup, dem, RadiusPolicy.constant(100), CoverageOptions.network(List.of(point(5, 0, 0)))));
        assertParameter("radius_property", () -> CoverageAnalysis.analyse(List.of(point(1, 0, 0, "r", -3)), dem,
                RadiusPolicy.supplierProperty("r"), CoverageOptions.euclidean()));
        assertParameter("radius_property", () -> RadiusPolicy.supplierProperty(" "));
        assertParameter("supply_class", () -> RadiusPolicy.byClass(SupplyRadiusRules.dlt5729(), "Z", 0.4));
        assertParameter("voltage_kv", () -> RadiusPolicy.byClass(SupplyRadiusRules.dlt5729(), "D", 35));
        assertParameter("epsg", () -> CoverageAnalysis.analyse(sup, dem, RadiusPolicy.constant(100), CoverageOptions.euclidean().withEpsg(4326)));
    }

    private static void assertParameter(String parameter, org.junit.jupiter.api.function.Executable call) {
        ParkGridException e = assertThrows(ParkGridException.class, call);
        assertInstanceOf(ParkGridException.InvalidInput.class, e, e.getMessage());
        assertEquals(parameter, e.parameter(), e.getMessage());
    }
}
