package parkgrid.io.geopackage;

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

/** A layer as a GeoPackage file: exported through {@code /export?format=geopackage}, read back by {@link GeoPackageFileReader} and by GDAL. */
class GeoPackageFormatTest extends SeededServerTest {
    private static final LayerReader READER = LayerReaders.STANDARD.byId("geopackage").orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = {"villages", "parcels", "power_lines", "projects"})
    void anExportedLayerReadsBackWithTheSameFeatures(String layer) throws Exception {
        Path gpkg = RoundTrip.download(server, "/collections/" + layer + "/export?format=geopackage", dir.resolve(layer + ".gpkg"));
        LayerReader.Read read = READER.read(gpkg, ReadOptions.named(layer));
        assertEquals("EPSG:4326", read.crs());
        assertEquals(RoundTrip.seed(layer).layer().geometryKind(), read.source().layer().geometryKind());
        RoundTrip.assertSame(RoundTrip.seed(layer), read.source(), p -> p, 0);
    }

    /** Jetty appends the UTF-8 every answer is encoded in to any type it is given, binary ones too. */
    @ParameterizedTest
    @ValueSource(strings = {"/collections/villages/export?format=geopackage", "/collections/villages/items?f=geopackage",
            "/collections/villages/export?format=shapefile", "/collections/villages/export?format=flatgeobuf",
            "/collections/villages/items?f=flatgeobuf", "/collections/villages/export?format=shapefile&encoding=gbk", "/export"})
    void aBinaryExportSaysNoCharset(String pathAndQuery) {
        var reply = server.send("GET", pathAndQuery, "*/*", null);
        assertEquals(200, reply.status(), pathAndQuery);
        assertTrue(reply.contentType().startsWith("application/"), reply.contentType());
        assertTrue(!reply.contentType().toLowerCase(java.util.Locale.ROOT).contains("charset"), pathAndQuery + ": " + reply.contentType());
        assertTrue(reply.body().length > 0, pathAndQuery);
    }

    @Test
    void gdalReadsTheExportWithChineseTypesAndCrs() throws Exception {
        Path gpkg = RoundTrip.download(server, "/collections/villages/export?format=geopackage", dir.resolve("villages-gdal.gpkg"));
        String so = Gdal.ogrinfo("-so", "-al", gpkg.toString());
        assertTrue(!so.contains("ERROR") && !so.contains("Warning"), so);
        assertEquals(RoundTrip.seed("villages").features().size(), Gdal.featureCount(so), so);
        assertEquals(4326, Gdal.epsg(so), so);
        assertEquals("String", Gdal.fieldType(so, "name_zh"), so);
        assertEquals("Integer64", Gdal.fieldType(so, "population"), so);
        String all = Gdal.ogrinfo("-al", "-fid", "1", gpkg.toString());
        assertTrue(all.contains("name_zh (String) = 柏树村"), all);
        String lines = Gdal.ogrinfo("-so", "-al", RoundTrip.download(server, "/collections/power_lines/export?format=geopackage",
                dir.resolve("lines.gpkg")).toString());
        assertEquals("Real", Gdal.fieldType(lines, "length_km"), lines);
        assertTrue(lines.contains("Geometry: Line String"), lines);
    }

    @Test
    void anExportInAGaussKrugerZoneSaysSo() throws Exception {
        Path gpkg = RoundTrip.download(server, "/collections/parcels/export?format=geopackage&crs=EPSG:4546", dir.resolve("parcels-4546.gpkg"));
        assertEquals(4546, Gdal.epsg(Gdal.ogrinfo("-so", "-al", gpkg.toString())));
        LayerReader.Read read = READER.read(gpkg, ReadOptions.named("parcels"));
        assertEquals("EPSG:4546", read.crs());
        Feature f = RoundTrip.features(read.source()).get(0);
        assertTrue(f.geometry().getCoordinate().x > 300_000 && f.geometry().getCoordinate().y > 3_700_000, f.geometry().toString());
    }

    @Test
    void aFileWrittenByOgr2ogrReadsByLayerName() throws Exception {
        Path src = dir.resolve("ogr-src.geojson");
        Files.writeString(src, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"名称":"柏树村","县":"汝阳县","人口":1234,"面积":5.25},"geometry":{"type":"Point","coordinates":[112.37,34.17]}}]}
                """, StandardCharsets.UTF_8);
        Path gpkg = dir.resolve("ogr.gpkg");
        Gdal.ogr2ogr("-f", "GPKG", "-a_srs", "EPSG:4490", "-nln", "村庄", gpkg.toString(), src.toString());
        Gdal.ogr2ogr("-update", "-nln", "second", gpkg.toString(), src.toString());
        LayerReader.Read read = READER.read(gpkg, new ReadOptions("from_ogr", null, Map.of("layer", "村庄")));
        assertEquals("EPSG:4490", read.crs());
        assertEquals(GeometryKind.POINT, read.source().layer().geometryKind());
        Feature f = RoundTrip.features(read.source()).get(0);
        assertEquals(Map.of("f3", "柏树村", "f4", "汝阳县", "f5", 1234L, "f6", 5.25), f.properties());
        assertEquals("second", READER.read(gpkg, new ReadOptions("x", null, Map.of("layer", "second"))).source().layer().title());
    }
}
