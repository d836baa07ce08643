package parkgrid.io.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.LayerData;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.io.Gdal;
import parkgrid.io.LayerReader;
import parkgrid.io.LayerReaders;
import parkgrid.io.ReadOptions;
import parkgrid.io.RoundTrip;
import parkgrid.testing.SeededServerTest;

/**
 * Zipped Shapefiles: exported through {@code /export?format=shapefile}, read back by {@link ShapefileReader}
 * and by GDAL; and Shapefiles written by {@code ogr2ogr} in GBK and UTF-8 read by {@link ShapefileReader}.
 */
class ShapefileFormatTest extends SeededServerTest {
    private static final LayerReader READER = LayerReaders.STANDARD.byId("shapefile").orElseThrow();

    /** A seed property's name as the DBF column (at most 10 characters, numbered when cut names clash). */
    private static UnaryOperator<String> dbfName(LayerData seed) {
        List<String> props = seed.layer().properties().stream().map(PropertyDefinition::name).toList();
        List<String> dbf = DbfColumns.dbfNames(props);
        return p -> dbf.get(props.indexOf(p) + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"villages", "parcels", "power_lines", "projects"})
    void anExportedLayerReadsBackWithTheSameFeatures(String layer) throws Exception {
        Path zip = RoundTrip.download(server, "/collections/" + layer + "/export?format=shapefile", dir.resolve(layer + ".zip"));
        LayerReader.Read read = READER.read(zip, ReadOptions.named(layer));
        assertEquals("EPSG:4326", read.crs());
        LayerData seed = RoundTrip.seed(layer);
        assertEquals(seed.layer().geometryKind(), read.source().layer().geometryKind());
        RoundTrip.assertSame(seed, read.source(), dbfName(seed), 0);
    }

    @Test
    void gdalReadsTheExportWithChineseTypesAndCrs() throws Exception {
        Path zip = RoundTrip.download(server, "/collections/villages/export?format=shapefile", dir.resolve("villages-gdal.zip"));
        String so = Gdal.ogrinfo("-so", "-al", "/vsizip/" + zip);
        assertEquals(RoundTrip.seed("villages").features().size(), Gdal.featureCount(so), so);
        assertEquals(4326, Gdal.epsg(so), so);
        assertEquals("String", Gdal.fieldType(so, "name_zh"), so);
        assertTrue(Gdal.fieldType(so, "population").startsWith("Integer"), so);
        String all = Gdal.ogrinfo("-al", "/vsizip/" + zip);
        assertTrue(all.contains("name_zh (String) = 柏树村"), all.substring(0, Math.min(all.length(), 3000)));
        assertTrue(all.contains("township_z (String) = 柏树乡"), "township_zh is cut to 10 characters");
        assertTrue(all.contains("fid (Integer"), "the feature id is a column");
        String lines = Gdal.ogrinfo("-so", "-al", "/vsizip/" + RoundTrip.download(server,
                "/collections/power_lines/export?format=shapefile", dir.resolve("lines-gdal.zip")));
        assertEquals("Real", Gdal.fieldType(lines, "length_km"), lines);
        assertTrue(lines.contains("Geometry: Line String"), lines);
    }

