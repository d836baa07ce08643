package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import parkgrid.analysis.compliance.GaussKrugerSquares;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.EllipsoidalArea;

/** The TXT 电子报盘 boundary file: zones with and without prefix, holes, parts, and the files it must refuse. */
class BoundaryTxtReaderTest {
    /** A 100 m × 200 m parcel (2 公顷) on CM 111°E with a 20 m × 20 m hole, eastings with the zone prefix 37. */
    static final String PREFIXED = """
            [属性描述]
            格式版本号=1.0
            数据产生单位=汝阳县自然资源局（示例）
            坐标系=2000国家大地坐标系
            几度分带=3
            投影类型=高斯克吕格
            计量单位=米
            带号=37
            精度=0.001
            [地块坐标]
            10,2.0,HY-01,汝阳县绿色建材项目（示例）,面,,工业用地,,@
            J1,1,3780000.000,37500000.000
            J2,1,3780000.000,37500100.000
            J3,1,3780200.000,37500100.000
            J4,1,3780200.000,37500000.000
            J1,1,3780000.000,37500000.000
            K1,2,3780050.000,37500040.000
            K2,2,3780070.000,37500040.000
            K3,2,3780070.000,37500060.000
            K4,2,3780050.000,37500060.000
            K1,2,3780050.000,37500040.000
            """;

    @Test
    void aPrefixedParcelWithAHoleIsItsKnownAreaWhereTheUnprefixedZoneDrawsIt() {
        BoundaryTxtReader.BoundaryFile file = new BoundaryTxtReader("boundary_txt").read(PREFIXED);
        assertEquals(4525, file.crs().epsg(), "zone 37 with prefix: EPSG:4525");
        assertEquals(1, file.parcels().size());
        assertEquals("汝阳县绿色建材项目（示例）", file.parcels().get(0).name());
        assertEquals("HY-01", file.parcels().get(0).code());
        assertEquals("工业用地", file.parcels().get(0).use());
        Polygon p = (Polygon) file.boundary();
        assertEquals(1, p.getNumInteriorRing());
        assertEquals(20_000 - 400, EllipsoidalArea.squareMetres(p), 20_000 * 1e-4);
        Geometry same = GaussKrugerSquares.rectangle(0, 0, 100, 200, new double[] {40, 50, 60, 70});
        assertTrue(same.buffer(1e-7).contains(p) && p.buffer(1e-7).contains(same), "EPSG:4525 with prefix = EPSG:4546 without");
    }

    @Test
    void withoutPrefixTheZoneComesFrom带号AndARingOutsideIsAnotherPart() {
        String txt = """
                [属性描述]
                坐标系=2000国家大地坐标系 几度分带=3 投影类型=高斯克吕格 计量单位=米 带号=37 精度= 转换参数=,,,,,,
                [地块坐标]
                10,,A,两块地,面,,,,@
                J1,1,3780000,500000
                J2,1,3780000,500100
                J3,1,3780100,500100
                J1,1,3780000,500000
                J4,2,3780000,500300
                J5,2,3780000,500400
                J6,2,3780100,500400
                J7,2,3780100,500300
                J4,2,3780000,500300
                """;
        BoundaryTxtReader.BoundaryFile file = new BoundaryTxtReader("boundary_txt").read(txt);
        assertEquals(4546, file.crs().epsg(), "带号 37 of 3° zones is CM 111°E: EPSG:4546");
        Geometry g = file.boundary();
        assertEquals(2, g.getNumGeometries());
        assertEquals(5_000 + 10_000, EllipsoidalArea.squareMetres(g), 15_000 * 1e-4);
    }

    @Test
    void anUnclosedRingIsRefusedNamingTheInputTheRingAndTheLine() {
        String unclosed = PREFIXED.replace("J1,1,3780000.000,37500000.000\nK1", "K1");
        var e = assertThrows(ParkGridException.InvalidInput.class, () -> new BoundaryTxtReader("boundary_txt").read(unclosed));
        assertEquals("boundary_txt", e.parameter());
        assertTrue(e.getMessage().contains("ring 1 of parcel HY-01 汝阳县绿色建材项目（示例） is not closed"), e.getMessage());
        assertTrue(e.getMessage().contains("line 15"), e.getMessage());
    }

    @Test
    void otherDatumsMissingZonesAndGarbageAreRefused() {
        var xian = assertThrows(ParkGridException.InvalidInput.class,
                () -> new BoundaryTxtReader("boundary_txt").read(PREFIXED.replace("2000国家大地坐标系", "1980西安坐标系")));
        assertTrue(xian.getMessage().contains("only CGCS2000"), xian.getMessage());
        var noZone = assertThrows(ParkGridException.InvalidInput.class, () -> new BoundaryTxtReader("boundary_txt")
                .read(PREFIXED.replace("带号=37", "带号=").replace(",375", ",5")));
        assertTrue(noZone.getMessage().contains("带号"), noZone.getMessage());
        var text = assertThrows(ParkGridException.InvalidInput.class, () -> new BoundaryTxtReader("boundary_txt").read("不是坐标文件"));
        assertTrue(text.getMessage().contains("no parcel found"), text.getMessage());
        var number = assertThrows(ParkGridException.InvalidInput.class,
                () -> new BoundaryTxtReader("boundary_txt").read(PREFIXED.replace("3780200.000,37500100.000", "北,东")));
        assertTrue(number.getMessage().contains("line 14"), number.getMessage());
    }
}
