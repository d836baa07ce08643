package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/** OGC API – Features Part 2: {@code crs}, {@code bbox-crs} and {@code Content-Crs}. */
class CrsApiTest extends SeededServerTest {
    @Test
    void collectionsAdvertiseTheSupportedCrs() {
        JsonNode crs = server.get("/collections/villages").json().get("crs");
        assertEquals(5, crs.size());
        assertTrue(crs.toString().contains("http://www.opengis.net/def/crs/EPSG/0/4546"));
    }

    @Test
    void epsg4326AnswersLatitudeFirstAndSaysSoInContentCrs() throws Exception {
        JsonNode lonLat = server.get("/collections/villages/items/1").json().at("/geometry/coordinates");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/collections/villages/items/1?crs=http://www.opengis.net/def/crs/EPSG/0/4326")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4326>", r.headers().firstValue("Content-Crs").orElse(""));
        JsonNode latLon = new TestServer.Reply(r.statusCode(), "", r.body()).json().at("/geometry/coordinates");
        assertEquals(lonLat.get(0).asDouble(), latLon.get(1).asDouble(), 0);
        assertEquals(lonLat.get(1).asDouble(), latLon.get(0).asDouble(), 0);
    }

    @Test
    void gaussKrugerOutputIsInMetres() {
        JsonNode c = server.get("/collections/villages/items?limit=1&crs=EPSG:4546").json().at("/features/0/geometry/coordinates");
        assertTrue(c.get(0).asDouble() > 3_700_000 && c.get(0).asDouble() < 3_900_000, "northing first: " + c);
        assertTrue(c.get(1).asDouble() > 400_000 && c.get(1).asDouble() < 700_000, "easting second: " + c);
    }

    @Test
    void bboxInAProjectedCrsSelectsTheSameFeaturesAsInCrs84() {
        // the park area: 112.44..112.47 E, 34.16..34.18 N, given as EPSG:4546 northing/easting (PROJ reference values)
        JsonNode inCrs84 = server.get("/collections/enterprises/items?bbox=112.40,34.10,112.50,34.20").json();
        JsonNode inGk = server.get("/collections/enterprises/items?bbox-crs=EPSG:4546&bbox=3774000,628000,3788000,643000").json();
        assertEquals(inCrs84.get("numberMatched").asInt(), inGk.get("numberMatched").asInt());
    }

    @Test
    void unknownCrsIsAProblemNamingTheParameter() {
        TestServer.Reply r = server.get("/collections/villages/items?crs=EPSG:2000");
        assertEquals(400, r.status());
        assertEquals("crs", r.json().get("parameter").asText());
        assertEquals("bbox-crs", server.get("/collections/villages/items?bbox-crs=EPSG:4326").json().get("parameter").asText());
    }
}
