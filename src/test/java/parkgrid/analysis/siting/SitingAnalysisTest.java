package parkgrid.analysis.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeodesicDistance;
import parkgrid.geo.MetricProjection;

/**
 * Siting on hand-made geometries with known answers. Geometries are written as WKT in metres east and north of a
 * point in the Ruyang park (112.45°E, 34.17°N) on EPSG:4546, the projection the analysis itself chooses there, and
 * handed to the analysis in lon/lat.
 */
class SitingAnalysisTest {
    private static final MetricProjection PLANE = new MetricProjection(4546);
    private static final Coordinate ORIGIN = PLANE.project(new org.locationtech.jts.geom.GeometryFactory().createPoint(new Coordinate(112.45, 34.17))).getCoordinate();
    /** A 1 000 m × 1 000 m study area. */
    private static final String SQUARE_KM = "POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))";
    private static final CriterionLabel VILLAGE = new CriterionLabel("village", "村庄");
    private static final CriterionLabel LINE = new CriterionLabel("10 kV line", "10千伏线路");

    /** A lon/lat geometry from WKT in metres relative to the origin. */
    static Geometry local(String wkt) {
        try {
            Geometry g = new WKTReader().read(wkt);
            g.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
                c.x += ORIGIN.x;
                c.y += ORIGIN.y;
            });
            g.geometryChanged();
            return PLANE.unproject(g);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The metric geometry (relative metres) of a lon/lat one. */
    static Geometry metres(Geometry lonLat) {
        Geometry g = PLANE.project(lonLat);
        g.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x -= ORIGIN.x;
            c.y -= ORIGIN.y;
        });
        g.geometryChanged();
        return g;
    }

    private static SitingOptions options(int n) {
        return new SitingOptions(n, 10, null);
    }

    @Test
    void everySiteKeepsMoreThanTheBufferFromTheVillageAndHasTheAreaAndWidth() {
        Geometry village = local("POINT (300 500)");
        Exclusion e = new Exclusion(VILLAGE, List.of(village), 300, null);
        SiteSize size = new SiteSize(40_000, 150);
        SitingResult r = SitingAnalysis.run(local(SQUARE_KM), size, List.of(e), List.of(), List.of(), options(10));
        assertFalse(r.candidates().isEmpty(), r.toString());
        assertEquals(4546, r.epsg());
        Geometry study = metres(local(SQUARE_KM));
        for (Candidate c : r.candidates()) {
            double d = GeodesicDistance.metres(c.siteLonLat(), village);
            assertTrue(d > 300, "site " + c.rank() + " is " + d + " m from the village");
            assertTrue(c.areaSquareMetres() >= 40_000, "area " + c.areaSquareMetres());
            Envelope m = metres(c.siteLonLat()).getEnvelopeInternal();
            assertTrue(Math.min(m.getWidth(), m.getHeight()) >= 150 - 0.01, "width " + m);
            assertTrue(study.buffer(0.01).covers(metres(c.siteLonLat())), "inside the study area");
            CriterionCheck check = c.breakdown().get(0);
            assertTrue(check.satisfied());
            assertEquals(Math.round(d) + " m to nearest village (min 300) ✓", check.reasonEn());
            assertEquals("距最近村庄 " + Math.round(d) + " 米（不少于 300 米）✓", check.reasonZh());
        }
        for (int a = 0; a < r.candidates().size(); a++) {
            for (int b = a + 1; b < r.candidates().size(); b++) {
                double overlap = metres(r.candidates().get(a).siteLonLat()).intersection(metres(r.candidates().get(b).siteLonLat())).getArea();
                assertEquals(0, overlap, 0.01, "candidates " + a + " and " + b + " overlap (m²)");
            }
        }
        // the disc of 301.8 m (buffer widened by 0.6 % + 0.5 m) around (300, 500): inside the square it is a half
        // disc cut at x = 0, i.e. π r² minus the cap beyond x < 0
        double rr = Exclusion.plannedBufferMetres(300), h = 300;
        double cap = rr * rr * Math.acos(h / rr) - h * Math.sqrt(rr * rr - h * h);
        double expected = 1_000_000 - (Math.PI * rr * rr - cap);
        double afterExclusions = new SitingAnalysis(local(SQUARE_KM), size, List.of(e), List.of(), List.of(), options(10)).getAfterExclusionsSquareMetres();
        // JTS draws the disc as a 32-gon inscribed in the circle: 0.64 % less area
        assertEquals(expected, afterExclusions, Math.PI * rr * rr * 0.0065, "the square less the disc");
        assertTrue(afterExclusions > expected, "the inscribed polygon removes less than the disc");
        assertTrue(r.feasibleSquareMetres() < afterExclusions, "the cusps where the disc meets the square's edge are narrower than 150 m");
    }

    @Test
    void anExclusionWithNoBufferIsNotTouched() {
        Geometry parcel = local("POLYGON ((400 0, 600 0, 600 1000, 400 1000, 400 0))");
        Exclusion e = new Exclusion(new CriterionLabel("occupied parcel", "已占用地块"), List.of(parcel), 0, null);
        SitingResult r = SitingAnalysis.run(local(SQUARE_KM), new SiteSize(90_000, 0), List.of(e), List.of(), List.of(), options(5));
        assertEquals(5, r.candidates().size(), "three 300 m squares fit each side of the parcel: " + r.candidates());
        for (Candidate c : r.candidates()) {
            assertFalse(c.siteLonLat().intersects(parcel));
            assertTrue(GeodesicDistance.metres(c.siteLonLat(), parcel) >= 0.5 - 0.01);
        }
    }

    @Test
    void theWholeSiteLiesWithinTheRequiredDistanceOfTheLine() {
        Geometry line = local("LINESTRING (0 0, 1000 0)");
        Requirement q = new Requirement(LINE, List.of(line), 250);
        SitingResult r = SitingAnalysis.run(local(SQUARE_KM), new SiteSize(20_000, 100), List.of(), List.of(q), List.of(), options(10));
        assertFalse(r.candidates().isEmpty());
        for (Candidate c : r.candidates()) {
            for (Coordinate corner : c.siteLonLat().getCoordinates()) {
                double d = GeodesicDistance.metres(line, c.siteLonLat().getFactory().createPoint(corner));
                assertTrue(d <= 250, "corner " + corner + " is " + d + " m from the line");
            }
            assertTrue(c.breakdown().get(0).reasonEn().endsWith("m to nearest 10 kV line (max 250, whole site within) ✓"), c.breakdown().get(0).reasonEn());
        }
        double corners = 4 * 50 * 50 * (1 - Math.PI / 4); // the opening by 50 m rounds the band's four corners
        assertEquals(250_000 - corners, r.feasibleSquareMetres(), 100, "the 250 m band along the line");
        Envelope corner = metres(r.candidates().get(0).siteLonLat()).getEnvelopeInternal();
        assertTrue(r.candidates().stream().anyMatch(c -> { Envelope e = metres(c.siteLonLat()).getEnvelopeInternal();
            return Math.abs(e.getMinX()) < 0.01 && Math.abs(e.getMinY()) < 0.01; }), "a site may still use the band's square corner: " + corner);
    }

    @Test
    void rankingFollowsThePreferences() {
        Geometry ne = local("POINT (1000 1000)");
        Preference near = new Preference(new CriterionLabel("glass plant", "玻璃企业"), List.of(ne), Preference.Direction.NEAR, 2);
        SitingResult r = SitingAnalysis.run(local(SQUARE_KM), new SiteSize(40_000, 0), List.of(), List.of(), List.of(near), options(5));
        assertEquals(5, r.candidates().size());
        Candidate best = r.candidates().get(0);
        Envelope m = metres(best.siteLonLat()).getEnvelopeInternal();
        assertEquals(1000, m.getMaxX(), 0.01, "the best site sits in the north-east corner: " + m);
        assertEquals(1000, m.getMaxY(), 0.01, "the best site sits in the north-east corner: " + m);
        for (int k = 1; k < r.candidates().size(); k++) {
            Candidate a = r.candidates().get(k - 1), b = r.candidates().get(k);
            assertEquals(k + 1, b.rank());
            assertTrue(a.score() >= b.score());
            assertTrue(a.breakdown().get(0).distanceMetres() <= b.breakdown().get(0).distanceMetres() + 1e-6, "nearer ranks higher");
        }
        assertTrue(best.breakdown().get(0).reasonZh().startsWith("场址中心距最近玻璃企业 "), best.breakdown().get(0).reasonZh());

        Preference far = new Preference(VILLAGE, List.of(ne), Preference.Direction.FAR, 1);
        Candidate farthest = SitingAnalysis.run(local(SQUARE_KM), new SiteSize(40_000, 0), List.of(), List.of(), List.of(far), options(3)).candidates().get(0);
        Envelope f = metres(farthest.siteLonLat()).getEnvelopeInternal();
        assertEquals(0, f.getMinX(), 0.01, "far from the north-east: the south-west corner " + f);
        assertEquals(0, f.getMinY(), 0.01, "far from the north-east: the south-west corner " + f);
        assertEquals(1, farthest.score(), 1e-3);
    }

    @Test
    void sliversNarrowerThanTheWidthAreNotFeasible() {
        // the parcel leaves a 40 m strip along the east edge and a 500 m block in the west
        Geometry parcel = local("POLYGON ((500 -10, 960 -10, 960 1010, 500 1010, 500 -10))");
        Exclusion e = new Exclusion(new CriterionLabel("occupied parcel", "已占用地块"), List.of(parcel), 0, null);
        SitingResult r = SitingAnalysis.run(local(SQUARE_KM), new SiteSize(1_000, 60), List.of(e), List.of(), List.of(), options(50));
        double corners = 4 * 30 * 30 * (1 - Math.PI / 4); // the opening by 30 m rounds the block's four corners
        double block = (500 - 0.5) * 1000 - corners;
        assertEquals(block, r.feasibleSquareMetres(), 50, "only the west block is left");
        assertFalse(r.candidates().isEmpty());
        for (Candidate c : r.candidates()) assertTrue(metres(c.siteLonLat()).getEnvelopeInternal().getMaxX() < 500);
    }

    @Test
    void noFeasibleSiteNamesTheCriterionThatRuledOutMost() {
        Geometry west = local("POLYGON ((-100 -100, 500 -100, 500 1100, -100 1100, -100 -100))");
        Exclusion e = new Exclusion(new CriterionLabel("permanent farmland", "永久基本农田"), List.of(west), 0, null);
        SitingResult r = SitingAnalysis.run(local(SQUARE_KM), new SiteSize(500_000, 0), List.of(e), List.of(), List.of(), options(5));
        assertTrue(r.candidates().isEmpty());
        Elimination most = r.limiting();
        assertEquals("0 m from permanent farmland (exclusion)", most.criterion());
        assertEquals(500.5 * 1000, most.areaSquareMetres(), 1);
        assertEquals(50.05, most.percent(), 0.01);
        assertEquals("site size 500000 m² (750 亩), at least 0 m wide", r.eliminations().get(1).criterion());
        assertEquals(499.5 * 1000, r.eliminations().get(1).areaSquareMetres(), 1);
        assertEquals("No site of 500000 m² fits (499500 m² feasible): \"0 m from permanent farmland (exclusion)\" rules out the most, 500500 m² (50.0 % of the study area)",
                r.noSiteReasonEn());
        assertEquals("无 500000 平方米的可用场址（可用面积 499500 平方米）：条件「距永久基本农田 0 米以内（排除）」排除面积最大，500500 平方米（占研究区 50.0%）",
                r.noSiteReasonZh());

        Geometry centre = local("POINT (500 500)");
        SitingResult none = SitingAnalysis.run(local(SQUARE_KM), new SiteSize(1_000, 0),
                List.of(new Exclusion(VILLAGE, List.of(centre), 800, null)), List.of(), List.of(), options(5));
        assertTrue(none.candidates().isEmpty());
        assertEquals(0, none.feasibleSquareMetres(), 1e-6);
        assertEquals(100, none.limiting().percent(), 1e-6, "the 800 m disc covers the whole square (corners 707 m away)");
        assertEquals(1, none.eliminations().size());
    }

    @Test
    void anAreaInMuIsTwoThousandThirdsOfASquareMetre() {
        SitingResult r = SitingAnalysis.run(local(SQUARE_KM), SiteSize.ofMu(90, 0), List.of(), List.of(), List.of(), options(1));
        assertEquals(60_000, SiteSize.ofMu(90, 0).areaSquareMetres(), 1e-9);
        Candidate c = r.candidates().get(0);
        assertTrue(c.areaSquareMetres() >= 60_000 && c.areaMu() >= 90, c.toString());
        assertEquals(250 * 250, c.areaSquareMetres(), 1e-6, "√60 000 = 244.9 m, rounded up to 25 cells of 10 m");
    }

    @Test
    void badInputNamesTheInput() {
        assertEquals("area_m2", assertThrows(ParkGridException.class, () -> new SiteSize(0, 10)).parameter());
        assertEquals("area_mu", assertThrows(ParkGridException.class, () -> SiteSize.ofMu(-1, 10)).parameter());
        assertEquals("min_width_m", assertThrows(ParkGridException.class, () -> new SiteSize(100, Double.NaN)).parameter());
        assertEquals("weight", assertThrows(ParkGridException.class,
                () -> new Preference(VILLAGE, List.of(), Preference.Direction.NEAR, 0)).parameter());
        assertEquals("buffer_m", assertThrows(ParkGridException.class, () -> new Exclusion(VILLAGE, List.of(), -5, null)).parameter());
        assertEquals("study_area", assertThrows(ParkGridException.class, () -> new SitingAnalysis(local("LINESTRING (0 0, 10 10)"),
                new SiteSize(100, 0), List.of(), List.of(), List.of(), options(1))).parameter());
        assertNull(SitingAnalysis.run(local(SQUARE_KM), new SiteSize(100, 0), List.of(), List.of(), List.of(), options(1)).noSiteReasonEn());
    }

    @Test
    void thePastDeadlineStopsTheAnalysis() {
        SitingOptions past = options(5).withDeadline(java.time.Instant.now().minusSeconds(1));
        ParkGridException e = assertThrows(ParkGridException.class, () -> SitingAnalysis.run(local(SQUARE_KM), new SiteSize(100, 0),
                List.of(new Exclusion(VILLAGE, List.of(local("POINT (1 1)")), 10, null)), List.of(), List.of(), past));
        assertTrue(e instanceof ParkGridException.TimeLimitExceeded, e.toString());
    }
}
