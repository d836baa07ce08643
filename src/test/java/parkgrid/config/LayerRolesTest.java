package parkgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerRolesTest {
    @Test
    void theDefaultsAreTheSeedsLayerNames() {
        LayerRoles seed = LayerRoles.seed();
        assertEquals("power_lines", seed.layerFor(LayerRoles.LINES));
        assertEquals("villages", seed.layerFor(LayerRoles.DEMAND));
        assertEquals("transformers", seed.layerFor(LayerRoles.SUPPLY_TRANSFORMERS));
        assertEquals("substations", seed.layerFor(LayerRoles.SUPPLY_SUBSTATIONS));
        assertEquals(seed, LayerRoles.parse(null));
        assertEquals(seed, LayerRoles.parse("  "));
        assertEquals(seed, Settings.fromEnvironment(Map.of()).roles());
    }

    @Test
    void theEnvironmentRenamesSomeRolesAndTheOthersKeepTheSeedNames() {
        LayerRoles roles = Settings.fromEnvironment(Map.of("PARKGRID_ROLES", " lines = xianlu , demand=cunzhuang,")).roles();
        assertEquals("xianlu", roles.layerFor(LayerRoles.LINES));
        assertEquals("cunzhuang", roles.layerFor(LayerRoles.DEMAND));
        assertEquals("park", roles.layerFor(LayerRoles.PARK));
        assertEquals(LayerRoles.LINES, roles.roleOf("xianlu").orElseThrow());
        assertTrue(roles.roleOf("power_lines").isEmpty(), "power_lines plays no role once lines is xianlu");
        assertEquals(LayerRoles.seed().asMap().keySet(), roles.asMap().keySet());
    }

    @Test
    void badSpecificationsNameWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerRoles.parse("线路=xianlu")).getMessage()
                .contains("unknown role '线路'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerRoles.parse("lines=线路")).getMessage()
                .contains("role 'lines' names '线路', not a layer name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerRoles.parse("lines")).getMessage()
                .contains("'lines' is not role=layer"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerRoles.parse("lines=a,lines=b")).getMessage()
                .contains("given twice"));
        assertThrows(IllegalArgumentException.class, () -> LayerRoles.seed().layerFor("村庄"));
    }
}
