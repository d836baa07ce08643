package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import parkgrid.geo.SupportedCrs;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/**
 * OGC API – Features Part 2 ({@code crs}, {@code bbox-crs}, {@code Content-Crs}), GeoJSON {@code crs}
 * members on process geometries, and exports in another CRS that GDAL reads as that CRS.
 */
class CrsApiTest extends SeededServerTest {
    /** The park area (112.44–112.47°E, 34.16–34.18°N) with a margin, in CRS84. */
    private static final String PARK_BOX_CRS84 = "112.40,34.10,112.50,34.20";

    @Test
    void collectionsAdvertiseEveryCgcs2000Crs() {
        JsonNode crs = server.get("/collections/villages").json().get("crs");
        assertEquals(SupportedCrs.ALL.size(), crs.size());
        for (String code : List.of("4490", "4491", "4512", "4513", "4533", "4534", "4546", "4547", "4554", "32649", "32650", "3857")) {
            assertTrue(crs.toString().contains("http://www.opengis.net/def/crs/EPSG/0/" + code + "\""), code + " in " + crs);
        }
    }

    @Test
    void epsg4326AnswersLatitudeFirstAndSaysSoInContentCrs() throws Exception {
        JsonNode lonLat = server.get("/collections/villages/items/1").json().at("/geometry/coordinates");
        HttpResponse<String> r = send("/collections/villages/items/1?crs=http://www.opengis.net/def/crs/EPSG/0/4326");
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4326>", r.headers().firstValue("Content-Crs").orElse(""));
        JsonNode latLon = new TestServer.Reply(r.statusCode(), "", r.body()).json().at("/geometry/coordinates");
        assertEquals(lonLat.get(0).asDouble(), latLon.get(1).asDouble(), 0);
        assertEquals(lonLat.get(1).asDouble(), latLon.get(0).asDouble(), 0);
    }

    @Test
    void gaussKrugerOutputIsInMetresNorthingFirst() throws Exception {
        HttpResponse<String> r = send("/collections/villages/items?limit=1&crs=EPSG:4546");
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4546>", r.headers().firstValue("Content-Crs").orElse(""));
        JsonNode c = new TestServer.Reply(r.statusCode(), "", r.body()).json().at("/features/0/geometry/coordinates");
        assertTrue(c.get(0).asDouble() > 3_700_000 && c.get(0).asDouble() < 3_900_000, "northing first: " + c);
        assertTrue(c.get(1).asDouble() > 400_000 && c.get(1).asDouble() < 700_000, "easting second: " + c);
        JsonNode prefixed = server.get("/collections/villages/items?limit=1&crs=urn:ogc:def:crs:EPSG::4525").json()
                .at("/features/0/geometry/coordinates");
        assertEquals(c.get(0).asDouble(), prefixed.get(0).asDouble(), 0.001, "same zone (CM 111°E), same northing");
        assertEquals(c.get(1).asDouble() + 37_000_000, prefixed.get(1).asDouble(), 0.001, "zone 37 in front of the easting");
    }

    @Test
    void bboxInAProjectedCrsSelectsTheSameFeaturesAsInCrs84() {
        JsonNode inCrs84 = server.get("/collections/enterprises/items?bbox=" + PARK_BOX_CRS84).json();
        assertTrue(inCrs84.get("numberMatched").asInt() > 0, "the box holds the park's enterprises");
        // the same box's corners as EPSG:4546 northing/easting (PROJ: cs2cs EPSG:4490 EPSG:4546), a little larger
        JsonNode inGk = server.get("/collections/enterprises/items?bbox-crs=EPSG:4546&bbox=3774000,628000,3788000,643000").json();
        assertEquals(inCrs84.get("numberMatched").asInt(), inGk.get("numberMatched").asInt());
        // and in the neighbouring zone (CM 114°E, EPSG:4547), where the park lies west of the central meridian
        JsonNode inGk114 = server.get("/collections/enterprises/items?bbox-crs=EPSG:4547&bbox=3774000,350000,3788000,366000").json();
        assertEquals(inCrs84.get("numberMatched").asInt(), inGk114.get("numberMatched").asInt());
        JsonNode inUtm = server.get("/collections/enterprises/items?bbox-crs=EPSG:32649&bbox=628000,3772000,643000,3787000").json();
        assertEquals(inCrs84.get("numberMatched").asInt(), inUtm.get("numberMatched").asInt());
    }

    @Test
    void unknownCrsIsAProblemNamingTheParameter() {
        TestServer.Reply r = server.get("/collections/villages/items?crs=EPSG:2000");
        assertEquals(400, r.status());
        assertEquals("crs", r.json().get("parameter").asText());
        assertEquals("bbox-crs", server.get("/collections/villages/items?bbox-crs=EPSG:4326").json().get("parameter").asText());
    }

    @Test
    void aDrawnGeometryWithACrsMemberIsReadInThatCrs() throws Exception {
        // 汝阳县城 (112.47°E, 34.15°N) in EPSG:4546, easting first under a crs member (PROJ: 635572.007, 3781276.418)
        String point = "{\"type\":\"Point\",\"coordinates\":[635572.007,3781276.418],\"crs\":%s}";
        List<String> crsForms = List.of("{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4546\"}}",
                "\"EPSG:4546\"", "\"http://www.opengis.net/def/crs/EPSG/0/4546\"");
        JsonNode lonLat = spatialQuery("{\"type\":\"Point\",\"coordinates\":[112.47,34.15]}", 3000);
        assertTrue(lonLat.get("features").size() > 0, "villages within 3 km of the county seat: " + lonLat);
        for (String crs : crsForms) {
            JsonNode projected = spatialQuery(String.format(point, crs), 3000);
            assertEquals(ids(lonLat), ids(projected), crs);
            for (int i = 0; i < lonLat.get("features").size(); i++) {
                assertEquals(lonLat.at("/features/" + i + "/properties/distance_m").asDouble(),
                        projected.at("/features/" + i + "/properties/distance_m").asDouble(), 0.02, crs);
            }
        }
        // the same place in the next zone, CM 114°E (PROJ: 358893.961, 3781357.767)
        JsonNode zone114 = spatialQuery("{\"type\":\"Point\",\"coordinates\":[358893.961,3781357.767],\"crs\":\"EPSG:4547\"}", 3000);
        assertEquals(ids(lonLat), ids(zone114));
    }

