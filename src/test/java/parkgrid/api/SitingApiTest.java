package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parkgrid.api.CoverageApiTest.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkgrid.io.SeedData;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/**
 * The siting process on the seed: a 60 000 m² glass plant inside the park with the glass-plant preset, on both
 * stores, checked against PostGIS {@code geography} and geometry predicates computed independently.
 */
class SitingApiTest extends SeededServerTest {
    private static final String SCHEMA = "siting_api_test";
    /** The glass plant without the preset's 10 kV requirement, which no free land of the seed park meets. */
    static final String GLASS_PLANT = "{\"inputs\":{\"study_area\":\"role:park\",\"area_m2\":60000,\"min_width_m\":100,"
            + "\"presets\":[\"line-corridors\",\"occupied-parcels\"],"
            + "\"exclusions\":[{\"collection\":\"role:demand\",\"buffer_m\":300,\"label\":\"village\",\"label_zh\":\"村庄\"}],"
            + "\"preferences\":[{\"collection\":\"role:enterprises\",\"filter\":\"cluster = 'glass'\",\"direction\":\"near\",\"weight\":2,"
            + "\"label\":\"glass maker\",\"label_zh\":\"玻璃企业\"}],\"max_candidates\":3}}";

    private static JsonNode run(TestServer s, String body) throws Exception {
        TestServer.Reply r = post(s, "siting", body);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void aGlassPlantInTheParkOnBothStoresKeepsEveryPresetCriterion() throws Exception {
        JsonNode fc = run(server, GLASS_PLANT);
        JsonNode features = fc.get("features");
        assertEquals("feasible_area", features.at("/0/properties/kind").asText());
        assertTrue(features.size() >= 2, "at least one candidate: " + fc.get("summary"));
        assertEquals("[\"line-corridors\",\"occupied-parcels\"]", fc.at("/summary/presets").toString());
        for (int k = 1; k < features.size(); k++) {
            JsonNode p = features.get(k).get("properties");
            assertEquals(k, p.get("rank").asInt());
            assertTrue(p.get("area_m2").asDouble() >= 60_000, p.toString());
            assertTrue(p.get("width_m").asDouble() >= 100, p.toString());
            assertTrue(p.get("reasons_zh").toString().contains("场址中心距最近玻璃企业 "), p.toString());
            // its compliance summary against the seed's control layers (farmland, eco red line, urban boundary, by role)
            JsonNode comp = p.get("compliance");
            assertTrue(comp != null && comp.get("layers").size() == 3, p.toString());
            for (JsonNode layer : comp.get("layers")) {
                assertTrue(layer.get("overlap_m2").asDouble() >= 0 && layer.get("overlap_mu").isNumber(), layer.toString());
                assertEquals(layer.get("overlap_m2").asDouble() / (10_000.0 / 15), layer.get("overlap_mu").asDouble(), 0.01);
                assertTrue(layer.get("conclusion_zh").asText().contains("符合"), layer.toString());
            }
            assertTrue(comp.get("conclusion_zh").asText().matches("^(符合|不符合).*"), comp.toString());

            boolean village = false;
            for (JsonNode reason : p.get("reasons_zh")) {
                String text = reason.asText();
                if (text.startsWith("距最近村庄 ")) {
                    village = true;
                    assertTrue(text.endsWith("米（不少于 300 米）✓"), text);
                }
            }
            assertTrue(village, p.get("reasons_zh").toString());
            for (JsonNode b : p.get("breakdown")) assertTrue(b.get("satisfied").asBoolean(), b.toString());
            if (k > 1) assertTrue(features.at("/" + (k - 1) + "/properties/score").asDouble() >= p.get("score").asDouble());
        }

        String url = RequiredServices.postGisUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            try (PostGisStore store = PostGisStore.open(url, "postgres", "", SCHEMA)) {
                SeedData.loadIfEmpty(store);
                String s = SCHEMA + ".";
                try (PreparedStatement ps = c.prepareStatement("WITH site AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) AS g) SELECT "
                        + "(SELECT min(ST_Distance(v.geom::geography, site.g::geography)) FROM " + s + "villages v), "
                        + "(SELECT count(*) FROM " + s + "parcels p WHERE p.status IN ('occupied','reserved','green') AND ST_Intersects(p.geom, site.g)), "
                        + "(SELECT min(ST_Distance(l.geom::geography, site.g::geography)) FROM " + s + "power_lines l WHERE l.voltage_kv >= 35 AND l.kind = 'overhead'), "
                        + "(SELECT bool_and(ST_Covers(ST_Buffer(k.geom::geography, 0.01)::geometry, site.g)) FROM " + s + "park k), "
                        + "(SELECT min(ST_Distance(l.geom::geography, site.g::geography)) FROM " + s + "power_lines l WHERE l.voltage_kv = 10 AND l.kind = 'overhead') "
                        + "FROM site")) {
                    for (int k = 1; k < features.size(); k++) {
                        ps.setString(1, features.get(k).get("geometry").toString());
                        try (ResultSet rs = ps.executeQuery()) {
                            assertTrue(rs.next());
                            assertTrue(rs.getDouble(1) > 300, "geography distance to the nearest village: " + rs.getDouble(1));
                            assertEquals(0, rs.getInt(2), "the site touches no occupied, reserved or green parcel");
                            assertTrue(rs.getDouble(3) > 10, "outside the 35–110 kV corridor: " + rs.getDouble(3));
                            assertTrue(rs.getBoolean(4), "inside the park");
                            assertTrue(rs.getDouble(5) > 5, "outside the 10 kV corridor: " + rs.getDouble(5));
                        }
                    }
                }
                try (TestServer onPostGis = TestServer.serving(store, dir)) {
                    JsonNode pg = run(onPostGis, GLASS_PLANT);
                    assertEquals(fc.get("features").size(), pg.get("features").size());
                    for (int k = 1; k < features.size(); k++) {
                        assertEquals(fc.at("/features/" + k + "/properties/reasons_zh"), pg.at("/features/" + k + "/properties/reasons_zh"));
                        assertEquals(fc.at("/features/" + k + "/geometry"), pg.at("/features/" + k + "/geometry"));
                    }
                    assertEquals(fc.at("/summary/feasible_area_m2"), pg.at("/summary/feasible_area_m2"));
                }
            } finally {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    /** With the whole glass-plant preset (a 10 kV line within 500 m) no 90 亩 site fits the seed park: the occupied parcels rule out most. */
    @Test
    void theWholeGlassPlantPresetFindsNoSiteAndSaysWhy() throws Exception {
        JsonNode fc = run(server, "{\"area_mu\":90,\"min_width_m\":150,\"presets\":[\"glass-plant\"]}");
        assertEquals(1, fc.get("features").size(), "only the feasible area");
        JsonNode s = fc.get("summary");
        JsonNode most = s.at("/eliminations/0");
        assertEquals("距已占用、预留或绿地地块 0 米以内（排除）", most.get("criterion_zh").asText());
        assertEquals(100 * most.get("area_m2").asDouble() / s.get("study_area_m2").asDouble(), most.get("percent").asDouble(), 0.01);
        assertTrue(most.get("percent").asDouble() > 50, most.toString());
        String zh = s.get("no_site_reason_zh").asText();
        assertTrue(zh.startsWith("无 60000 平方米的可用场址"), zh);
        assertTrue(zh.contains("条件「距已占用、预留或绿地地块 0 米以内（排除）」排除面积最大"), zh);
        assertTrue(s.get("no_site_reason").asText().contains("rules out the most"), s.toString());
        boolean requirement = false;
        for (JsonNode e : s.get("eliminations")) requirement |= e.get("criterion").asText().equals("within 500 m of 10 kV line (requirement)");
        assertTrue(requirement, s.get("eliminations").toString());
    }

    @Test
    void thePresetsAreServedWithTheirSources() {
        JsonNode doc = server.get("/processes/siting/presets").json();
        boolean corridor = false;
        for (JsonNode p : doc.get("presets")) {
            if (!p.get("name").asText().equals("line-corridors")) continue;
            for (JsonNode e : p.get("exclusions")) {
                assertTrue(e.get("source").asText().contains("电力设施保护条例"), e.toString());
                assertEquals("S", e.get("confidence").asText());
                corridor |= e.get("buffer_m").asInt() == 5;
            }
        }
        assertTrue(corridor, "1–10 kV: 5 m");
        JsonNode description = server.get("/processes/siting").json();
        assertTrue(description.at("/inputs/presets/schema/items/enum").toString().contains("glass-plant"), description.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"area_m2\":0}                                                                   | 400 | area_m2",
        "{\"area_m2\":1000,\"preferences\":[{\"collection\":\"enterprises\",\"weight\":\"重\"}]} | 400 | preferences[0].weight",
        "{\"area_m2\":1000,\"exclusions\":[{\"collection\":\"没有这个图层\",\"buffer_m\":10}]}     | 404 | exclusions[0].collection",
        "{\"area_m2\":1000,\"exclusions\":[{\"collection\":\"villages\",\"bufer_m\":10}]}        | 400 | exclusions[0].bufer_m",
        "{\"area_m2\":1000,\"exclusions\":[{\"collection\":\"villages\",\"filter\":\"名称 = 1\"}]} | 400 | exclusions[0].filter",
        "{\"area_m2\":1000,\"study_area\":{\"type\":\"LineString\",\"coordinates\":[[112.44,34.17],[112.45,34.17]]}} | 400 | study_area",
        "{\"area_m2\":1000,\"presets\":[\"玻璃厂\"]}                                          | 400 | presets[0]",
        "{\"area_m2\":1000,\"requirements\":[{\"collection\":\"power_lines\",\"within_m\":-1}]} | 400 | requirements[0].within_m",
    })
    void badInputIsAProblemNamingTheInput(String inputs, int status, String parameter) throws Exception {
        TestServer.Reply r = post(server, "siting", inputs);
        assertEquals(status, r.status(), r.body());
        assertEquals("application/problem+json", r.mediaType());
        assertEquals(parameter, r.json().get("parameter").asText(), r.body());
        assertFalse(r.json().get("detail").asText().isBlank());
    }

    @Test
    void aRadiusAroundAFeatureIsAStudyArea() throws Exception {
        long id = server.get("/collections/substations/items?limit=1").json().at("/features/0/id").asLong();
        JsonNode fc = run(server, "{\"study_area\":{\"feature\":{\"collection\":\"substations\",\"id\":" + id + "},\"radius_m\":600},"
                + "\"area_m2\":20000,\"max_candidates\":2}");
        double disc = Math.PI * 600 * 600;
        assertEquals(disc, fc.at("/summary/study_area_m2").asDouble(), disc * 0.002);
        assertEquals(3, fc.get("features").size());
    }
}
