package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import parkgrid.feature.LayerData;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;
import parkgrid.testing.TestServer.Reply;

/** OGC API – Features Part 1 behaviour of the real server over HTTP, on the seeded embedded store. */
class FeaturesApiTest extends SeededServerTest {
    @Test
    void landingPageLinksTheApiConformanceAndData() {
        JsonNode landing = server.get("/").json();
        Set<String> rels = new HashSet<>();
        landing.get("links").forEach(l -> rels.add(l.get("rel").asText()));
        assertTrue(rels.containsAll(List.of("self", "service-desc", "conformance", "data")), rels.toString());
        JsonNode conformance = server.get("/conformance").json();
        List<String> classes = new ArrayList<>();
        conformance.get("conformsTo").forEach(c -> classes.add(c.asText()));
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"));
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"));
    }

    @Test
    void landingPageInABrowserIsTheMap() {
        Reply r = server.get("/", "text/html,application/xhtml+xml");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/html"));
        assertTrue(r.body().contains("leaflet"), "the map page loads Leaflet");
    }

    @Test
    void openApiDefinitionDeclaresEveryCollectionsItemsPath() {
        Reply r = server.get("/api");
        assertTrue(r.contentType().startsWith("application/vnd.oai.openapi+json"), r.contentType());
        JsonNode api = r.json();
        assertEquals("3.0.3", api.get("openapi").asText());
        for (LayerData d : SeedFixture.layers()) {
            assertTrue(api.get("paths").has("/collections/" + d.layer().name() + "/items"), d.layer().name());
            assertTrue(api.get("paths").has("/collections/" + d.layer().name() + "/nearest"), d.layer().name());
        }
        assertTrue(api.at("/paths/~1processes~1coverage~1execution/post").isObject());
        assertTrue(api.at("/paths/~1collections~1villages~1items/get/parameters").toString().contains("\"filter\""));
    }

    @Test
    void collectionsListEveryLayerWithExtentAndSchema() {
        JsonNode cs = server.get("/collections").json().get("collections");
        assertEquals(SeedFixture.layers().size(), cs.size());
        JsonNode villages = server.get("/collections/villages").json();
        assertEquals("villages", villages.get("id").asText());
        JsonNode bbox = villages.at("/extent/spatial/bbox/0");
        assertEquals(4, bbox.size());
        assertTrue(bbox.get(0).asDouble() > 111 && bbox.get(2).asDouble() < 113.5, bbox.toString());
        assertEquals("integer", villages.at("/properties/population/type").asText());
        assertEquals("string", villages.at("/properties/name_zh/type").asText());
        assertEquals("integer", server.get("/collections/villages/schema").json().at("/properties/population/type/0").asText());
    }

    @Test
    void itemsAreGeoJsonWithCountsAndPagingLinks() {
        int total = SeedFixture.byName().get("power_lines").features().size();
        Reply r = server.get("/collections/power_lines/items?limit=10&offset=20");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/geo+json"), r.contentType()); // the UTF-8 charset parameter may follow
        JsonNode fc = r.json();
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertEquals(total, fc.get("numberMatched").asInt());
        assertEquals(10, fc.get("numberReturned").asInt());
        assertEquals(10, fc.get("features").size());
        assertEquals(21, fc.at("/features/0/id").asInt());
        assertTrue(link(fc, "next").contains("offset=30"), link(fc, "next"));
        assertTrue(link(fc, "prev").contains("offset=10"), link(fc, "prev"));

        JsonNode last = server.get("/collections/power_lines/items?limit=10&offset=" + (total - 3)).json();
        assertEquals(3, last.get("numberReturned").asInt());
        assertEquals("", link(last, "next"));
    }

    @Test
    void defaultPageIsAThousandAndAHugeLimitIsClampedNotRejected() {
        JsonNode fc = server.get("/collections/villages/items").json();
        assertEquals(fc.get("numberMatched").asInt(), fc.get("numberReturned").asInt());
        assertEquals(200, server.get("/collections/villages/items?limit=50000").status());
        assertEquals(200, server.get("/collections/villages/items?limit=99999999999999999999999").status());
    }

    @Test
    void bboxAndPropertyFiltersSelectFeatures() {
        JsonNode song = server.get("/collections/villages/items?county=Song").json();
        assertTrue(song.get("numberMatched").asInt() >= 3);
        song.get("features").forEach(f -> assertEquals("Song", f.at("/properties/county").asText()));
        JsonNode inPark = server.get("/collections/enterprises/items?bbox=112.40,34.10,112.50,34.20").json();
        assertEquals(SeedFixture.byName().get("enterprises").features().size(), inPark.get("numberMatched").asInt());
        JsonNode nowhere = server.get("/collections/enterprises/items?bbox=100,10,100.1,10.1").json();
        assertEquals(0, nowhere.get("numberMatched").asInt());
        assertEquals(0, nowhere.get("features").size());
        JsonNode tenKv = server.get("/collections/power_lines/items?voltage_kv=10").json();
        tenKv.get("features").forEach(f -> assertEquals(10.0, f.at("/properties/voltage_kv").asDouble()));
    }

    @Test
    void oneFeatureByIdFollowsRfc7946() {
        JsonNode park = server.get("/collections/park/items/1").json();
        assertEquals("Feature", park.get("type").asText());
        assertFalse(park.has("crs"));
        JsonNode ring = park.at("/geometry/coordinates/0");
        Coordinate[] cs = new Coordinate[ring.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        assertTrue(Orientation.isCCW(cs), "exterior ring is counter-clockwise (right-hand rule)");
        assertTrue(cs[0].x > 112 && cs[0].x < 113 && cs[0].y > 34 && cs[0].y < 35, "lon, lat order");
        assertEquals(200, server.get("/collections/park/items/1?f=html").status());
    }

    @Test
    void exportStreamsTheWholeLayer() {
        Reply r = server.get("/collections/power_lines/export?format=geojson");
        assertEquals(200, r.status());
        assertEquals(SeedFixture.byName().get("power_lines").features().size(), r.json().get("features").size());
    }

    @Test
    void htmlRepresentationsExist() {
        for (String path : List.of("/collections?f=html", "/collections/villages?f=html", "/collections/villages/items?f=html",
                "/conformance?f=html", "/api?f=html")) {
            Reply r = server.get(path);
            assertEquals(200, r.status(), path);
            assertTrue(r.contentType().startsWith("text/html"), path);
        }
    }

    private static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) if (l.get("rel").asText().equals(rel)) return l.get("href").asText();
        return "";
    }
}
