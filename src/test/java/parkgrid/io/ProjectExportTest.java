package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkgrid.feature.LayerData;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;

/**
 * {@code GET /export}: the whole project in one download, read back by {@code ogrinfo} — one layer per seed
 * layer, each with its feature count, Chinese names intact, and the CRS asked for.
 */
class ProjectExportTest extends SeededServerTest {

    /** Layer name → feature count, from {@code ogrinfo -so -al} over a multi-layer dataset. */
    private static Map<String, Integer> layerCounts(String ogrinfo) {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = Pattern.compile("Layer name: (\\S+)\\n(?:.*\\n)*?Feature Count: (\\d+)").matcher(ogrinfo);
        while (m.find()) counts.put(m.group(1), Integer.parseInt(m.group(2)));
        return counts;
    }

    private static Map<String, Integer> seedCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (LayerData d : SeedFixture.layers()) counts.put(d.layer().name(), d.features().size());
        return counts;
    }

    @Test
    void aGeoPackageHoldsEveryLayerAsATableWithAllItsFeatures() throws Exception {
        Path gpkg = RoundTrip.download(server, "/export?format=geopackage", dir.resolve("project.gpkg"));
        String so = Gdal.ogrinfo("-so", "-al", gpkg.toString());
        assertEquals(seedCounts(), layerCounts(so), so);
        assertTrue(so.contains("Geometry: Point") && so.contains("Geometry: Polygon") && so.contains("Geometry: Line String"), so);
        String villages = Gdal.ogrinfo(gpkg.toString(), "villages", "-where", "name_zh = '柏树村'");
        assertTrue(villages.contains("name_zh (String) = 柏树村"), villages);
        assertTrue(villages.contains("township_zh (String) = 柏树乡"), villages);
        assertEquals(4326, Gdal.epsg(Gdal.ogrinfo("-so", gpkg.toString(), "villages")));
        // the default format is the GeoPackage too, named like a project file
        var def = server.send("GET", "/export", "*/*", null);
        assertEquals(200, def.status());
        assertEquals("application/geopackage+sqlite3", def.contentType());
    }

    @Test
    void aGeoPackageInAGaussKrugerZoneSaysSoForEveryLayer() throws Exception {
        Path gpkg = RoundTrip.download(server, "/export?format=gpkg&crs=EPSG:4546", dir.resolve("project-4546.gpkg"));
        for (String layer : new String[] {"villages", "parcels", "power_lines"}) {
            String so = Gdal.ogrinfo("-so", gpkg.toString(), layer);
            assertEquals(4546, Gdal.epsg(so), so);
            Matcher extent = Pattern.compile("Extent: \\(([\\d.]+), ([\\d.]+)\\)").matcher(so);
            assertTrue(extent.find() && Double.parseDouble(extent.group(1)) > 300_000 && Double.parseDouble(extent.group(2)) > 3_700_000, so);
        }
    }

    @ParameterizedTest
    @CsvSource({"shapefile, shp", "geojson, geojson", "kml, kml", "flatgeobuf, fgb"})
    void aZipHoldsOneFilePerLayer(String format, String extension) throws Exception {
        var reply = server.send("GET", "/export?format=" + format, "*/*", null);
        assertEquals(200, reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", reply.contentType());
        Path zip = dir.resolve("project-" + format + ".zip");
        java.nio.file.Files.write(zip, reply.body());
        Map<String, Integer> seed = seedCounts();
        Map<String, Integer> read = new TreeMap<>();
        for (String layer : seed.keySet()) {
            String so = Gdal.ogrinfo("-so", "-al", "/vsizip/" + zip + "/" + layer + "." + extension);
            // GDAL's LIBKML driver shows an empty KML Document (no Placemark) as a file without layers
            if (format.equals("kml") && seed.get(layer) == 0 && !so.contains("Feature Count")) {
                read.put(layer, 0);
                continue;
            }
            read.put(layer, Gdal.featureCount(so));
            assertEquals(4326, Gdal.epsg(so), layer + "\n" + so);
        }
        assertEquals(seed, read);
        String villages = Gdal.ogrinfo("-al", "/vsizip/" + zip + "/villages." + extension);
        assertTrue(villages.contains("name_zh (String) = 柏树村"), villages);
        if (format.equals("shapefile")) {
            // the set of Shapefiles is one dataset to GDAL: a layer per seed layer
            assertEquals(seed, layerCounts(Gdal.ogrinfo("-so", "-al", "/vsizip/" + zip)));
        }
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheParameter() throws Exception {
        var reply = server.send("GET", "/export?format=txt", "*/*", null);
        assertEquals(400, reply.status());
        assertTrue(new String(reply.body(), StandardCharsets.UTF_8).contains("format"));
    }
}
