package parkgrid.analysis.facility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.analysis.SupplyRadiusRules;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.GeodesicDistance;

/** Facility location on hand-placed points near Ruyang with known answers (no deadline: no wall clock). */
class FacilityLocationTest {
    private static final double LON0 = 112.4, LAT0 = 34.1;
    private static final double M_PER_DEG_LAT = 110_950, M_PER_DEG_LON = 111_320 * Math.cos(Math.toRadians(LAT0));

    static Feature at(long id, double east, double north, Object... kv) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) props.put((String) kv[i], kv[i + 1]);
        Point p = GeoJsonReader.WGS84.createPoint(new Coordinate(LON0 + east / M_PER_DEG_LON, LAT0 + north / M_PER_DEG_LAT));
        return new Feature(id, p, props);
    }

    private static final RadiusPolicy KM = RadiusPolicy.constant(1000);

    /** One existing transformer near 李家庄; three clusters of villages beyond its reach; four candidate sites. */
    private static final List<Feature> VILLAGES = List.of(
            at(1, 300, 0, "name_zh", "李家庄", "population", 40),
            at(2, 3000, 0, "name_zh", "王家沟", "population", 100),
            at(3, 3200, 300, "name_zh", "张家河", "population", 50),
            at(4, -3000, 0, "name_zh", "刘家坡", "population", 80),
            at(5, 0, 6000, "name_zh", "陈家岭", "population", 500),
            at(6, 0, 6400, "name_zh", "杨家湾", "population", 200));
    private static final List<Feature> EXISTING = List.of(at(100, 0, 0, "name_zh", "李家庄配变"));
    private static final List<Feature> CANDIDATES = List.of(
            at(11, 3100, 100), at(12, -3000, 200), at(13, 0, 6200), at(14, 150, 0));

    @Test
    void twoNewSitesGoWhereTheMostUncoveredPopulationIs() {
        FacilityLocationResult r = new FacilityLocation(CANDIDATES, VILLAGES, EXISTING, KM, KM)
                .sites(2).weightProperty("population").solvers(SolverChoice.BOTH).getResult();
        assertEquals(2, r.sites().size());
        assertEquals(13, r.sites().get(0).feature().id(), "陈家岭 and 杨家湾 (700) first");
        assertEquals(700, r.sites().get(0).newlyCoveredWeight(), 0);
        assertEquals(2, r.sites().get(0).newlyCoveredCount());
        assertEquals(11, r.sites().get(1).feature().id(), "then 王家沟 and 张家河 (150)");
        assertEquals(150, r.sites().get(1).newlyCoveredWeight(), 0);
        assertEquals(1, r.coveredBefore());
        assertEquals(40, r.weightBefore(), 0);
        assertEquals(5, r.coveredAfter());
        assertEquals(890, r.weightAfter(), 0);
        assertEquals(970, r.demandWeight(), 0);
        assertEquals(5, r.reachableCount(), "刘家坡 is reachable, by the site left out");
        assertEquals(List.of(0, 2, 2, 0, 1, 1), toList(r.newlyCoveredBy()));
        assertEquals(850, r.exact().objective(), 0);
        assertEquals(850, r.greedy().objective(), 0);
        assertEquals(0, r.greedyGap(), 0);
        assertEquals("optimal", r.answer().statusText());
    }

    @Test
    void theExistingSuppliersCoverageIsNotCountedAgain() {
        // site 14 stands next to the existing transformer: it reaches only 李家庄, already covered
        FacilityLocationResult r = new FacilityLocation(List.of(CANDIDATES.get(3), CANDIDATES.get(1)), VILLAGES, EXISTING, KM, KM)
                .sites(1).weightProperty("population").solvers(SolverChoice.GREEDY).getResult();
        assertEquals(12, r.sites().get(0).feature().id());
        assertEquals(80, r.answer().objective(), 0);
        assertNull(r.exact());
    }

    @Test
    void withoutExistingSuppliersOrAWeightEveryVillageCountsOne() {
        FacilityLocationResult r = new FacilityLocation(CANDIDATES, VILLAGES, List.of(), KM, KM).sites(1).getResult();
        assertEquals(0, r.coveredBefore());
        assertEquals(2, r.answer().objective(), 0, "two villages per site at best");
        assertEquals(11, r.sites().get(0).feature().id(), "ties go to the first candidate");
    }

    @Test
    void dlt5729RadiiFollowEachVillagesSupplyClass() {
        // 0.4 kV: class D reaches 500 m, class B 250 m; the candidate stands 400 m from both villages
        RadiusPolicy rule = RadiusPolicy.byDemandClass(SupplyRadiusRules.dlt5729(), "supply_class", 0.4);
        List<Feature> villages = List.of(at(1, 400, 0, "name_zh", "赵家营", "supply_class", "D"),
                at(2, -400, 0, "name_zh", "黄家寨", "supply_class", "B"));
        double metres = GeodesicDistance.metres(villages.get(0).geometry(), at(9, 0, 0).geometry());
        assertTrue(metres > 250 && metres < 500, "the fixture's distance: " + metres);
        FacilityLocationResult r = new FacilityLocation(List.of(at(9, 0, 0)), villages, List.of(), rule, rule).sites(1).getResult();
        assertEquals(List.of(1, 0), toList(r.newlyCoveredBy()));
    }

    @Test
    void aWeightThatIsNotANumberIsInvalidInputNamingTheWeightProperty() {
        List<Feature> villages = new ArrayList<>(VILLAGES);
        villages.set(2, at(3, 3200, 300, "name_zh", "张家河", "population", "很多"));
        ParkGridException e = assertThrows(ParkGridException.InvalidInput.class,
                () -> new FacilityLocation(CANDIDATES, villages, EXISTING, KM, KM).sites(2).weightProperty("population").getResult());
        assertEquals("weight_property", e.parameter());
        assertTrue(e.detail().contains("很多"), e.detail());
    }

    @Test
    void anEmptyWeightCountsZeroAndIsReported() {
        List<Feature> villages = new ArrayList<>(VILLAGES);
        villages.set(4, at(5, 0, 6000, "name_zh", "陈家岭"));
        FacilityLocationResult r = new FacilityLocation(CANDIDATES, villages, EXISTING, KM, KM)
                .sites(1).weightProperty("population").solvers(SolverChoice.GREEDY).getResult();
        assertEquals(1, r.weightUnknownCount());
        assertEquals(200, r.answer().objective(), 0);
    }

    @Test
    void moreSitesThanCandidatesIsInvalidInputNamingP() {
        ParkGridException e = assertThrows(ParkGridException.InvalidInput.class,
                () -> new FacilityLocation(CANDIDATES, VILLAGES, EXISTING, KM, KM).sites(5).getResult());
        assertEquals("p", e.parameter());
        ParkGridException zero = assertThrows(ParkGridException.InvalidInput.class,
                () -> new FacilityLocation(CANDIDATES, VILLAGES, EXISTING, KM, KM).sites(0).getResult());
        assertEquals("p", zero.parameter());
    }

    @Test
    void aModelOverTheSizeLimitIsAnsweredByGreedyWithItsBound() {
        FacilityLocationResult r = new FacilityLocation(CANDIDATES, VILLAGES, EXISTING, KM, KM)
                .sites(2).weightProperty("population").maxExactPairs(2).getResult();
        assertNull(r.exact());
        assertTrue(r.exactSkipped().contains("3 (demand group, site) pairs"), r.exactSkipped());
        assertEquals("greedy", r.answer().solver());
    }

    @Test
    void aGridOverASquareKilometreHasPointsInsideItAHundredMetresApart() {
        Geometry square = GeoJsonReader.WGS84.createPolygon(new Coordinate[] {
                at(0, 0, 0).geometry().getCoordinate(), at(0, 1000, 0).geometry().getCoordinate(),
                at(0, 1000, 1000).geometry().getCoordinate(), at(0, 0, 1000).geometry().getCoordinate(),
                at(0, 0, 0).geometry().getCoordinate()});
        List<Feature> grid = CandidateGrid.points(square, 100);
        assertTrue(grid.size() >= 100 && grid.size() <= 121, "points: " + grid.size());
        for (Feature f : grid) assertTrue(square.buffer(1e-9).covers(f.geometry()), "inside: " + f.geometry());
        double d = GeodesicDistance.metres(grid.get(0).geometry(), grid.get(1).geometry());
        assertEquals(100, d, 0.5, "neighbours in a row are 100 m apart on the ellipsoid");
        ParkGridException notPolygon = assertThrows(ParkGridException.InvalidInput.class, () -> CandidateGrid.points(at(0, 0, 0).geometry(), 100));
        assertEquals("study_area", notPolygon.parameter());
        ParkGridException tooFine = assertThrows(ParkGridException.TooLarge.class, () -> CandidateGrid.points(square, 1));
        assertEquals("spacing_m", tooFine.parameter());
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int x : a) out.add(x);
        return out;
    }
}
