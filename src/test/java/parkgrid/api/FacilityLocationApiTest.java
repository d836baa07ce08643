package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Feature;
import parkgrid.io.SeedData;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;
import parkgrid.testing.Vincenty;

/**
 * The facility-location process over HTTP on the seed, on the embedded store and on PostGIS: two new
 * distribution transformers on a 500 m grid over the villages, for the villages the existing transformers do not
 * reach within the DL/T 5729 0.4 kV radius of their supply class. Checked against an independent distance
 * (Vincenty) and against the coverage process's own count.
 */
class FacilityLocationApiTest extends SeededServerTest {
    private static final String SCHEMA = "facility_api_test";

    private static String studyArea() {
        Envelope e = new Envelope();
        for (Feature f : SeedFixture.byName().get("villages").features()) e.expandToInclude(f.geometry().getEnvelopeInternal());
        e.expandBy(0.01);
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                e.getMinX(), e.getMinY(), e.getMaxX(), e.getMinY(), e.getMaxX(), e.getMaxY(), e.getMinX(), e.getMaxY(), e.getMinX(), e.getMinY());
    }

    private static final String RULE = "{\"type\":\"rule\",\"rules\":\"dlt5729\",\"voltage_kv\":0.4,\"class_property\":\"supply_class\"}";

    private static String body() {
        return "{\"inputs\":{\"p\":2,\"candidates\":{\"grid\":{\"study_area\":" + studyArea() + ",\"spacing_m\":500}},"
                + "\"demand\":{\"collection\":\"villages\"},\"existing\":[\"transformers\"],\"radius\":" + RULE + ",\"solver\":\"both\"}}";
    }

    private static TestServer.Reply post(TestServer s, String body) throws Exception {
        return CoverageApiTest.post(s, "facility-location", body);
    }

    @Test
    void twoNewTransformersCoverVillagesTheExistingOnesDoNotReachOnBothStores() throws Exception {
        TestServer.Reply reply = post(server, body());
        assertEquals(200, reply.status(), reply.body());
        JsonNode fc = reply.json();
        JsonNode s = fc.get("summary");
        assertEquals(2, fc.get("features").size(), reply.body());
        assertEquals("optimal", s.get("status").asText(), s.toString());
        assertTrue(s.get("exact").get("objective").asDouble() >= s.get("greedy").get("objective").asDouble());

        // before: the coverage process's count for the same radius
        JsonNode coverage = CoverageApiTest.post(server, "coverage", "{\"inputs\":{\"supply\":\"transformers\",\"demand\":\"villages\","
                + "\"radius\":" + RULE + ",\"include_areas\":false}}").json();
        int coveredToday = coverage.get("summary").get("covered_count").asInt();
        assertEquals(coveredToday, s.get("before").get("covered_count").asInt());
        assertTrue(coveredToday < 20, "some villages are not covered today: " + coveredToday);

        // every newly covered village lies within its class radius of the site that covers it (Vincenty), and of no
        // existing transformer; its Chinese name comes through
        List<JsonNode> sites = new ArrayList<>();
        fc.get("features").forEach(sites::add);
        Set<Long> uncoveredToday = new HashSet<>();
        coverage.get("uncovered").forEach(id -> uncoveredToday.add(id.asLong()));
        JsonNode newly = fc.get("newly_covered").get("features");
        assertTrue(newly.size() >= 2, "two sites cover at least two villages: " + newly);
        double newlyWeight = 0;
        for (JsonNode v : newly) {
            assertTrue(uncoveredToday.contains(v.get("id").asLong()));
            assertTrue(v.at("/properties/name_zh").asText().matches(".*[\\u4e00-\\u9fff].*"), v.toString());
            assertTrue(v.at("/properties/newly_covered").asBoolean());
            JsonNode site = sites.get(v.at("/properties/covered_by_rank").asInt() - 1);
            double limit = v.at("/properties/supply_class").asText().equals("C") ? 400 : 500;
            double m = Vincenty.metres(site.at("/geometry/coordinates/0").asDouble(), site.at("/geometry/coordinates/1").asDouble(),
                    v.at("/geometry/coordinates/0").asDouble(), v.at("/geometry/coordinates/1").asDouble());
            assertTrue(m <= limit, v.at("/properties/name_zh").asText() + " is " + m + " m from its new site");
            newlyWeight += 1;
        }
        assertEquals(newlyWeight, s.get("newly_covered_weight").asDouble(), 0);
        assertEquals(coveredToday + newly.size(), s.get("after").get("covered_count").asInt());
        double sum = 0;
        for (JsonNode site : sites) sum += site.at("/properties/newly_covered_weight").asDouble();
        assertEquals(s.get("objective").asDouble(), sum, 1e-9);
        assertEquals(1, sites.get(0).at("/properties/rank").asInt());

        String url = RequiredServices.postGisUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            try (PostGisStore store = PostGisStore.open(url, "postgres", "", SCHEMA); TestServer onPostGis = TestServer.serving(store, dir)) {
                SeedData.loadIfEmpty(store);
                JsonNode pg = post(onPostGis, body()).json();
                assertEquals(fc.get("features"), pg.get("features"), "same sites on PostGIS");
                assertEquals(fc.get("newly_covered"), pg.get("newly_covered"));
                assertEquals(s.get("before"), pg.get("summary").get("before"));
                assertEquals(s.get("after"), pg.get("summary").get("after"));
            } finally {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    @Test
    void weightedByTheSeedsEstimatedPopulationTheNewSitesCoverPeople() throws Exception {
        String weighted = body().replace("\"demand\":{\"collection\":\"villages\"}",
                "\"demand\":{\"collection\":\"villages\",\"weight_property\":\"population\"}")
                // the villages with an estimate are those with transformers of their own (the estimate comes from them), so
                // rank the sites as if none stood yet: the 4 villages the transformers leave uncovered have no estimate
                .replace("\"existing\":[\"transformers\"]", "\"existing\":[]");
        TestServer.Reply reply = post(server, weighted);
        assertEquals(200, reply.status(), reply.body());
        JsonNode fc = reply.json();
        JsonNode s = fc.get("summary");
        double expected = 0;
        for (JsonNode v : fc.get("newly_covered").get("features")) {
            JsonNode pop = v.at("/properties/population");
            assertTrue(pop.isNumber() && pop.asDouble() > 0, "a newly covered village has a population: " + v);
            assertTrue(v.at("/properties/population_note").asText().startsWith("ESTIMATE"), v.toString());
            expected += pop.asDouble();
        }
        assertTrue(expected > 0, "the two sites cover people: " + reply.body());
        assertEquals(expected, s.get("newly_covered_weight").asDouble(), 1e-9);
        assertTrue(s.get("exact").get("objective").asDouble() >= s.get("greedy").get("objective").asDouble());
    }

    @Test
    void alongTheNetworkTheExistingCoverageIsTheCoverageProcesssNetworkCoverage() throws Exception {
        String radius = "\"radius\":{\"type\":\"constant\",\"metres\":3000}";
        TestServer.Reply r = post(server, "{\"inputs\":{\"p\":2,\"candidates\":{\"collection\":\"villages\"},\"existing\":[\"transformers\"],"
                + radius + ",\"mode\":\"network\"}}");
        assertEquals(200, r.status(), r.body());
        JsonNode s = r.json().get("summary");
        assertEquals("network", s.get("mode").asText());
        JsonNode coverage = CoverageApiTest.post(server, "coverage", "{\"inputs\":{\"supply\":\"transformers\",\"demand\":\"villages\","
                + radius + ",\"mode\":\"network\",\"include_areas\":false}}").json();
        assertEquals(coverage.get("summary").get("covered_count").asInt(), s.get("before").get("covered_count").asInt());
        Set<Long> uncovered = new HashSet<>();
        coverage.get("uncovered").forEach(id -> uncovered.add(id.asLong()));
        for (JsonNode v : r.json().get("newly_covered").get("features")) assertTrue(uncovered.contains(v.get("id").asLong()), v.toString());
        assertEquals(coverage.get("summary").get("covered_count").asInt() + r.json().get("newly_covered").get("features").size(),
                s.get("after").get("covered_count").asInt());
        assertTrue(s.get("network").isObject(), s.toString());
    }

    @Test
    void candidatesFromAFilteredCollectionWithGreedyOnly() throws Exception {
        TestServer.Reply r = post(server, "{\"inputs\":{\"p\":1,\"candidates\":{\"collection\":\"villages\",\"filter\":\"supply_class = 'D'\"},"
                + "\"radius\":" + RULE + ",\"solver\":\"greedy\"}}");
        assertEquals(200, r.status(), r.body());
        JsonNode s = r.json().get("summary");
        assertEquals("greedy", s.get("answer").asText());
        assertTrue(s.get("exact") == null || s.get("exact").isNull());
        assertEquals("D", r.json().at("/features/0/properties/supply_class").asText());
    }

    @Test
    void badInputsAreProblemsNamingTheDottedInputPath() throws Exception {
        String grid = "\"candidates\":{\"grid\":{\"study_area\":" + studyArea() + ",\"spacing_m\":500}}";
        assertProblem(400, "p", "{\"inputs\":{\"p\":0," + grid + ",\"radius\":" + RULE + "}}");
        assertProblem(400, "p", "{\"inputs\":{\"p\":3,\"candidates\":{\"collection\":\"villages\",\"filter\":\"supply_class = 'C'\"},\"radius\":" + RULE + "}}");
        assertProblem(404, "demand.collection", "{\"inputs\":{\"p\":1," + grid + ",\"demand\":{\"collection\":\"村庄\"},\"radius\":" + RULE + "}}");
        assertProblem(404, "existing.0", "{\"inputs\":{\"p\":1," + grid + ",\"existing\":[\"no_such_layer\"],\"radius\":" + RULE + "}}");
        assertProblem(400, "demand.weight_property", "{\"inputs\":{\"p\":1," + grid + ",\"demand\":{\"weight_property\":\"name_zh\"},\"radius\":" + RULE + "}}");
        assertProblem(400, "candidates.grid.spacing_m", "{\"inputs\":{\"p\":1,\"candidates\":{\"grid\":{\"study_area\":" + studyArea()
                + ",\"spacing_m\":-5}},\"radius\":" + RULE + "}}");
        assertProblem(400, "candidates.grid.study_area", "{\"inputs\":{\"p\":1,\"candidates\":{\"grid\":{\"study_area\":"
                + "{\"type\":\"Point\",\"coordinates\":[112.3,34.1]},\"spacing_m\":500}},\"radius\":" + RULE + "}}");
        assertProblem(400, "candidates.gird", "{\"inputs\":{\"p\":1,\"candidates\":{\"gird\":{}},\"radius\":" + RULE + "}}");
        assertProblem(400, "network_filter", "{\"inputs\":{\"p\":1," + grid + ",\"network_filter\":\"voltage_kv = 10\",\"radius\":" + RULE + "}}");
        assertProblem(400, "mode", "{\"inputs\":{\"p\":1," + grid + ",\"mode\":\"沿线\",\"radius\":" + RULE + "}}");
        assertProblem(400, "radius.metres", "{\"inputs\":{\"p\":1," + grid + ",\"radius\":{\"type\":\"constant\",\"metres\":-1}}}");
        assertProblem(400, "candidates.radius", "{\"inputs\":{\"p\":1," + grid + ",\"existing\":[\"facilities\"],"
                + "\"radius\":{\"type\":\"property\",\"property\":\"service_radius_m\"}}}");
    }

    private static void assertProblem(int status, String parameter, String body) throws Exception {
        TestServer.Reply r = post(server, body);
        assertEquals(status, r.status(), r.body());
        assertEquals(parameter, r.json().get("parameter").asText(), r.body());
    }
}
