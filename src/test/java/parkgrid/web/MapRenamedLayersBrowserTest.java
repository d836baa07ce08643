package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parkgrid.app.ParkGridApp;
import parkgrid.config.Settings;
import parkgrid.testing.RenamedSeed;

/**
 * The map on a store whose power lines are {@code xianlu} (线路) and villages {@code cunzhuang} (村庄), with
 * PARKGRID_ROLES saying so: the page learns the roles from /map/config and keeps styles, legend labels and
 * default selections.
 */
class MapRenamedLayersBrowserTest extends BrowserTestSupport {
    @Override
    ParkGridApp startServer(Path dir) {
        return ParkGridApp.start(Settings.embedded(dir.resolve("unused.gpkg"), 0).withRoles(RenamedSeed.ROLES),
                RenamedSeed.store(dir.resolve("renamed.gpkg")));
    }

    @Test
    void theRolesComeFromMapConfigAndTheRenamedLayersAreDrawn() {
        assertEquals(Map.of("lines", "xianlu", "demand", "cunzhuang"), js.executeScript(
                "const r = window.parkgrid.roles; return { lines: r.lines, demand: r.demand };"));
        assertEquals(97L, js.executeScript("return window.parkgrid.layers.xianlu.getLayers().length"));
        assertEquals(20L, js.executeScript("return window.parkgrid.layers.cunzhuang.getLayers().length"));
        assertEquals(Boolean.FALSE, js.executeScript("return 'power_lines' in window.parkgrid.layers || 'villages' in window.parkgrid.layers"));
    }

    @Test
    void renamedLayersKeepTheirStyleAndLegendLabel() {
        Object tenKv = js.executeScript("const l = window.parkgrid.layers.xianlu.getLayers()"
                + ".find((x) => Number(x.feature.properties.voltage_kv) === 10); return l && l.options.color;");
        assertEquals("#6e97b8", tenKv, "10 kV lines keep the OpenInfraMap palette");
        Object chengcun = js.executeScript("const l = window.parkgrid.layers.cunzhuang.getLayers()"
                + ".find((x) => x.feature.properties.name_zh === '程村'); return l && l.options.fillColor;");
        assertEquals("#1a9850", chengcun, "程村 is upgraded: green as in the villages' style");
        String legend = (String) js.executeScript(
                "const e = document.querySelector('.pg-legend-layer[data-collection=\"xianlu\"]'); return e ? e.textContent : '';");
        assertTrue(legend.contains("电力线路") && legend.contains("10 kV"), legend);
    }

    @Test
    void thePanelsDefaultToTheLayersPlayingTheRoles() {
        openPanelTab("query");
        openPanelTab("coverage");
        Object selected = js.executeScript("const v = (id) => (document.getElementById(id) || { value: 'missing ' + id }).value;"
                + "return [v('pg-q-layer'), v('pg-c-demand'), v('pg-c-supply'), v('pg-c-network'), v('pg-r-lines')].join(' ');");
        assertEquals("cunzhuang cunzhuang transformers xianlu xianlu", selected);
    }
}
