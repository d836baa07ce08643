package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import parkgrid.feature.LayerData;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/**
 * GDAL as the client QGIS uses: its OGC API – Features driver lists our layers and copies one into a
 * GeoPackage with every feature; and GDAL opens the embedded store's own GeoPackage file.
 */
class GdalClientTest extends SeededServerTest {
    @Test
    void ogrinfoListsEveryLayerOverOgcApiFeatures() throws Exception {
        String out = run(RequiredServices.executable("/usr/bin/ogrinfo").toString(), "-ro", "OAPIF:" + server.baseUrl() + "/");
        for (LayerData d : SeedFixture.layers()) {
            assertTrue(out.contains(": " + d.layer().name() + " ") || out.contains(": " + d.layer().name() + "\n")
                    || out.contains(": " + d.layer().name()), d.layer().name() + " missing in:\n" + out);
        }
    }

    @Test
    void ogr2ogrCopiesALayerWithAllFeatures() throws Exception {
        Path copy = dir.resolve("copy.gpkg");
        run(RequiredServices.executable("/usr/bin/ogr2ogr").toString(), "-f", "GPKG", copy.toString(),
                "OAPIF:" + server.baseUrl() + "/", "power_lines", "villages");
        String info = run("/usr/bin/ogrinfo", "-ro", "-so", "-al", copy.toString());
        assertEquals(SeedFixture.byName().get("power_lines").features().size(), featureCount(info, "power_lines"), info);
        assertEquals(SeedFixture.byName().get("villages").features().size(), featureCount(info, "villages"), info);
        assertTrue(info.contains("name_zh"), "attributes came along");
    }

    @Test
    void ogrinfoReadsOneFeatureByIdThroughTheItemsLink() throws Exception {
        String ogrinfo = RequiredServices.executable("/usr/bin/ogrinfo").toString();
        String name = (String) SeedFixture.byName().get("villages").features().stream().filter(f -> f.id() == 1).findFirst()
                .orElseThrow().properties().get("name_zh");
        assertTrue(name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), name);
        // GDAL appends /{fid} to the collection's items link: a link with ?f=json there made it ask for items?f=json/1
        for (String[] source : new String[][] {{"OAPIF:" + server.baseUrl() + "/collections/villages", "-al"},
                {"OAPIF:" + server.baseUrl(), "villages"}}) {
            List<String> cmd = new ArrayList<>(List.of(ogrinfo, "-ro"));
            cmd.addAll(List.of(source));
            cmd.addAll(List.of("-fid", "1"));
            String out = run(cmd.toArray(String[]::new));
            assertTrue(out.contains("OGRFeature(villages):1"), out);
            assertTrue(out.contains("name_zh (String) = " + name), out);
        }
    }

    @Test
    void theEmbeddedGeoPackageOpensInGdal() throws Exception {
        Path gpkg = dir.resolve("server.gpkg");
        String info = run(RequiredServices.executable("/usr/bin/ogrinfo").toString(), "-ro", "-so", "-al", gpkg.toString());
        assertTrue(!info.contains("ERROR"), info);
        for (LayerData d : SeedFixture.layers()) {
            assertEquals(d.features().size(), featureCount(info, d.layer().name()), d.layer().name());
        }
        String validation = run("/usr/bin/ogrinfo", "-ro", "-q", gpkg.toString(), "-sql",
                "SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'");
        assertTrue(validation.contains("= " + SeedFixture.layers().size()), validation);
    }

    @Test
    void gdalReadsTheLedgerWhoseEntriesHaveNoGeometry() throws Exception {
        String ogrinfo = RequiredServices.executable("/usr/bin/ogrinfo").toString();
        int ledger = SeedFixture.byName().get("projects").features().size();
        assertEquals(144, ledger);

        String oapif = run(ogrinfo, "-ro", "-al", "-q", "OAPIF:" + server.baseUrl() + "/", "projects");
        assertEquals(ledger, occurrences(oapif, "OGRFeature(projects)"), "every ledger entry over OGC API Features:\n" + head(oapif));
        assertTrue(oapif.contains("台账项目 001（产业项目 1/36，待补充）"), head(oapif));
        assertTrue(!oapif.contains("POINT ("), "no entry has a point");

        String items = run(ogrinfo, "-ro", "-so", "-al", server.baseUrl() + "/collections/projects/items?limit=1000");
        assertEquals(ledger, featureCount(items, "\\S+"), items);

        Path exported = dir.resolve("projects.geojson");
        java.nio.file.Files.write(exported, server.get("/collections/projects/export?format=geojson").body().getBytes(StandardCharsets.UTF_8));
        String file = run(ogrinfo, "-ro", "-al", exported.toString());
        assertEquals(ledger, occurrences(file, "OGRFeature("), head(file));
        assertTrue(file.contains("category (String) = industry_finance"), head(file));
        String copy = dir.resolve("projects.gpkg").toString();
        run(RequiredServices.executable("/usr/bin/ogr2ogr").toString(), "-f", "GPKG", copy, exported.toString());
        String gpkg = run(ogrinfo, "-ro", "-q", copy, "-sql", "SELECT count(*) AS n, count(geom) AS located FROM projects");
        assertTrue(gpkg.contains("n (Integer) = 144") && gpkg.contains("located (Integer) = 0"), gpkg);
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    private static String head(String text) {
        return text.length() > 3000 ? text.substring(0, 3000) + "…" : text;
    }

    private static int featureCount(String ogrinfo, String layer) {
        Matcher m = Pattern.compile("Layer name: " + layer + "\\n(?:.*\\n)*?Feature Count: (\\d+)").matcher(ogrinfo);
        if (!m.find()) throw new AssertionError("no feature count for " + layer + " in:\n" + ogrinfo);
        return Integer.parseInt(m.group(1));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }
}
