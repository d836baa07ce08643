package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkgrid.io.SeedData;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/** The coverage and supply-radius processes over HTTP, on the embedded store and on PostGIS. */
class CoverageApiTest extends SeededServerTest {
    private static final String SCHEMA = "coverage_api_test";
    static TestServer.Reply post(TestServer server, String process, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/processes/" + process + "/execution"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return TestServer.Reply.of(r);
    }

    static Set<Long> covered(JsonNode fc) {
        Set<Long> ids = new HashSet<>();
        fc.get("features").forEach(f -> { if (f.at("/properties/covered").asBoolean()) ids.add(f.get("id").asLong()); });
        return ids;
    }

    @Test
    void euclideanCoverageOnBothStoresEqualsAnIndependentPostGisQuery() throws Exception {
        String body = "{\"inputs\":{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"constant\",\"metres\":2000},\"mode\":\"euclidean\"}}";
        TestServer.Reply onEmbedded = post(server, "coverage", body);
        assertEquals(200, onEmbedded.status(), onEmbedded.body());
        JsonNode fc = onEmbedded.json();
        assertEquals(SeedFixture.byName().get("villages").features().size(), fc.get("features").size());

        String url = RequiredServices.postGisUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            try (PostGisStore store = PostGisStore.open(url, "postgres", "", SCHEMA)) {
                SeedData.loadIfEmpty(store);
                Set<Long> expected = new HashSet<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT v.fid FROM " + SCHEMA + ".villages v WHERE EXISTS ("
                        + "SELECT 1 FROM " + SCHEMA + ".transformers t WHERE ST_DWithin(v.geom::geography, t.geom::geography, 2000))")) {
                    while (rs.next()) expected.add(rs.getLong(1));
                }
                assertFalse(expected.isEmpty());
                assertEquals(expected, covered(fc), "embedded store vs PostGIS ST_DWithin on geography");
                try (TestServer onPostGis = TestServer.serving(store, dir)) {
                    JsonNode pg = post(onPostGis, "coverage", body).json();
                    assertEquals(expected, covered(pg), "PostGIS store vs PostGIS ST_DWithin on geography");
                    assertEquals(fc.get("summary").get("covered_count"), pg.get("summary").get("covered_count"));
                }
            } finally {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
        JsonNode s = fc.get("summary");
        assertEquals(covered(fc).size(), s.get("covered_count").asInt());
        List<Long> uncovered = new ArrayList<>();
        fc.get("uncovered").forEach(id -> uncovered.add(id.asLong()));
        assertEquals(s.get("demand_count").asInt() - s.get("covered_count").asInt(), uncovered.size());
        assertTrue(fc.at("/coverage_area/features").size() >= 1);
        fc.get("features").forEach(f -> assertFalse(f.at("/properties/reason").asText().isBlank()));
    }

    @Test
    void dlt5729RuleTableByVillageClassCoversTheUpgradedVillages() throws Exception {
        for (String mode : List.of("euclidean", "network")) {
            JsonNode fc = post(server, "coverage", "{\"supply\":\"transformers\",\"demand\":\"villages\",\"mode\":\"" + mode + "\","
                    + "\"radius\":{\"type\":\"rule\",\"rules\":\"dlt5729\",\"voltage_kv\":0.4,\"class_property\":\"supply_class\"}}").json();
            int checked = 0;
            for (JsonNode f : fc.get("features")) {
                String name = f.at("/properties/name_zh").asText();
                if (name.equals("程村") || name.equals("东源头村")) {
                    assertTrue(f.at("/properties/covered").asBoolean(), mode + " " + name);
                    checked++;
                }
            }
            assertEquals(2, checked, mode + ": both 程村 and 东源头村 are in the answer");
            assertEquals(mode, fc.at("/summary/mode").asText());
            assertTrue(fc.at("/summary/radius").asText().contains("DL/T 5729"));
        }
    }

    @Test
    void supplyRadiusCheckFlagsFeedersOverTheirClassLimit() throws Exception {
        JsonNode fc = post(server, "supply-radius", "{\"inputs\":{\"voltage_kv\":10,\"class\":\"D\",\"lines\":\"power_lines\"}}").json();
        assertTrue(fc.get("features").size() >= 1);
        int over = 0;
        for (JsonNode f : fc.get("features")) {
            JsonNode p = f.get("properties");
            assertEquals(15000, p.get("limit_m").asDouble(), 0, "class D 10 kV limit");
            assertEquals(p.get("longest_path_m").asDouble() > 15000, p.get("over").asBoolean());
            if (p.get("over").asBoolean()) over++;
        }
        assertEquals(over, fc.at("/summary/over_count").asInt());
        assertEquals(200, post(server, "supply-radius", "{\"voltage_kv\":0.4}").status());
    }

