package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;

class HtmlEncoderTest {
    private static Feature village(long id, String nameZh, Long population) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name_zh", nameZh);
        p.put("county", "汝阳县");
        p.put("population", population);
        return new Feature(id, new WKTReader().read("POINT (112.214 34.246)"), p);
    }

    private static String page(EncodingOptions options, CollectionMetadata metadata, List<Feature> features) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FeatureEncoder e = new HtmlEncoder(bytes, options)) {
            e.start(metadata);
            for (Feature f : features) e.feature(f);
            e.end();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void chineseNamesAppearAsUtf8TextAndMarkupInDataIsEscaped() throws Exception {
        String html = page(EncodingOptions.crs84(), CollectionMetadata.titled("村庄 <villages>").withNumbers(2L, 2L),
                List.of(village(14, "程村", 1200L), village(15, "东<script>alert(1)</script>源头 & \"村\"", null)));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<title>村庄 &lt;villages&gt; – ParkGrid</title>"), html);
        assertTrue(html.contains("<tr><td>14</td><td>Point</td><td><b>name_zh</b>: 程村<br><b>county</b>: 汝阳县<br><b>population</b>: 1200<br></td></tr>"), html);
        assertTrue(html.contains("东&lt;script&gt;alert(1)&lt;/script&gt;源头 &amp; &quot;村&quot;"), html);
        assertFalse(html.contains("<script>"), "no markup from data");
        assertTrue(html.contains("<dt>numberMatched</dt><dd>2</dd>"), html);
    }

    @Test
    void thePageIsWrittenFromTheFeaturesNotFromTheirGeoJson() throws Exception {
        String html = page(EncodingOptions.crs84(), CollectionMetadata.titled("程村"), List.of(village(14, "程村", null)));
        assertFalse(html.contains("\"type\""), "no GeoJSON text in the page: " + html);
        assertFalse(html.contains("112.214"), "positions are not shown: " + html);
        assertFalse(html.contains("<b>population</b>"), "a null property is left out: " + html);
    }

    @Test
    void aPropertySelectionAppliesAndAFeatureWithoutAPlaceHasNoGeometryType() throws Exception {
        EncodingOptions onlyName = new EncodingOptions(SupportedCrs.CRS84, CrsTransformer.AxisOrder.AUTHORITY, List.of("name_zh"));
        String html = page(onlyName, CollectionMetadata.titled("程村"),
                List.of(new Feature(7, null, Map.of("name_zh", "程村", "county", "嵩县"))));
        assertTrue(html.contains("<tr><td>7</td><td></td><td><b>name_zh</b>: 程村<br></td></tr>"), html);
        assertFalse(html.contains("嵩县"), html);
    }

    @Test
    void extraMembersAndNestedSetsAreListedUnderDetails() throws Exception {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("covered_count", 3);
        summary.put("township", "田湖镇");
        String html = page(EncodingOptions.crs84(), CollectionMetadata.titled("覆盖").with("summary", summary)
                .with("coverage_area", new FeatureSet(List.of(village(1, "程村", null)))), List.of());
        int details = html.indexOf("<h2>Details</h2>");
        assertTrue(details > 0, html);
        assertTrue(html.indexOf("<dt>summary</dt><dd><dl><dt>covered_count</dt><dd>3</dd><dt>township</dt><dd>田湖镇</dd></dl></dd>") > details, html);
        assertTrue(html.indexOf("<dt>coverage_area</dt><dd><table>") > details, html);
        assertEquals(html.lastIndexOf("程村"), html.indexOf("程村"), "程村 is in the nested table once");
    }
}
