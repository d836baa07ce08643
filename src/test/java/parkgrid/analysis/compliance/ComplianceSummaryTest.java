package parkgrid.analysis.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** A siting candidate's compliance summary on hand-made squares with known overlaps (Gauss–Krüger metres). */
class ComplianceSummaryTest {
    @Test
    @SuppressWarnings("unchecked")
    void aSiteHalfOnFarmlandAndInsideTheTownHasTheOverlapInSquareMetresAndMu() {
        Geometry site = GaussKrugerSquares.rectangle(0, 0, 200, 100); // 20 000 m²
        var farmland = new ControlLayer("basic_farmland", "永久基本农田", "permanent basic farmland", "dlbm", ControlRule.AVOID, 1.0,
                List.of(GaussKrugerSquares.feature(1, GaussKrugerSquares.rectangle(100, -50, 400, 200), "0101"))); // 100 × 100 m on the site
        var eco = new ControlLayer("eco_redline", "生态保护红线", "the ecological protection red line", null, ControlRule.AVOID, 1.0,
                List.of(GaussKrugerSquares.feature(2, GaussKrugerSquares.rectangle(1000, 1000, 1200, 1200), null)));
        var town = new ControlLayer("urban_boundary", "城镇开发边界", "urban development boundary", null, ControlRule.INSIDE, 1.0,
                List.of(GaussKrugerSquares.feature(3, GaussKrugerSquares.rectangle(-500, -500, 500, 500), null)));
        Map<String, Object> s = ComplianceSummary.of(new ComplianceReview(null), site, List.of(farmland, eco, town));

        assertEquals(false, s.get("compliant"));
        List<Map<String, Object>> layers = (List<Map<String, Object>>) s.get("layers");
        assertEquals(3, layers.size());
        Map<String, Object> f = layers.get(0);
        assertEquals("basic_farmland", f.get("layer"));
        // 10 000 m² in the plane of the projection; the ellipsoidal area differs by the GK scale factor (< 0.1 % here)
        assertEquals(10_000, (double) f.get("overlap_m2"), 10);
        assertEquals(15.0, (double) f.get("overlap_mu"), 0.02);
        assertEquals(false, f.get("compliant"));
        assertTrue(((String) f.get("conclusion_zh")).contains("不符合"), f.toString());
        assertEquals(0.0, (double) layers.get(1).get("overlap_m2"));
        assertEquals(true, layers.get(1).get("compliant"));
        assertEquals(20_000, (double) layers.get(2).get("overlap_m2"), 20);
        assertEquals(0.0, (double) layers.get(2).get("outside_m2"), 1);
        assertEquals(true, layers.get(2).get("compliant"));
        assertTrue(((String) s.get("conclusion_zh")).startsWith("不符合"), s.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSiteClearOfEveryControlLayerComplies() {
        Geometry site = GaussKrugerSquares.rectangle(0, 0, 100, 100);
        var farmland = new ControlLayer("basic_farmland", "永久基本农田", "permanent basic farmland", "dlbm", ControlRule.AVOID, 1.0,
                List.of(GaussKrugerSquares.feature(1, GaussKrugerSquares.rectangle(150, 0, 300, 100), "0101")));
        Map<String, Object> s = ComplianceSummary.of(new ComplianceReview(null), site, List.of(farmland));
        assertEquals(true, s.get("compliant"));
        Map<String, Object> f = ((List<Map<String, Object>>) s.get("layers")).get(0);
        assertEquals(0.0, (double) f.get("overlap_m2"));
        assertFalse(((String) f.get("conclusion_zh")).contains("不符合"));
    }
}