    @Test
    void theRuleSetIsPublishedWithItsConfidence() {
        JsonNode rules = server.get("/processes/coverage/rules").json().get("dlt5729");
        assertEquals(15000, rules.at("/radius_m/10/D").asDouble(), 0);
        assertEquals(500, rules.at("/radius_m/0.4/D").asDouble(), 0);
        assertTrue(rules.get("confidence").asText().startsWith("[R]"));
        assertEquals(java.util.Set.of("spatial-query", "coverage", "supply-radius", "compliance", "facility-location", "siting"),
                java.util.stream.StreamSupport.stream(server.get("/processes").json().get("processes").spliterator(), false)
                        .map(p -> p.get("id").asText()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aSummaryOnlyAnswerLeavesTheFeaturesOut() throws Exception {
        JsonNode fc = post(server, "coverage", "{\"supply\":\"transformers\",\"demand\":\"villages\",\"include_features\":false,"
                + "\"include_areas\":false,\"radius\":{\"type\":\"constant\",\"metres\":2000}}").json();
        assertEquals(0, fc.get("features").size());
        assertEquals(SeedFixture.byName().get("villages").features().size(), fc.at("/summary/demand_count").asInt());
        assertEquals(0, fc.at("/coverage_area/features").size());
        assertEquals("include_areas is false", fc.at("/summary/coverage_area_omitted").asText());
    }

    @Test
    void anAnalysisOverItsTimeLimitStopsWithAClearError(@TempDir Path own) throws Exception {
        try (TestServer impatient = TestServer.embedded(own, Duration.ofNanos(1))) {
            TestServer.Reply r = post(impatient, "coverage", "{\"supply\":\"transformers\",\"demand\":\"villages\",\"mode\":\"network\","
                    + "\"radius\":{\"type\":\"constant\",\"metres\":2000}}");
            assertEquals(503, r.status(), r.body());
            assertEquals("application/problem+json;charset=utf-8", r.contentType());
            assertTrue(r.json().get("title").asText().contains("time limit"), r.body());
            assertEquals(200, impatient.get("/collections").status(), "the server still answers");
        }
    }

    @Test
    void anEditedRuleTableIsUsed() throws Exception {
        JsonNode fc = post(server, "coverage", "{\"supply\":\"transformers\",\"demand\":\"villages\","
                + "\"radius\":{\"type\":\"rule\",\"rules\":{\"0.4\":{\"C\":1,\"D\":1}},\"voltage_kv\":0.4,\"class_property\":\"supply_class\"}}").json();
        assertEquals(0, fc.at("/summary/covered_count").asInt(), "a 1 m radius covers nothing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"constant\",\"metres\":0}} | 400 | radius.metres",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"constant\",\"metres\":-1}} | 400 | radius.metres",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"constant\",\"metres\":\"far\"}} | 400 | radius.metres",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"wide\"}} | 400 | radius.type",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"property\",\"property\":\"name_zh\"}} | 400 | radius.property",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"rule\",\"voltage_kv\":220}} | 400 | radius.voltage_kv",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"rule\",\"class\":\"Z\"}} | 400 | radius.class",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"rule\",\"class\":7}} | 400 | radius.class",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"rule\",\"class_property\":\"供电分区\"}} | 400 | radius.class_property",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"rule\",\"rules\":{\"0.4\":{\"D\":\"远\"}}}} | 400 | radius.rules",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"rule\",\"rules\":{\"十千伏\":{\"D\":500}}}} | 400 | radius.rules",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"property\",\"property\":\"供电半径\"}} | 400 | radius.property",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"property\"}} | 400 | radius.property",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"metres\":500}} | 400 | radius.type",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":500} | 400 | radius",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"mode\":\"flying\",\"radius\":{\"type\":\"constant\",\"metres\":500}} | 400 | mode",
        "{\"supply\":\"transformers\",\"demand\":\"villages\",\"mode\":\"network\",\"network\":\"villages\",\"radius\":{\"type\":\"constant\",\"metres\":500}} | 400 | network",
        "{\"supply\":\"power_lines\",\"demand\":\"villages\",\"mode\":\"network\",\"radius\":{\"type\":\"constant\",\"metres\":500}} | 400 | supply",
        "{\"supply\":\"roads\",\"demand\":\"villages\",\"radius\":{\"type\":\"constant\",\"metres\":500}} | 404 | supply",
        "{\"supply\":\"transformers\",\"demand\":\"汝阳县村庄\",\"radius\":{\"type\":\"constant\",\"metres\":500}} | 404 | demand",
        "{\"supply\":\"transformers\",\"radius\":{\"type\":\"constant\",\"metres\":500}} | 400 | demand",
        "{\"supply\":\"projects\",\"demand\":\"villages\",\"radius\":{\"type\":\"constant\",\"metres\":500}} | 400 | supply",
    })
    void badInputIsAProblemNamingTheInput(String body, int status, String parameter) throws Exception {
        TestServer.Reply r = post(server, "coverage", body);
        assertEquals(status, r.status(), r.body());
        assertEquals("application/problem+json;charset=utf-8", r.contentType());
        assertEquals(parameter, r.json().get("parameter").asText(), r.body());
    }
}
