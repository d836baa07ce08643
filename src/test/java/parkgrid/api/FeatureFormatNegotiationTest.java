package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import parkgrid.feature.ParkGridException;
import parkgrid.io.FeatureFormats;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer.Reply;

/** {@code f} and Accept pick a feature encoder from the registry; over HTTP on the seeded embedded store. */
class FeatureFormatNegotiationTest extends SeededServerTest {
    private static final String CHENGCUN = "/collections/villages/items?name_zh=" + URLEncoder.encode("程村", StandardCharsets.UTF_8);

    @Test
    void fWinsOverAcceptAndAnAcceptWithNoneOfOursFallsBackToGeoJson() {
        assertEquals(FeatureFormats.HTML, ResponseFormat.features("html", "application/geo+json", FeatureFormats.STANDARD));
        assertEquals(FeatureFormats.GEOJSON, ResponseFormat.features("json", "text/html", FeatureFormats.STANDARD));
        assertEquals(FeatureFormats.HTML, ResponseFormat.features(null, "text/html,application/xhtml+xml", FeatureFormats.STANDARD));
        assertEquals(FeatureFormats.GEOJSON, ResponseFormat.features(null, "image/vnd.dxf", FeatureFormats.STANDARD));
        assertEquals(FeatureFormats.GEOJSON, ResponseFormat.features(null, null, FeatureFormats.STANDARD));
    }

    @Test
    void anUnknownFIsA400NamingFAndListingTheFormatsThatExist() {
        ParkGridException e = assertThrows(ParkGridException.class,
                () -> ResponseFormat.features("dxf", null, FeatureFormats.STANDARD));
        assertTrue(e instanceof ParkGridException.InvalidInput, e.getClass().getName());
        assertEquals("f", e.parameter());
        assertTrue(e.getMessage().contains("geojson") && e.getMessage().contains("html"), e.getMessage());

        Reply r = server.get(CHENGCUN + "&f=" + URLEncoder.encode("程村", StandardCharsets.UTF_8));
        assertEquals(400, r.status());
        assertEquals("application/problem+json", r.mediaType());
        JsonNode p = r.json();
        assertEquals("f", p.get("parameter").asText());
        assertTrue(p.get("detail").asText().contains("'程村'"), p.toString());
        assertTrue(p.get("detail").asText().contains("geojson, json, html"), p.toString());
    }

    @Test
    void aBrowserGetsTheHtmlPageOfTheItemsWithTheChineseNameAsText() {
        Reply r = server.get(CHENGCUN, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.status());
        assertEquals("text/html", r.mediaType());
        assertTrue(r.body().contains("<b>name_zh</b>: 程村<br>"), r.body());
        assertTrue(r.body().contains("<dt>numberMatched</dt><dd>1</dd>"), r.body());
        assertFalse(r.body().contains("\"coordinates\""), "the page is not built from GeoJSON text");
    }

    @Test
    void aClientAskingForGeoJsonOrSomethingWeLackGetsGeoJson() {
        for (String accept : new String[] {"application/geo+json", "image/vnd.dxf"}) {
            Reply r = server.get(CHENGCUN, accept);
            assertEquals(200, r.status(), accept);
            assertEquals("application/geo+json", r.mediaType(), accept);
            assertEquals("程村", r.json().at("/features/0/properties/name_zh").asText(), accept);
        }
    }

    @Test
    void exportOffersOnlyFileFormats() {
        Reply html = server.get("/collections/villages/export?format=html");
        assertEquals(400, html.status());
        assertEquals("format", html.json().get("parameter").asText());
        assertTrue(html.json().get("detail").asText().endsWith("use geojson, shapefile, csv, flatgeobuf, geopackage, kml, txt"), html.body());
        Reply file = server.get("/collections/villages/export?format=geojson&name_zh=" + URLEncoder.encode("程村", StandardCharsets.UTF_8));
        assertEquals(200, file.status());
        assertEquals("程村", file.json().at("/features/0/properties/name_zh").asText());
    }
}
