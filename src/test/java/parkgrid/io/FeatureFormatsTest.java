package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeatureFormatsTest {
    private final FeatureFormats formats = FeatureFormats.STANDARD;

    @Test
    void fValuesAndMediaTypesPickTheirEncoder() throws Exception {
        for (String f : List.of("geojson", "json", "application/json", "application/geo+json")) {
            assertEquals(Optional.of(FeatureFormats.GEOJSON), formats.byName(f), f);
        }
        for (String f : List.of("html", "text/html")) assertEquals(Optional.of(FeatureFormats.HTML), formats.byName(f), f);
        assertTrue(formats.byName("dxf").isEmpty());
        assertEquals(Optional.of(FeatureFormats.KML), formats.byName("kml"));
        assertTrue(formats.byName("HTML").isEmpty(), "f values are exact");
        try (FeatureEncoder e = FeatureFormats.HTML.encoder(new ByteArrayOutputStream(), EncodingOptions.crs84())) {
            assertTrue(e instanceof HtmlEncoder);
        }
        try (FeatureEncoder e = FeatureFormats.GEOJSON.encoder(new ByteArrayOutputStream(), EncodingOptions.crs84())) {
            assertTrue(e instanceof GeoJsonEncoder);
        }
    }

    @Test
    void acceptPicksTheMostPreferredOfferedType() {
        assertEquals(Optional.of(FeatureFormats.HTML), formats.byAccept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertEquals(Optional.of(FeatureFormats.GEOJSON), formats.byAccept("application/geo+json, application/json;q=0.9"));
        assertEquals(Optional.of(FeatureFormats.GEOJSON), formats.byAccept("text/html;q=0.5, application/geo+json"));
        assertEquals(Optional.of(FeatureFormats.HTML), formats.byAccept("application/geo+json;q=0, text/html"));
        assertTrue(formats.byAccept("*/*").isEmpty(), "a wildcard chooses nothing: the caller's default applies");
        assertTrue(formats.byAccept("image/vnd.dxf").isEmpty());
        assertEquals(Optional.of(FeatureFormats.KML), formats.byAccept("application/vnd.google-earth.kml+xml"));
        assertTrue(formats.byAccept(null).isEmpty());
        assertEquals(FeatureFormats.GEOJSON, formats.defaultFormat());
    }

    @Test
    void onlyFileFormatsAreExportedAndHtmlIsNotOne() {
        assertEquals(List.of(FeatureFormats.GEOJSON, FeatureFormats.SHAPEFILE, FeatureFormats.CSV, FeatureFormats.FLATGEOBUF,
                FeatureFormats.GEOPACKAGE, FeatureFormats.KML, FeatureFormats.LAND_TXT), formats.files());
        assertEquals("geojson", FeatureFormats.GEOJSON.fileExtension());
        assertEquals("text/html; charset=utf-8", FeatureFormats.HTML.contentType());
        assertEquals("application/geo+json", FeatureFormats.GEOJSON.contentType());
    }

    @Test
    void aNewFormatIsOneRegistrationAndCannotTakeANameInUse() {
        FeatureFormat csv = new FeatureFormat("csv", List.of(), "text/csv", "csv", (out, options) -> new GeoJsonEncoder(out, options));
        FeatureFormats registry = FeatureFormats.empty().register(FeatureFormats.GEOJSON).register(csv);
        assertEquals(Optional.of(csv), registry.byName("csv"));
        assertEquals(Optional.of(csv), registry.byAccept("text/csv"));
        assertEquals(List.of("geojson", "csv"), registry.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.register(
                new FeatureFormat("geo", List.of("json"), "application/x-geo", null, (out, options) -> new GeoJsonEncoder(out, options))));
        assertTrue(e.getMessage().contains("'json'"), e.getMessage());
    }
}