    @Test
    void gbkExportHasAGbkCpgAndLanguageDriverAndReadsBackWithAndWithoutTheCpg() throws Exception {
        Path zip = RoundTrip.download(server, "/collections/villages/export?format=shapefile&encoding=gbk", dir.resolve("villages-gbk.zip"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals("GBK", new String(z.getInputStream(z.getEntry("villages.cpg")).readAllBytes(), StandardCharsets.US_ASCII));
            byte[] dbf = z.getInputStream(z.getEntry("villages.dbf")).readAllBytes();
            assertEquals(0x7A, dbf[29] & 0xFF, "language driver id of code page 936");
            assertTrue(indexOf(dbf, "柏树村".getBytes("GBK")) > 0, "values are GBK");
            assertTrue(indexOf(dbf, "柏树村".getBytes(StandardCharsets.UTF_8)) < 0, "no UTF-8 left");
        }
        LayerData seed = RoundTrip.seed("villages");
        RoundTrip.assertSame(seed, READER.read(zip, ReadOptions.named("villages")).source(), dbfName(seed), 0);
        Path noCpg = without(zip, ".cpg", dir.resolve("villages-gbk-nocpg.zip"));
        RoundTrip.assertSame(seed, READER.read(noCpg, ReadOptions.named("villages")).source(), dbfName(seed), 0);
        String all = Gdal.ogrinfo("-al", "/vsizip/" + zip);
        assertTrue(all.contains("name_zh (String) = 柏树村"), all.substring(0, Math.min(all.length(), 2000)));
    }

    @Test
    void anExportInAGaussKrugerZoneSaysSoInItsPrj() throws Exception {
        Path zip = RoundTrip.download(server, "/collections/villages/export?format=shapefile&crs=EPSG:4546", dir.resolve("villages-4546.zip"));
        LayerReader.Read read = READER.read(zip, ReadOptions.named("villages"));
        assertEquals("EPSG:4546", read.crs());
        Feature first = RoundTrip.features(read.source()).get(0);
        assertTrue(first.geometry().getCoordinate().x > 300_000 && first.geometry().getCoordinate().x < 700_000,
                "easting first, without zone prefix: " + first.geometry());
        String so = Gdal.ogrinfo("-so", "-al", "/vsizip/" + zip);
        assertEquals(4546, Gdal.epsg(so), so);
        Path zoned = RoundTrip.download(server, "/collections/parcels/export?format=shapefile&crs=EPSG:4525", dir.resolve("parcels-4525.zip"));
        assertEquals(4525, Gdal.epsg(Gdal.ogrinfo("-so", "-al", "/vsizip/" + zoned)));
        assertEquals("EPSG:4525", READER.read(zoned, ReadOptions.named("parcels")).crs());
        Path cgcs = RoundTrip.download(server, "/collections/parcels/export?format=shapefile&crs=EPSG:4490", dir.resolve("parcels-4490.zip"));
        assertEquals(4490, Gdal.epsg(Gdal.ogrinfo("-so", "-al", "/vsizip/" + cgcs)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GBK", "UTF-8"})
    void aShapefileWrittenByOgr2ogrReadsWithItsChinese(String encoding) throws Exception {
        Path src = dir.resolve("chinese-" + encoding + ".geojson");
        Files.writeString(src, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"名称":"柏树村","县":"汝阳县","人口":1234,"面积":5.25},
                  "geometry":{"type":"Polygon","coordinates":[[[112.3,34.1],[112.4,34.1],[112.4,34.2],[112.3,34.1]]]}},
                 {"type":"Feature","properties":{"名称":"汝阳县城关镇","县":"汝阳县","人口":null,"面积":0.5},
                  "geometry":{"type":"MultiPolygon","coordinates":[[[[112.5,34.1],[112.6,34.1],[112.6,34.2],[112.5,34.1]]],
                                                                    [[[112.7,34.1],[112.8,34.1],[112.8,34.2],[112.7,34.1]]]]}}]}
                """, StandardCharsets.UTF_8);
        Path shpDir = dir.resolve("ogr-" + encoding);
        Gdal.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=" + encoding, shpDir.toString(), src.toString(), "-nln", "村庄");
        Path zip = zip(shpDir, dir.resolve("ogr-" + encoding + ".zip"));
        LayerReader.Read read = READER.read(zip, ReadOptions.named("villages_in"));
        assertEquals("EPSG:4326", read.crs());
        LayerData data = new LayerData(read.source().layer(), RoundTrip.features(read.source()));
        assertEquals(GeometryKind.MULTIPOLYGON, data.layer().geometryKind());
        assertEquals("村庄", data.layer().title());
        assertEquals(List.of(new PropertyDefinition("f1", PropertyType.STRING), new PropertyDefinition("f2", PropertyType.STRING),
                new PropertyDefinition("f3", PropertyType.INTEGER), new PropertyDefinition("f4", PropertyType.NUMBER)),
                data.layer().properties());
        assertEquals(Map.of("f1", "柏树村", "f2", "汝阳县", "f3", 1234L, "f4", 5.25), data.features().get(0).properties());
        assertEquals("汝阳县城关镇", data.features().get(1).properties().get("f1"));
        assertEquals(2, data.features().get(1).geometry().getNumGeometries());
        if (encoding.equals("GBK")) {
            Path noCpg = without(zip, ".cpg", dir.resolve("ogr-gbk-nocpg.zip"));
            List<Feature> again = RoundTrip.features(READER.read(noCpg, ReadOptions.named("villages_in")).source());
            assertEquals("柏树村", again.get(0).properties().get("f1"), "from the language driver id or the bytes");
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }

    private static Path zip(Path folder, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8);
             var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static Path without(Path zip, String extension, Path copy) throws IOException {
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream os = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(os, StandardCharsets.UTF_8)) {
            for (ZipEntry e : in.stream().toList()) {
                if (e.getName().endsWith(extension)) continue;
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    is.transferTo(out);
                }
                out.closeEntry();
            }
        }
        assertFalse(new ZipFile(copy.toFile()).stream().anyMatch(e -> e.getName().endsWith(extension)));
        return copy;
    }
}
