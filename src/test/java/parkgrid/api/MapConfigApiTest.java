package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.LayerRoles;
import parkgrid.testing.RenamedSeed;
import parkgrid.testing.TestServer;

/** {@code /map/config} hands the map its layer roles, and the server's defaults follow the same roles. */
class MapConfigApiTest {
    @TempDir
    Path dir;

    @Test
    void theSeededServerServesTheSeedRoles() {
        try (TestServer server = TestServer.embedded(dir)) {
            TestServer.Reply r = server.get("/map/config");
            assertEquals(200, r.status());
            assertEquals("application/json", r.mediaType());
            JsonNode roles = r.json().get("roles");
            assertEquals(LayerRoles.seed().asMap().size(), roles.size(), roles.toString());
            LayerRoles.seed().asMap().forEach((role, layer) -> assertEquals(layer, roles.path(role).asText(), role));
            assertEquals("power_lines", roles.get("lines").asText());
            assertEquals("none", r.json().at("/basemap/name").asText());
        }
    }

    @Test
    void renamedLayersAreServedAsTheirRolesAndUsedAsTheDefaults() throws Exception {
        try (TestServer server = TestServer.serving(RenamedSeed.store(dir.resolve("renamed.gpkg")), dir, RenamedSeed.ROLES)) {
            JsonNode roles = server.get("/map/config").json().get("roles");
            assertEquals("xianlu", roles.get("lines").asText());
            assertEquals("cunzhuang", roles.get("demand").asText());
            assertEquals("transformers", roles.get("supply-transformers").asText());

            JsonNode stats = server.get("/statistics").json();
            assertTrue(stats.get("power_lines_km_by_voltage").size() >= 4, "the lines role feeds the dashboard: " + stats);
            assertEquals("cunzhuang", stats.at("/village_upgrades/layer").asText());

            // no "lines" input: the default is the lines role, xianlu; villages give the class of each substation
            TestServer.Reply r = CoverageApiTest.post(server, "supply-radius", "{\"inputs\":{\"voltage_kv\":10}}");
            assertEquals(200, r.status(), r.body());
            JsonNode features = r.json().get("features");
            assertTrue(features.size() > 0, "no substations checked");
            boolean ruyangInClassD = false;
            for (JsonNode f : features) {
                if (f.at("/properties/supply_class").asText().equals("D") && f.at("/properties/longest_path_m").asDouble() > 0) ruyangInClassD = true;
            }
            assertTrue(ruyangInClassD, "substations take their class from the nearest cunzhuang village");

            TestServer.Reply network = CoverageApiTest.post(server, "coverage", "{\"inputs\":{\"supply\":\"transformers\",\"demand\":\"cunzhuang\","
                    + "\"mode\":\"network\",\"radius\":{\"type\":\"constant\",\"metres\":500},\"include_areas\":false}}");
            assertEquals(200, network.status(), network.body());
            JsonNode summary = network.json().at("/summary");
            assertEquals(20, summary.get("demand_count").asInt(), "the 20 villages of cunzhuang");
            assertEquals(97, summary.at("/network/line_total").asInt(), "the network defaults to the lines role, xianlu: " + summary);
        }
    }
}
