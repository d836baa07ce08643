package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import parkgrid.feature.Feature;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/**
 * The checks the OGC API – Features test suite (ets-ogcapi-features10, not reachable from here) makes
 * that we know of: links with {@code type}, JSON links without {@code f=} that a client can extend,
 * the conformance declaration, the members of an items response, the collection extent, and Part 3
 * queryables.
 */
class OgcSuiteChecksTest extends SeededServerTest {
    private static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    private static void everyLinkHasHrefRelAndType(JsonNode doc) {
        assertTrue(doc.get("links").size() >= 1);
        for (JsonNode l : doc.get("links")) {
            assertTrue(l.hasNonNull("href") && l.hasNonNull("rel") && l.hasNonNull("type"), l.toString());
            boolean html = l.get("type").asText().equals("text/html");
            assertEquals(html, l.get("href").asText().contains("f=html"), "f= only on the HTML alternates: " + l);
            // only the service description names its format (OpenAPI parsers fetch it without negotiating)
            assertEquals(l.get("rel").asText().equals("service-desc"), l.get("href").asText().contains("f=json"), l.toString());
        }
    }

    private static JsonNode link(JsonNode doc, String rel, String type) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel) && l.get("type").asText().equals(type)) return l;
        }
        throw new AssertionError("no " + rel + " link of type " + type + " in " + doc.get("links"));
    }

    @Test
    void conformanceDeclaresFeaturesParts1To3AndCql2() {
        TestServer.Reply r = server.get("/conformance");
        assertEquals("application/json", r.mediaType());
        List<String> classes = new ArrayList<>();
        r.json().get("conformsTo").forEach(c -> classes.add(c.asText()));
        String f1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/", cql = "http://www.opengis.net/spec/cql2/1.0/conf/";
        for (String c : List.of(f1 + "core", f1 + "oas30", f1 + "html", f1 + "geojson",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                cql + "advanced-comparison-operators", cql + "cql2-text", cql + "cql2-json", cql + "basic-cql2", cql + "basic-spatial-functions",
                cql + "basic-spatial-functions-plus", cql + "spatial-functions", cql + "case-insensitive-comparison",
                cql + "accent-insensitive-comparison")) {
            assertTrue(classes.contains(c), c);
        }
        assertEquals(classes.size(), new TreeSet<>(classes).size(), "no class twice");
    }

    @Test
    void landingPageAndCollectionsLinkWithTypes() {
        JsonNode landing = server.get("/").json();
        everyLinkHasHrefRelAndType(landing);
        assertEquals(server.baseUrl() + "/", link(landing, "self", "application/json").get("href").asText());
        assertTrue(link(landing, "service-desc", "application/vnd.oai.openapi+json;version=3.0").get("href").asText().endsWith("/api?f=json"));
        link(landing, "conformance", "application/json");
        link(landing, "data", "application/json");
        JsonNode collections = server.get("/collections").json();
        everyLinkHasHrefRelAndType(collections);
        assertEquals(SeedFixture.layers().size(), collections.get("collections").size());
        for (JsonNode c : collections.get("collections")) {
            everyLinkHasHrefRelAndType(c);
            String id = c.get("id").asText();
            assertEquals(server.baseUrl() + "/collections/" + id + "/items", link(c, "items", "application/geo+json").get("href").asText());
            assertEquals(server.baseUrl() + "/collections/" + id + "/queryables", link(c, REL_QUERYABLES, "application/schema+json")
                    .get("href").asText());
            JsonNode bbox = c.at("/extent/spatial/bbox/0");
            assertEquals(4, bbox.size(), id);
            assertTrue(bbox.get(0).asDouble() <= bbox.get(2).asDouble() && bbox.get(1).asDouble() <= bbox.get(3).asDouble(), id);
            assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", c.at("/extent/spatial/crs").asText());
            assertEquals("feature", c.get("itemType").asText());
            assertTrue(c.get("crs").toString().contains("CRS84"));
        }
    }

    @Test
    void itemsCarryTheMembersAndLinksOfPart1AndTheItemsLinkExtendsToAFeature() {
        JsonNode villages = server.get("/collections/villages").json();
        String items = link(villages, "items", "application/geo+json").get("href").asText();
        String path = items.substring(server.baseUrl().length());
        TestServer.Reply page = server.get(path + "?limit=5");
        assertEquals("application/geo+json", page.mediaType());
        JsonNode fc = page.json();
        assertEquals(SeedFixture.byName().get("villages").features().size(), fc.get("numberMatched").asInt());
        assertEquals(5, fc.get("numberReturned").asInt());
        assertTrue(Instant.parse(fc.get("timeStamp").asText()).isBefore(Instant.now().plusSeconds(5)));
        everyLinkHasHrefRelAndType(fc);
        assertTrue(link(fc, "next", "application/geo+json").get("href").asText().contains("offset=5"));
        assertTrue(link(fc, "self", "application/geo+json").get("href").asText().contains("limit=5"));
        assertEquals("application/geo+json", server.get(link(fc, "next", "application/geo+json").get("href").asText()
                .substring(server.baseUrl().length())).mediaType(), "a next link without f= still answers GeoJSON");

        Feature first = SeedFixture.byName().get("villages").features().get(0);
        JsonNode feature = server.get(path + "/" + first.id()).json();
        assertEquals(first.properties().get("name_zh"), feature.at("/properties/name_zh").asText());
        everyLinkHasHrefRelAndType(feature);
        assertEquals(items + "/" + first.id(), link(feature, "self", "application/geo+json").get("href").asText());
    }

    @Test
    void queryablesAreAJsonSchemaOfTheFilterableProperties() {
        TestServer.Reply r = server.get("/collections/villages/queryables");
        assertEquals(200, r.status());
        assertEquals("application/schema+json", r.mediaType());
        JsonNode q = r.json();
        assertEquals(server.baseUrl() + "/collections/villages/queryables", q.get("$id").asText());
        assertEquals("object", q.get("type").asText());
        assertEquals("geometry-point", q.at("/properties/geom/format").asText());
        Set<String> names = new TreeSet<>();
        q.get("properties").fieldNames().forEachRemaining(names::add);
        var layer = SeedFixture.byName().get("villages").layer();
        assertEquals(layer.properties().size() + 1, names.size());
        layer.properties().forEach(p -> assertEquals(p.type().jsonName(), q.at("/properties/" + p.name() + "/type").asText(), p.name()));
        assertEquals("geometry-linestring", server.get("/collections/power_lines/queryables").json().at("/properties/geom/format").asText());
        assertEquals(404, server.get("/collections/道路/queryables").status());
    }

    @Test
    void theGridAssetsTimeIsTheirYear() {
        JsonNode t = server.get("/collections/power_lines").json().at("/extent/temporal");
        assertEquals("year", t.get("property").asText());
        var years = SeedFixture.byName().get("power_lines").features().stream().map(f -> f.properties().get("year"))
                .filter(y -> y != null).map(y -> ((Number) y).intValue()).sorted().toList();
        assertFalse(years.isEmpty());
        assertEquals(years.get(0) + "-01-01T00:00:00Z", t.at("/interval/0/0").asText());
        assertEquals(years.get(years.size() - 1) + "-12-31T23:59:59Z", t.at("/interval/0/1").asText());
        int first = years.get(0);
        long inFirstYear = years.stream().filter(y -> y == first).count();
        JsonNode fc = server.get("/collections/power_lines/items?datetime=" + first + "-06-01/" + first + "-12-31").json();
        assertEquals(inFirstYear, fc.get("numberMatched").asLong());
        fc.get("features").forEach(f -> assertEquals(first, f.at("/properties/year").asInt()));
        JsonNode instant = server.get("/collections/power_lines/items?datetime=" + first + "-03-15T10:00:00Z").json();
        assertEquals(inFirstYear, instant.get("numberMatched").asLong());
        assertFalse(server.get("/collections/villages").json().at("/extent").has("temporal"));
    }
}
