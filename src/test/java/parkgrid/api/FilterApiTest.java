package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/** OGC API – Features Part 3 {@code filter} (CQL2 text), {@code sortby} and {@code properties} over HTTP. */
class FilterApiTest extends SeededServerTest {
    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void filtersByAttributesAndGeometryWithCountsAndPaging() {
        JsonNode fc = server.get("/collections/transformers/items?filter=" + q("capacity_kva >= 400 AND village IN ('程村','东源头村')")).json();
        assertTrue(fc.get("numberMatched").asInt() >= 2);
        assertEquals(fc.get("numberMatched").asInt(), fc.get("features").size());
        for (JsonNode f : fc.get("features")) assertTrue(f.at("/properties/capacity_kva").asInt() >= 400);
        JsonNode inPark = server.get("/collections/enterprises/items?filter="
                + q("S_WITHIN(geom, POLYGON((112.40 34.10, 112.50 34.10, 112.50 34.20, 112.40 34.20, 112.40 34.10))) AND status = 'under_construction'")).json();
        assertEquals(4, inPark.get("numberMatched").asInt(), "安华科建, 中电建, 中泰弘义, 洛阳环升");
        JsonNode page = server.get("/collections/enterprises/items?limit=2&filter=" + q("status = 'under_construction'")).json();
        assertEquals(2, page.get("numberReturned").asInt());
        boolean nextKeepsFilter = false;
        for (JsonNode l : page.get("links")) {
            if (l.get("rel").asText().equals("next")) nextKeepsFilter = l.get("href").asText().contains("filter=");
        }
        assertTrue(nextKeepsFilter, "the next link keeps the filter");
    }

    @Test
    void sortsAndSelectsProperties() {
        JsonNode fc = server.get("/collections/transformers/items?sortby=-capacity_kva,name_en&properties=name_en,capacity_kva").json();
        assertEquals(SeedFixture.byName().get("transformers").features().size(), fc.get("features").size(), "every transformer, sorted");
        int previous = Integer.MAX_VALUE;
        for (JsonNode f : fc.get("features")) {
            int kva = f.at("/properties/capacity_kva").asInt();
            assertTrue(kva <= previous, "descending capacity");
            previous = kva;
            assertEquals(2, f.get("properties").size(), "only the asked properties: " + f.get("properties"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "filter=capacity_kva >=     | filter   | position",
        "filter=name_en = 'open     | filter   | position",
        "filter=colour = 'red'      | filter   | colour",
        "filter=S_INTERSECTS(geom, POLYGON((1 2, 3 4)))  | filter | position",
        "filter-lang=cql2-xml&filter=x | filter-lang | cql2-json",
        "filter-lang=cql2-json&filter=x | filter | not valid JSON",
        "filter-lang=cql2-json&filter={\"op\":\"=\",\"args\":[{\"property\":\"colour\"},\"红\"]} | filter | colour",
        "filter={\"op\":\"s_within\",\"args\":[{\"property\":\"geom\"},{\"bbox\":[1,2]}]} | filter | /args/1/bbox",
        "filter-crs=EPSG:9999&filter=capacity_kva > 1 | filter-crs | unsupported filter-crs",
        "filter-crs=EPSG:4326&filter=S_INTERSECTS(geom, POINT(112.45 34.15)) | filter | latitude longitude (EPSG:4326)",
        "filter=CASEI(capacity_kva) = '630' | filter | CASEI needs a string property",
        "sortby=colour              | sortby   | colour",
        "properties=colour          | properties | colour",
    })
    void badFiltersAreProblemsThatSayWhere(String query, String parameter, String detailMentions) {
        String[] parts = query.split("&");
        StringBuilder url = new StringBuilder("/collections/transformers/items?");
        for (String p : parts) {
            int eq = p.indexOf('=');
            url.append(p, 0, eq + 1).append(q(p.substring(eq + 1))).append('&');
        }
        TestServer.Reply r = server.get(url.toString());
        assertEquals(400, r.status(), r.body());
        assertEquals(parameter, r.json().get("parameter").asText());
        assertTrue(r.json().get("detail").asText().contains(detailMentions), r.json().get("detail").asText());
    }
}
