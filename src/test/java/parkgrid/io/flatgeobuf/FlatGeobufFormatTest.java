package parkgrid.io.flatgeobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.io.Gdal;
import parkgrid.io.LayerReader;
import parkgrid.io.LayerReaders;
import parkgrid.io.ReadOptions;
import parkgrid.io.RoundTrip;
import parkgrid.testing.SeededServerTest;

/** FlatGeobuf: exported through {@code /export?format=flatgeobuf}, read back by {@link FlatGeobufReader} and by GDAL, and the other way. */
class FlatGeobufFormatTest extends SeededServerTest {
    private static final LayerReader READER = LayerReaders.STANDARD.byId("flatgeobuf").orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = {"villages", "parcels", "power_lines", "projects"})
    void anExportedLayerReadsBackWithTheSameFeatures(String layer) throws Exception {
        Path fgb = RoundTrip.download(server, "/collections/" + layer + "/export?format=flatgeobuf", dir.resolve(layer + ".fgb"));
        LayerReader.Read read = READER.read(fgb, ReadOptions.named(layer));
        assertEquals("EPSG:4326", read.crs());
        assertEquals(RoundTrip.seed(layer).layer().geometryKind(), read.source().layer().geometryKind());
        RoundTrip.assertSame(RoundTrip.seed(layer), read.source(), p -> p, 0);
    }

    @Test
    void gdalReadsTheExportWithChineseTypesAndCrs() throws Exception {
        Path fgb = RoundTrip.download(server, "/collections/villages/export?format=flatgeobuf", dir.resolve("villages-gdal.fgb"));
        String so = Gdal.ogrinfo("-so", "-al", fgb.toString());
        assertEquals(RoundTrip.seed("villages").features().size(), Gdal.featureCount(so), so);
        assertEquals(4326, Gdal.epsg(so), so);
        assertTrue(so.contains("Layer name: villages"), so);
        assertEquals("String", Gdal.fieldType(so, "name_zh"), so);
        assertEquals("Integer64", Gdal.fieldType(so, "population"), so);
        assertTrue(Gdal.ogrinfo("-al", fgb.toString()).contains("name_zh (String) = 柏树村"));
        String lines = Gdal.ogrinfo("-so", "-al", RoundTrip.download(server, "/collections/power_lines/export?format=flatgeobuf",
                dir.resolve("lines.fgb")).toString());
        assertEquals("Real", Gdal.fieldType(lines, "length_km"), lines);
        assertTrue(lines.contains("Geometry: Line String"), lines);
        String ledger = Gdal.ogrinfo("-al", RoundTrip.download(server, "/collections/projects/export?format=flatgeobuf",
                dir.resolve("projects.fgb")).toString());
        assertEquals(RoundTrip.seed("projects").features().size(), Gdal.featureCount(ledger));
    }

    @Test
    void anExportInAGaussKrugerZoneSaysSo() throws Exception {
        Path fgb = RoundTrip.download(server, "/collections/parcels/export?format=flatgeobuf&crs=EPSG:4546", dir.resolve("parcels-4546.fgb"));
        assertEquals(4546, Gdal.epsg(Gdal.ogrinfo("-so", "-al", fgb.toString())));
        LayerReader.Read read = READER.read(fgb, ReadOptions.named("parcels"));
        assertEquals("EPSG:4546", read.crs());
        Feature f = RoundTrip.features(read.source()).get(0);
        assertTrue(f.geometry().getCoordinate().x > 300_000 && f.geometry().getCoordinate().y > 3_700_000, f.geometry().toString());
    }

    @Test
    void aFileWrittenByOgr2ogrWithAnIndexReads() throws Exception {
        Path src = dir.resolve("ogr-src.geojson");
        Files.writeString(src, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"名称":"柏树村","县":"汝阳县","人口":1234,"面积":5.25},"geometry":{"type":"Point","coordinates":[112.37,34.17]}},
                 {"type":"Feature","properties":{"名称":"城关镇","县":"汝阳县","人口":null,"面积":0.5},"geometry":{"type":"Point","coordinates":[112.47,34.15]}}]}
                """, StandardCharsets.UTF_8);
        Path fgb = dir.resolve("ogr.fgb");
        Gdal.ogr2ogr("-f", "FlatGeobuf", "-lco", "SPATIAL_INDEX=YES", "-a_srs", "EPSG:4490", fgb.toString(), src.toString());
        LayerReader.Read read = READER.read(fgb, ReadOptions.named("from_ogr"));
        assertEquals("EPSG:4490", read.crs());
        assertEquals(GeometryKind.POINT, read.source().layer().geometryKind());
        var features = RoundTrip.features(read.source());
        assertEquals(2, features.size());
        Feature first = features.stream().filter(f -> "柏树村".equals(f.properties().get("f1"))).findFirst().orElseThrow();
        assertEquals(Map.of("f1", "柏树村", "f2", "汝阳县", "f3", 1234L, "f4", 5.25), first.properties());
    }
}
