package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.geo.MetricProjection;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/** Query by geometry or feature with a relation, and nearest-k, over HTTP. */
class SpatialQueryApiTest extends SeededServerTest {
    static TestServer.Reply post(String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/processes/spatial-query/execution"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return TestServer.Reply.of(r);
    }

    @Test
    void withinDistanceOfAStoredFeatureMatchesABruteForceAnswer() throws Exception {
        Feature line = SeedFixture.byName().get("power_lines").features().get(10);
        JsonNode fc = post("{\"inputs\":{\"collection\":\"villages\",\"relation\":\"within-distance\",\"distance\":3000,"
                + "\"feature\":{\"collection\":\"power_lines\",\"id\":" + line.id() + "}}}").json();
        // reference: planar distance in the CGCS2000 zone (scale error < 0.05 % here); the exact ellipsoidal
        // agreement with PostGIS geography is GeographyAgreementTest's business
        MetricProjection m = MetricProjection.forExtent(line.geometry().getEnvelopeInternal());
        Geometry lineMetres = m.project(line.geometry());
        List<Long> got = new java.util.ArrayList<>();
        fc.get("features").forEach(f -> got.add(f.get("id").asLong()));
        int inside = 0;
        for (Feature v : SeedFixture.byName().get("villages").features()) {
            double planar = m.project(v.geometry()).distance(lineMetres);
            if (planar < 2990) {
                assertTrue(got.contains(v.id()), "village " + v.properties().get("name_zh") + " at " + planar + " m");
                inside++;
            }
            if (planar > 3010) assertTrue(!got.contains(v.id()), "village " + v.properties().get("name_zh") + " at " + planar + " m");
        }
        assertTrue(inside > 0, "the seed has villages within 3 km of line " + line.id());
        for (JsonNode f : fc.get("features")) {
            Feature v = SeedFixture.byName().get("villages").features().stream().filter(x -> x.id() == f.get("id").asLong()).findFirst().orElseThrow();
            double planar = m.project(v.geometry()).distance(lineMetres);
            assertEquals(planar, f.at("/properties/distance_m").asDouble(), planar * 0.001 + 0.01);
        }
        double previous = -1;
        for (JsonNode f : fc.get("features")) {
            double d = f.at("/properties/distance_m").asDouble();
            assertTrue(d >= previous && d <= 3000, "sorted by distance, within 3000 m");
            previous = d;
        }
    }

    @Test
    void intersectsWithTheParkPolygonFindsEveryPositionedEnterprise() throws Exception {
        JsonNode fc = post("{\"collection\":\"enterprises\",\"relation\":\"within\",\"feature\":{\"collection\":\"park\",\"id\":1}}").json();
        long positioned = SeedFixture.byName().get("enterprises").features().stream().filter(f -> f.hasGeometry()).count();
        assertEquals(14, positioned, "14 of the article's 24 enterprises have a place; 10 are placeholders without one");
        assertEquals(positioned, fc.get("features").size());
        assertEquals("within", fc.at("/summary/relation").asText());
    }

    @Test
    void intersectsWithADrawnGeometry() throws Exception {
        JsonNode fc = post("{\"collection\":\"parcels\",\"relation\":\"intersects\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[112.455,34.17]}}").json();
        assertTrue(fc.get("features").size() <= 1);
    }

    @Test
    void nearestVillagesToAPointWithDistances() {
        JsonNode fc = server.get("/collections/villages/nearest?point=112.22,34.24&k=3").json();
        assertEquals(3, fc.get("features").size());
        assertTrue(fc.at("/features/0/properties/distance_m").asDouble() <= fc.at("/features/1/properties/distance_m").asDouble());
        assertEquals("程村", fc.at("/features/0/properties/name_zh").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"collection\":\"villages\",\"relation\":\"within-distance\",\"distance\":0,\"geometry\":{\"type\":\"Point\",\"coordinates\":[112,34]}} | 400 | distance",
        "{\"collection\":\"villages\",\"relation\":\"within-distance\",\"distance\":-5,\"geometry\":{\"type\":\"Point\",\"coordinates\":[112,34]}} | 400 | distance",
        "{\"collection\":\"villages\",\"relation\":\"within-distance\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[112,34]}} | 400 | distance",
        "{\"collection\":\"villages\",\"relation\":\"near\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[112,34]}} | 400 | relation",
        "{\"collection\":\"villages\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[112,34],[112.1,34.1],[112.1,34],[112,34.1],[112,34]]]}} | 400 | geometry",
        "{\"collection\":\"villages\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"a\",34]}} | 400 | geometry",
        "{\"collection\":\"villages\"} | 400 | geometry",
        "{\"collection\":\"roads\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[112,34]}} | 404 | collection",
        "{\"collection\":\"villages\",\"feature\":{\"collection\":\"park\",\"id\":99}} | 404 | feature.id",
        "{\"collection\":\"villages\",\"feature\":{\"collection\":\"汝阳县公园\",\"id\":1}} | 404 | feature.collection",
        "{\"collection\":\"villages\",\"feature\":{\"collection\":\"villages\",\"id\":99999999}} | 404 | feature.id",
        "{\"collection\":\"villages\",\"feature\":{\"collection\":\"villages\",\"id\":\"程村\"}} | 400 | feature.id",
        "{\"collection\":\"villages\",\"feature\":{\"id\":1}} | 400 | feature.collection",
        "{\"collection\": | 400 | body",
    })
    void badInputIsAProblemNamingTheInput(String body, int status, String parameter) throws Exception {
        TestServer.Reply r = post(body);
        assertEquals(status, r.status(), r.body());
        assertEquals("application/problem+json;charset=utf-8", r.contentType());
        assertEquals(parameter, r.json().get("parameter").asText());
    }

    @Test
    void aGeometryWithTooManyVerticesIsRefused() throws Exception {
        StringBuilder coords = new StringBuilder();
        for (int i = 0; i <= 100_001; i++) coords.append(i == 0 ? "" : ",").append("[").append(112 + i * 1e-6).append(",34]");
        TestServer.Reply r = post("{\"collection\":\"villages\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + coords + "]}}");
        assertEquals(400, r.status());
        assertTrue(r.json().get("detail").asText().contains("100000"), r.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"point=abc | point", "point=112&k=3 | point", "point=112;34 | point",
        "point=112.2,34.2&k=0 | k", "point=112.2,34.2&k=x | k", "point=200,34 | point", "point=112.2,34.2&radius=5 | radius"})
    void badNearestParametersAreProblems(String query, String parameter) {
        TestServer.Reply r = server.get("/collections/villages/nearest?" + query);
        assertEquals(400, r.status(), r.body());
        assertEquals(parameter, r.json().get("parameter").asText());
    }
}
