package parkgrid.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

/** CSV: exported through {@code /export?format=csv}, read back by {@link CsvReader} and by GDAL; CSVs from Excel and ogr2ogr read in. */
class CsvFormatTest extends SeededServerTest {
    private static final LayerReader READER = LayerReaders.STANDARD.byId("csv").orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = {"villages", "parcels", "power_lines", "projects"})
    void anExportedLayerReadsBackWithTheSameFeatures(String layer) throws Exception {
        Path csv = RoundTrip.download(server, "/collections/" + layer + "/export?format=csv", dir.resolve(layer + ".csv"));
        LayerReader.Read read = READER.read(csv, ReadOptions.named(layer));
        LayerData seed = RoundTrip.seed(layer);
        if (!seed.features().stream().allMatch(f -> f.geometry() == null)) {
            assertEquals(seed.layer().geometryKind(), read.source().layer().geometryKind());
        }
        RoundTrip.assertSame(seed, read.source(), p -> p, 0, true);
    }

    @Test
    void aPointExportHasLonLatAndWktAndGdalReadsItsTypesAndChinese() throws Exception {
        Path csv = RoundTrip.download(server, "/collections/villages/export?format=csv", dir.resolve("villages-gdal.csv"));
        String header = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
        assertTrue(header.startsWith("fid,name_zh,") && header.endsWith(",lon,lat,wkt"), header);
        String[] oo = {"-oo", "AUTODETECT_TYPE=YES", "-oo", "QUOTED_FIELDS_AS_STRING=YES", "-oo", "GEOM_POSSIBLE_NAMES=wkt",
                "-oo", "KEEP_GEOM_COLUMNS=NO"};
        String so = Gdal.ogrinfo(concat(oo, "-so", "-al", csv.toString()));
        assertEquals(RoundTrip.seed("villages").features().size(), Gdal.featureCount(so), so);
        assertEquals("String", Gdal.fieldType(so, "name_zh"), so);
        assertEquals("Integer", Gdal.fieldType(so, "upgrade_year"), so);
        assertTrue(so.contains("Extent: (112.004000, 34.050000)"), "GDAL reads the WKT column: " + so);
        String all = Gdal.ogrinfo(concat(oo, "-al", csv.toString()));
        assertTrue(all.contains("name_zh (String) = 柏树村"), all.substring(0, 2000));
        String lines = Gdal.ogrinfo(concat(oo, "-so", "-al", RoundTrip.download(server, "/collections/power_lines/export?format=csv",
                dir.resolve("lines.csv")).toString()));
        assertEquals("Real", Gdal.fieldType(lines, "length_km"), lines);
    }

    @Test
    void excelVariantsCarryABomOrGbkAndReadBack() throws Exception {
        Path bom = RoundTrip.download(server, "/collections/villages/export?format=csv&encoding=utf-8-bom", dir.resolve("bom.csv"));
        byte[] b = Files.readAllBytes(bom);
        assertEquals(List.of(0xEF, 0xBB, 0xBF), List.of(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF));
        RoundTrip.assertSame(RoundTrip.seed("villages"), READER.read(bom, ReadOptions.named("villages")).source(), p -> p, 0, true);
        Path gbk = RoundTrip.download(server, "/collections/villages/export?format=csv&encoding=gbk", dir.resolve("gbk.csv"));
        assertTrue(new String(Files.readAllBytes(gbk), Charset.forName("GBK")).contains("\"柏树村\""));
        RoundTrip.assertSame(RoundTrip.seed("villages"), READER.read(gbk, ReadOptions.named("villages")).source(), p -> p, 0, true);
        assertEquals("text/csv; charset=gbk", server.send("GET", "/collections/villages/export?format=csv&encoding=gbk", "*/*", null).contentType());
    }

    @Test
    void itemsAnswerAPageAsCsvWithF() throws Exception {
        var r = server.send("GET", "/collections/villages/items?f=csv&limit=5", "*/*", null);
        assertEquals(200, r.status());
        assertEquals("text/csv; charset=utf-8", r.contentType());
        List<String> lines = new String(r.body(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(6, lines.size(), "a header and five rows");
        assertTrue(lines.get(1).startsWith("1,\"柏树村\","), lines.get(1));
    }

    @Test
    void anExportInAGaussKrugerZoneHasEastingAndNorthing() throws Exception {
        Path csv = RoundTrip.download(server, "/collections/villages/export?format=csv&crs=EPSG:4546", dir.resolve("gk.csv"));
        assertTrue(Files.readAllLines(csv).get(0).endsWith(",x,y,wkt"));
        Feature f = RoundTrip.features(READER.read(csv, ReadOptions.named("villages")).source()).get(0);
        assertTrue(f.geometry().getCoordinate().x > 300_000 && f.geometry().getCoordinate().y > 3_700_000, f.geometry().toString());
    }

    @Test
    void aGbkTableWithChineseHeadersAndLonLatColumnsReads() throws Exception {
        Path csv = dir.resolve("excel.csv");
        Files.write(csv, ("序号,名称,县,经度,纬度,人口,面积\r\n1,柏树村,汝阳县,112.37,34.17,1234,5.5\r\n"
                + "2,\"城关镇, 东\",汝阳县,112.47,34.15,,0.25\r\n").getBytes("GBK"));
        LayerReader.Read read = READER.read(csv, ReadOptions.named("imported"));
        LayerData data = new LayerData(read.source().layer(), RoundTrip.features(read.source()));
        assertEquals(GeometryKind.POINT, data.layer().geometryKind());
        assertEquals(List.of(new PropertyDefinition("f1", PropertyType.INTEGER), new PropertyDefinition("f2", PropertyType.STRING),
                new PropertyDefinition("f3", PropertyType.STRING), new PropertyDefinition("f6", PropertyType.INTEGER),
                new PropertyDefinition("f7", PropertyType.NUMBER)), data.layer().properties());
        assertEquals(Map.of("f1", 1L, "f2", "柏树村", "f3", "汝阳县", "f6", 1234L, "f7", 5.5), data.features().get(0).properties());
        assertEquals("城关镇, 东", data.features().get(1).properties().get("f2"));
        assertEquals("POINT (112.47 34.15)", data.features().get(1).geometry().toText());
    }

    @Test
    void aCsvWrittenByOgr2ogrReadsWithItsWkt() throws Exception {
        Path src = dir.resolve("ogr-src.geojson");
        Files.writeString(src, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"柏树村","county":"汝阳县","pop":1234},
                  "geometry":{"type":"LineString","coordinates":[[112.3,34.1],[112.4,34.2]]}}]}
                """, StandardCharsets.UTF_8);
        Path csv = dir.resolve("ogr.csv");
        // GDAL's default STRING_QUOTING=IF_AMBIGUOUS quotes integers too, which a quoted-is-text reader takes as text
        Gdal.ogr2ogr("-f", "CSV", "-lco", "GEOMETRY=AS_WKT", "-lco", "STRING_QUOTING=IF_NEEDED", csv.toString(), src.toString());
        LayerReader.Read read = READER.read(csv, ReadOptions.named("from_ogr"));
        Feature f = RoundTrip.features(read.source()).get(0);
        assertEquals(GeometryKind.LINESTRING, read.source().layer().geometryKind());
        assertEquals("LINESTRING (112.3 34.1, 112.4 34.2)", f.geometry().toText());
        assertEquals(Map.of("name", "柏树村", "county", "汝阳县", "pop", 1234L), f.properties());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void aNumberIsWrittenAsPlainDecimalWithAPoint() {
        java.util.Random random = new java.util.Random(2026);
        for (int i = 0; i < 10_000; i++) {
            double d = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(30) - 10);
            String plain = new java.math.BigDecimal(Double.toString(d)).toPlainString();
            assertEquals(plain.contains(".") ? plain : plain + ".0", CsvEncoder.number(d), Double.toString(d));
        }
        assertEquals("0.0", CsvEncoder.number(-0.0));
        assertEquals("1000000000.0", CsvEncoder.number(1e9));
        assertEquals("0.00050", CsvEncoder.number(5e-4)); // as before: BigDecimal keeps the scale of "5.0E-4"
        assertEquals("12.5", CsvEncoder.number(12.5));
    }
}
