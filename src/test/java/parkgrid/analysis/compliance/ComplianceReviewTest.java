package parkgrid.analysis.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parkgrid.analysis.compliance.GaussKrugerSquares.feature;
import static parkgrid.analysis.compliance.GaussKrugerSquares.rectangle;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.EllipsoidalArea;
import parkgrid.geo.GeoJsonReader;

/** Overlaps of hand-made Gauss–Krüger rectangles whose areas are known: 1 km² boundary, farmland strips, a red line, a town. */
class ComplianceReviewTest {
    /** Planar GK area on the central meridian vs the ellipsoid: well under 0.01 %. */
    private static final double RELATIVE = 1e-4;
    private static final Geometry BOUNDARY = rectangle(0, 0, 1000, 1000);

    private static ControlLayer farmland(List<parkgrid.feature.Feature> fs) {
        return new ControlLayer("basic_farmland", "永久基本农田", "permanent basic farmland", "dlbm", ControlRule.AVOID, 1.0, fs);
    }

    @Test
    void aSquareKilometreIsAMillionSquareMetresOnTheEllipsoid() {
        assertEquals(1_000_000, EllipsoidalArea.squareMetres(BOUNDARY), 1_000_000 * RELATIVE);
        Geometry holed = rectangle(0, 0, 1000, 1000, new double[] {100, 100, 300, 600});
        assertEquals(1_000_000 - 200 * 500, EllipsoidalArea.squareMetres(holed), 1_000_000 * RELATIVE);
    }

    @Test
    void farmlandOverlapPerClassWithAHoleIsTheKnownAreaAndNotCompliant() {
        var f1 = feature(11, rectangle(-300, 100, 200, 400), "0101");                                   // 200 × 300 inside = 60 000
        var f2 = feature(12, rectangle(900, -500, 1400, 1500, new double[] {950, 200, 1100, 400}), "0103"); // 100 × 1000 − 50 × 200 = 90 000
        var f3 = feature(13, rectangle(400, 500, 500, 900), "0101");                                   // inside: 100 × 400 = 40 000
        var far = feature(14, rectangle(3000, 3000, 3500, 3500), "0102");                              // disjoint
        var eco = new ControlLayer("eco_redline", "生态保护红线", "the ecological protection red line", null, ControlRule.AVOID, 1.0,
                List.of(feature(21, rectangle(1000, 0, 2000, 1000), null)));                          // shares an edge only
        var town = new ControlLayer("urban_boundary", "城镇开发边界", "urban development boundary", null, ControlRule.INSIDE, 1.0,
                List.of(feature(31, rectangle(-500, -500, 1500, 800), null)));                        // the north 200 m stay outside
        ComplianceResult r = new ComplianceReview(null).review(BOUNDARY, List.of(farmland(List.of(f1, f2, f3, far)), eco, town));

        LayerFinding farm = r.findings().get(0);
        assertEquals(190_000, farm.overlap().squareMetres(), 190_000 * RELATIVE);
        assertEquals(List.of(11L, 12L, 13L), farm.pieces().stream().map(OverlapPiece::featureId).toList());
        assertEquals("0101", farm.classes().get(0).classValue());
        assertEquals(100_000, farm.classes().get(0).area().squareMetres(), 100_000 * RELATIVE);
        assertEquals(2, farm.classes().get(0).pieces());
        assertEquals("0103", farm.classes().get(1).classValue());
        assertEquals(90_000, farm.classes().get(1).area().squareMetres(), 90_000 * RELATIVE);
        assertEquals(19.0, farm.overlap().hectares(), 19 * RELATIVE);
        assertEquals(285.0, farm.overlap().mu(), 285 * RELATIVE);
        assertFalse(farm.compliant());
        assertEquals("占用永久基本农田 19.00 公顷（285.0 亩）— 不符合", farm.conclusionZh());
        assertTrue(farm.conclusionEn().startsWith("occupies 19.00 ha (285.0 mu, 190,0"), farm.conclusionEn());

        LayerFinding redLine = r.findings().get(1);
        assertTrue(redLine.compliant(), "a shared edge is no occupation");
        assertEquals(0, redLine.overlap().squareMetres(), 1.0);
        assertEquals("未占用生态保护红线 — 符合", redLine.conclusionZh());

        LayerFinding urban = r.findings().get(2);
        assertFalse(urban.compliant());
        assertEquals(200_000, urban.outside().squareMetres(), 200_000 * RELATIVE);
        assertEquals(800_000, urban.overlap().squareMetres(), 800_000 * RELATIVE);
        assertEquals("位于城镇开发边界外 20.00 公顷（300.0 亩）— 不符合", urban.conclusionZh());
        assertEquals(200_000, EllipsoidalArea.squareMetres(urban.outsidePart()), 200_000 * RELATIVE);

        assertFalse(r.compliant());
        assertEquals("不符合：占用永久基本农田 19.00 公顷（285.0 亩）；位于城镇开发边界外 20.00 公顷（300.0 亩）", r.conclusionZh());
        assertEquals(1_000_000, r.boundaryArea().squareMetres(), 1_000_000 * RELATIVE);
    }

