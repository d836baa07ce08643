package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.geo.SourceCoordinates;
import parkgrid.geo.SupportedCrs;

public class LandApprovalTxtTest {
    @TempDir
    Path dir;

    /** Two parcels near 汝阳县城 in zone 38 with the prefix; the first has a hole (圈号 2). */
    public static final String FILE = String.join("\r\n",
            "[属性描述]",
            "格式版本号=1.01",
            "数据产生单位=汝阳县自然资源局",
            "数据产生日期=2026-11-30",
            "坐标系=2000国家大地坐标系 几度分带=3",
            "投影类型=高斯克吕格 计量单位=米 带号=38 精度=0.01 转换参数=,,,,,,",
            "[地块坐标]",
            "10,1.2000,410326001,产业集聚区一期,面,I49G001001,工业用地,0601,@",
            "J1,1,3781805.818,38358614.702",
            "J2,1,3781805.818,38358714.702",
            "J3,1,3781905.818,38358714.702",
            "J4,1,3781905.818,38358614.702",
            "J1,1,3781805.818,38358614.702",
            "J5,2,3781835.818,38358644.702",
            "J6,2,3781835.818,38358664.702",
            "J7,2,3781855.818,38358664.702",
            "J5,2,3781835.818,38358644.702",
            "4,0.3,410326002,鸿路钢构二期,面,,工业用地,0601,@",
            "J1,1,3782005.818,38358614.702",
            "J2,1,3782005.818,38358674.702",
            "J3,1,3782055.818,38358674.702",
            "J1,1,3782005.818,38358614.702",
            "");

    private static List<Feature> read(LayerReader.Read r) throws Exception {
        List<Feature> out = new ArrayList<>();
        r.source().forEach(out::add);
        return out;
    }

    @Test
    void readsGbkParcelsNorthingFirstWithTheirHeaderFields() throws Exception {
        Path file = dir.resolve("报盘.txt");
        Files.write(file, FILE.getBytes(Charset.forName("GBK")));
        LayerReader.Read r = new LandApprovalTxtReader().read(file, ReadOptions.named("approval"));
        assertEquals(GeometryKind.MULTIPOLYGON, r.source().layer().geometryKind());
        assertEquals("CGCS2000-GK", r.crs(), "eastings carry the zone prefix");
        assertTrue(r.source().layer().description().contains("带号=38"), r.source().layer().description());
        List<Feature> fs = read(r);
        assertEquals(2, fs.size());
        Feature first = fs.get(0);
        assertEquals("产业集聚区一期", first.properties().get("parcel_name"));
        assertEquals("410326001", first.properties().get("parcel_no"));
        assertEquals("工业用地", first.properties().get("land_use"));
        assertEquals("0601", first.properties().get("land_class"));
        assertEquals("1.2000", first.properties().get("area_ha"));
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) first.geometry()).getNumInteriorRing(), "ring 2 inside ring 1 is a hole");
        Geometry lonLat = SourceCoordinates.of(r.crs(), null, null, null).toLonLat(first.geometry());
        assertEquals(112.4669, lonLat.getCoordinates()[0].x, 1e-6, "J1 is 汝阳县城");
        assertEquals(34.1540, lonLat.getCoordinates()[0].y, 1e-6);
        assertEquals(10_000 - 200, first.geometry().getArea(), 1e-6, "100 m × 100 m less a 200 m² triangular hole, in x = easting");
    }

    @Test
    void withoutPrefixTheHeadersZoneGivesTheCrs() throws Exception {
        Path file = dir.resolve("noprefix.txt");
        Files.writeString(file, FILE.replace(",38358", ",358"), StandardCharsets.UTF_8);
        LayerReader.Read r = new LandApprovalTxtReader().read(file, ReadOptions.named("approval"));
        assertEquals("EPSG:4547", r.crs(), "带号=38, 3° zones: CM 114°E");
        Geometry lonLat = SourceCoordinates.of(r.crs(), null, null, null).toLonLat(read(r).get(0).geometry());
        assertEquals(112.4669, lonLat.getCoordinates()[0].x, 1e-6);
    }

    @Test
    void anUnclosedRingIsAnErrorNamingItsLine() throws Exception {
        Path file = dir.resolve("open.txt");
        // drop the second parcel's closing point (the file's last line)
        Files.writeString(file, FILE.substring(0, FILE.lastIndexOf("J1,1,3782005.818")), StandardCharsets.UTF_8);
        var e = assertThrows(IllegalArgumentException.class, () -> new LandApprovalTxtReader().read(file, ReadOptions.named("approval")));
        assertTrue(e.getMessage().startsWith("line 21: ring 1 of parcel 2 (410326002) is not closed"), e.getMessage());
    }

    @Test
    void encoderWritesAFileTheReaderGivesBack() throws Exception {
        Geometry parcel = new WKTReader().read("POLYGON ((112.46 34.14, 112.47 34.14, 112.47 34.15, 112.46 34.15, 112.46 34.14), "
                + "(112.462 34.142, 112.464 34.142, 112.464 34.144, 112.462 34.142))");
        Feature f = new Feature(5, parcel, Map.of("parcel_name", "城关镇东关地块", "land_use", "商业用地", "land_class", "05"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FeatureEncoder e = FeatureFormats.LAND_TXT.encoder(bytes, EncodingOptions.crs84())) {
            e.start(CollectionMetadata.titled("地块"));
            e.feature(f);
            e.end();
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("带号=37"), "112.46°E is in 3° zone 37 (CM 111°E): " + text);
        assertTrue(text.contains(",5,城关镇东关地块,面,,商业用地,05,@"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("J1,1,3\\d{6}\\.\\d{3},37\\d{6}\\.\\d{3}")), "X northing, Y prefixed easting: " + text);
        Path file = dir.resolve("out.txt");
        Files.write(file, bytes.toByteArray());
        LayerReader.Read r = new LandApprovalTxtReader().read(file, ReadOptions.named("back"));
        Feature back = read(r).get(0);
        Geometry lonLat = SourceCoordinates.of(r.crs(), null, null, null).toLonLat(back.geometry());
        assertTrue(parcel.equalsExact(lonLat, 1e-7), "round trip within 1 cm: " + lonLat);
        assertEquals("城关镇东关地块", back.properties().get("parcel_name"));
        assertEquals("5", back.properties().get("parcel_no"));
    }

    @Test
    void encoderUsesTheAskedGaussKrugerZone() throws Exception {
        Feature f = new Feature(1, new WKTReader().read("POLYGON ((112.46 34.14, 112.47 34.14, 112.47 34.15, 112.46 34.14))"), Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FeatureEncoder e = FeatureFormats.LAND_TXT.encoder(bytes, EncodingOptions.inCrs(SupportedCrs.forEpsg(4547).orElseThrow()))) {
            e.start(CollectionMetadata.titled("地块"));
            e.feature(f);
            e.end();
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("带号=38") && text.lines().anyMatch(l -> l.matches("J1,1,3\\d{6}\\.\\d{3},3\\d{5}\\.\\d{3}")), text);
    }
}
