package parkgrid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parkgrid.feature.ParkGridException;

class SupplyRadiusRulesTest {

    @Test
    void dlt5729TableGivesTheQuotedRadii() {
        SupplyRadiusRules r = SupplyRadiusRules.dlt5729();
        assertEquals(3000, r.radiusMetres(10, "A+").getAsDouble());
        assertEquals(3000, r.radiusMetres(10, "B").getAsDouble());
        assertEquals(5000, r.radiusMetres(10, "C").getAsDouble());
        assertEquals(15000, r.radiusMetres(10, "d").getAsDouble(), "class is case-insensitive");
        assertEquals(150, r.radiusMetres(0.4, "A").getAsDouble());
        assertEquals(250, r.radiusMetres(0.4, "B").getAsDouble());
        assertEquals(400, r.radiusMetres(0.4, " C ").getAsDouble());
        assertEquals(500, r.radiusMetres(0.4, "D").getAsDouble());
        assertTrue(r.radiusMetres(0.4, "E").isEmpty(), "E is by calculation");
        assertTrue(r.hasEntry(0.4, "E"));
        assertFalse(r.hasEntry(0.4, "Z"));
        assertFalse(r.hasVoltage(35));
        assertTrue(r.confidence().startsWith("[R]"));
    }

    @Test
    void highVoltagePresetUsesTheUpperEndOfTheRuleOfThumb() {
        SupplyRadiusRules r = SupplyRadiusRules.highVoltageServiceRadius();
        assertEquals(30000, r.radiusMetres(110, "D").getAsDouble());
        assertEquals(10000, r.radiusMetres(35, "C").getAsDouble());
        assertTrue(r.confidence().startsWith("[S]"));
    }

    @Test
    void userTableFromJsonLikeMapIsUsable() {
        Map<String, Map<String, Number>> table = new LinkedHashMap<>();
        Map<String, Number> tenKv = new HashMap<>();
        tenKv.put("D", 12000);
        tenKv.put("E", null);
        table.put("10kV", tenKv);
        SupplyRadiusRules r = SupplyRadiusRules.of("county 2024", "county grid plan", "[S] county plan", table);
        assertEquals(12000, r.radiusMetres(10, "D").getAsDouble());
        assertTrue(r.radiusMetres(10, "E").isEmpty());
    }

    @Test
    void rejectsBadTablesNamingRules() {
        assertEquals("rules", assertThrows(ParkGridException.class,
                () -> SupplyRadiusRules.of("x", null, null, Map.of("ten", Map.of("D", 1)))).parameter());
        assertEquals("rules", assertThrows(ParkGridException.class,
                () -> SupplyRadiusRules.of("x", null, null, Map.of("10", Map.of("D", -5)))).parameter());
        assertEquals("rules", assertThrows(ParkGridException.class,
                () -> SupplyRadiusRules.of("x", null, null, Map.of())).parameter());
    }
}