    @Test
    void aProjectInsideTheTownAndClearOfFarmlandComplies() {
        var town = new ControlLayer("urban_boundary", "城镇开发边界", "urban development boundary", null, ControlRule.INSIDE, 1.0,
                List.of(feature(31, rectangle(-500, -500, 600, 1500), null), feature(32, rectangle(600, -500, 1500, 1500), null)));
        ComplianceResult r = new ComplianceReview(null).review(BOUNDARY,
                List.of(farmland(List.of(feature(1, rectangle(2000, 0, 2500, 500), "0101"))), town));
        assertTrue(r.compliant(), r.conclusionZh());
        assertEquals("全部位于城镇开发边界内 — 符合", r.findings().get(1).conclusionZh(), "two town polygons together contain it");
        assertEquals("符合：项目用地与 2 个管控图层均无冲突", r.conclusionZh());
        assertTrue(r.findings().get(0).classes().isEmpty());
    }

    @Test
    void anOverlapWithinTheToleranceComplies() {
        var sliver = feature(1, rectangle(999.5, 0, 1200, 1), "0101"); // 0.5 m × 1 m = 0.5 m² inside
        LayerFinding f = new ComplianceReview(null).review(BOUNDARY, List.of(farmland(List.of(sliver)))).findings().get(0);
        assertTrue(f.compliant(), f.conclusionZh());
        assertEquals(0.5, f.overlap().squareMetres(), 0.01);
    }

    @Test
    void aBoundaryThatIsNotAPolygonIsRefusedNamingIt() {
        var point = GeoJsonReader.WGS84.createPoint(new org.locationtech.jts.geom.Coordinate(112.4, 34.1));
        var e = assertThrows(ParkGridException.InvalidInput.class, () -> new ComplianceReview(null).review(point, List.of()));
        assertEquals("boundary", e.parameter());
        var bowTie = GeoJsonReader.WGS84.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
            new org.locationtech.jts.geom.Coordinate(112.40, 34.10), new org.locationtech.jts.geom.Coordinate(112.41, 34.11),
            new org.locationtech.jts.geom.Coordinate(112.41, 34.10), new org.locationtech.jts.geom.Coordinate(112.40, 34.11),
            new org.locationtech.jts.geom.Coordinate(112.40, 34.10)});
        var invalid = assertThrows(ParkGridException.InvalidInput.class, () -> new ComplianceReview(null).review(bowTie, List.of()));
        assertEquals("boundary", invalid.parameter());
        assertTrue(invalid.getMessage().contains("not a valid polygon"), invalid.getMessage());
    }

    @Test
    void pastTheDeadlineTheReviewStopsSayingHowFarItGot() {
        List<parkgrid.feature.Feature> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) many.add(feature(i + 1, rectangle(5000 + i, 0, 5000.5 + i, 1), "0101"));
        var e = assertThrows(ParkGridException.TimeLimitExceeded.class,
                () -> new ComplianceReview(Instant.now().minusSeconds(1)).review(BOUNDARY, List.of(farmland(many))));
        assertTrue(e.getMessage().contains("500 of 2000 features of 'basic_farmland'"), e.getMessage());
    }

    @Test
    void muAndHectaresFollowTheStatedFactors() {
        AreaFigures a = new AreaFigures(5000);
        assertEquals(7.5, a.mu(), 1e-12);
        assertEquals(0.5, a.hectares(), 1e-12);
        assertEquals("0.50 公顷（7.5 亩）", a.zh());
    }
}