    @Test
    void gaussKrugerPositionsWithoutACrsAreAProblemSayingWhichCrsToDeclare() throws Exception {
        HttpResponse<String> r = post("{\"inputs\":{\"collection\":\"villages\",\"relation\":\"within-distance\",\"distance\":3000,"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[3781276.418,635572.007]}}}");
        assertEquals(400, r.statusCode());
        JsonNode p = new TestServer.Reply(r.statusCode(), "", r.body()).json();
        assertEquals("geometry", p.get("parameter").asText());
        String detail = p.get("detail").asText();
        assertTrue(detail.contains("look like Gauss–Krüger northing, easting") && detail.contains("EPSG:4546"), detail);
        HttpResponse<String> prefixed = post("{\"inputs\":{\"collection\":\"villages\",\"relation\":\"intersects\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[37635572.007,3781276.418]}}}");
        assertEquals(400, prefixed.statusCode());
        assertTrue(prefixed.body().contains("EPSG:4525"), "zone prefix 37 names CGCS2000 3° zone 37: " + prefixed.body());
    }

    @Test
    void exportInGaussKrugerCarriesACrsMemberThatGdalReads() throws Exception {
        HttpResponse<String> r = send("/collections/villages/export?crs=EPSG:4546");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Crs").isEmpty(), "the file, not a header, says the CRS");
        JsonNode doc = new TestServer.Reply(200, "", r.body()).json();
        assertEquals("urn:ogc:def:crs:EPSG::4546", doc.at("/crs/properties/name").asText());
        Path file = dir.resolve("villages-4546.geojson");
        Files.writeString(file, r.body(), StandardCharsets.UTF_8);
        String info = run(RequiredServices.executable("/usr/bin/ogrinfo").toString(), "-ro", "-so", "-al", file.toString());
        assertTrue(info.contains("CGCS2000 / 3-degree Gauss-Kruger CM 111E") && info.contains("ID[\"EPSG\",4546]"), info);
        // the villages' extent in EPSG:4546 (easting, northing), computed here with the server's own transform of
        // the seed's lon/lat extent corners — every village lies 112.0–112.6°E, so eastings are ~590–650 km
        double[] extent = extent(info);
        org.locationtech.jts.geom.Envelope lonLat = new org.locationtech.jts.geom.Envelope();
        SeedFixture.byName().get("villages").features().forEach(f -> lonLat.expandToInclude(f.geometry().getEnvelopeInternal()));
        parkgrid.geo.MetricProjection gk = new parkgrid.geo.MetricProjection(4546);
        org.locationtech.jts.geom.Envelope expected = gk.project(new org.locationtech.jts.geom.GeometryFactory()
                .createMultiPointFromCoords(SeedFixture.byName().get("villages").features().stream()
                        .map(f -> f.geometry().getCoordinate()).toArray(org.locationtech.jts.geom.Coordinate[]::new))).getEnvelopeInternal();
        assertEquals(expected.getMinX(), extent[0], 0.01, info);
        assertEquals(expected.getMinY(), extent[1], 0.01, info);
        assertEquals(expected.getMaxX(), extent[2], 0.01, info);
        assertEquals(expected.getMaxY(), extent[3], 0.01, info);
        assertTrue(extent[0] > 500_000 && extent[2] < 700_000 && extent[1] > 3_700_000 && extent[3] < 3_850_000, info);
        int count = SeedFixture.byName().get("villages").features().size();
        assertTrue(info.contains("Feature Count: " + count), info);
        assertFalse(lonLat.isNull());
    }

    @Test
    void exportInCrs84StaysRfc7946WithoutACrsMember() {
        TestServer.Reply r = server.get("/collections/villages/export");
        assertEquals(200, r.status());
        assertTrue(r.json().get("crs") == null, "RFC 7946 has no crs member");
    }

    private JsonNode spatialQuery(String geometry, double distance) throws Exception {
        HttpResponse<String> r = post("{\"inputs\":{\"collection\":\"villages\",\"relation\":\"within-distance\",\"distance\":" + distance
                + ",\"geometry\":" + geometry + "}}");
        assertEquals(200, r.statusCode(), r.body());
        return new TestServer.Reply(r.statusCode(), "", r.body()).json();
    }

    private static List<Long> ids(JsonNode fc) {
        List<Long> out = new ArrayList<>();
        fc.get("features").forEach(f -> out.add(f.get("id").asLong()));
        return out;
    }

    private HttpResponse<String> send(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/processes/spatial-query/execution"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** minX, minY, maxX, maxY from ogrinfo's "Extent: (a, b) - (c, d)". */
    private static double[] extent(String info) {
        Matcher m = Pattern.compile("Extent: \\(([-0-9.]+), ([-0-9.]+)\\) - \\(([-0-9.]+), ([-0-9.]+)\\)").matcher(info);
        assertTrue(m.find(), info);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4))};
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }
}
