package parkgrid.io.mvt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.WebMercatorQuad;

/** The hand-written MVT encoding against the examples of the Mapbox Vector Tile specification 2.1 (§4.3.5). */
class MvtEncodingTest {
    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    @Test
    void zigzagMapsSmallMagnitudesToSmallCodes() {
        assertEquals(0, Protobuf.zigzag(0));
        assertEquals(1, Protobuf.zigzag(-1));
        assertEquals(2, Protobuf.zigzag(1));
        assertEquals(3, Protobuf.zigzag(-2));
        assertEquals(4294967295L, Protobuf.zigzag(-2147483648L));
    }

    @Test
    void varintsUseSevenBitsPerByteLowFirst() {
        assertArrayEquals(new byte[] {(byte) 0xAC, 0x02}, new Protobuf().varint(300).toByteArray());
        assertArrayEquals(new byte[] {0x01}, new Protobuf().varint(1).toByteArray());
    }

    @Test
    void aPointIsOneMoveTo() throws Exception {
        assertArrayEquals(new int[] {9, 50, 34}, MvtGeometry.of(wkt("POINT (25 17)")).toArray()); // spec example 1
    }

    @Test
    void aMultiPointIsOneMoveToWithACount() throws Exception {
        assertArrayEquals(new int[] {17, 10, 14, 3, 9}, MvtGeometry.of(wkt("MULTIPOINT ((5 7), (3 2))")).toArray());
    }

    @Test
    void aLineIsMoveToThenLineToWithDeltas() throws Exception {
        assertArrayEquals(new int[] {9, 4, 4, 18, 0, 16, 16, 0}, MvtGeometry.of(wkt("LINESTRING (2 2, 2 10, 10 10)")).toArray());
    }

    @Test
    void anExteriorRingIsWrittenClockwiseOnScreenWhicheverWayItCame() throws Exception {
        int[] spec = {9, 6, 12, 18, 10, 12, 24, 44, 15}; // spec example: POLYGON ((3 6, 8 12, 20 34, 3 6))
        assertArrayEquals(spec, MvtGeometry.of(wkt("POLYGON ((3 6, 8 12, 20 34, 3 6))")).toArray());
        List<long[][]> reversed = rings(MvtGeometry.of(wkt("POLYGON ((3 6, 20 34, 8 12, 3 6))")).toArray());
        assertEquals(1, reversed.size());
        assertTrue(MvtGeometry.surveyorArea2(reversed.get(0)) > 0, "exterior of positive area in tile coordinates");
    }

    @Test
    void aHoleIsWrittenWithNegativeAreaWhicheverWayItCame() throws Exception {
        for (String hole : List.of("(2 2, 2 8, 8 8, 8 2, 2 2)", "(2 2, 8 2, 8 8, 2 8, 2 2)")) {
            List<long[][]> rs = rings(MvtGeometry.of(wkt("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), " + hole + ")")).toArray());
            assertEquals(2, rs.size());
            assertTrue(MvtGeometry.surveyorArea2(rs.get(0)) > 0, "exterior positive");
            assertTrue(MvtGeometry.surveyorArea2(rs.get(1)) < 0, "hole negative: " + hole);
        }
    }

    /** Decodes polygon commands into rings (MoveTo, LineTo, ClosePath), checking the command stream's shape. */
    private static List<long[][]> rings(int[] c) {
        List<long[][]> out = new ArrayList<>();
        long x = 0, y = 0;
        List<long[]> ring = new ArrayList<>();
        int i = 0;
        while (i < c.length) {
            int id = c[i] & 7, count = c[i] >>> 3;
            i++;
            if (id == MvtGeometry.CLOSE_PATH) {
                out.add(ring.toArray(long[][]::new));
                ring = new ArrayList<>();
                continue;
            }
            assertTrue(id == MvtGeometry.MOVE_TO ? count == 1 : id == MvtGeometry.LINE_TO, "command " + id);
            for (int k = 0; k < count; k++) {
                x += (c[i] >>> 1) ^ -(c[i] & 1);
                y += (c[i + 1] >>> 1) ^ -(c[i + 1] & 1);
                ring.add(new long[] {x, y});
                i += 2;
            }
        }
        assertTrue(ring.isEmpty(), "every ring closed");
        return out;
    }

    @Test
    void aRingThatCollapsesOnTheIntegerGridIsLeftOut() throws Exception {
        assertTrue(MvtGeometry.of(wkt("POLYGON ((0 0, 0.2 0, 0.2 0.2, 0 0))")).isEmpty());
    }

    @Test
    void aLayerKeepsTypedValuesAndChineseNames() {
        MvtLayer layer = new MvtLayer("villages");
        layer.add(7L, Map.of("name_zh", "程村"), MvtGeometry.of(GeoJsonReader.WGS84.createPoint(new Coordinate(1, 1))));
        byte[] tile = layer.toTile();
        assertEquals(0x1A, tile[0], "field 3 (layers), length-delimited");
        assertTrue(new String(tile, java.nio.charset.StandardCharsets.UTF_8).contains("程村"));
    }

    @Test
    void pointsAreThinnedToOnePerCellBelowZoom14() {
        Coordinate c = new Coordinate(112.01, 34.2);
        long[] t5 = tileOf(c, 5), t14 = tileOf(c, 14);
        TileLayerBuilder low = new TileLayerBuilder("v", 5, t5[0], t5[1], null, null);
        TileLayerBuilder high = new TileLayerBuilder("v", 14, t14[0], t14[1], null, null);
        for (int i = 0; i < 5; i++) {
            Feature f = new Feature(i + 1, GeoJsonReader.WGS84.createPoint(new Coordinate(c.x + i * 0.0005, c.y)), Map.of());
            low.add(f);
            high.add(f);
        }
        assertEquals(1, low.size());
        assertEquals(5, high.size());
    }

    /** Lines whose ends share 8 × 8 pixel cells with a kept line's add nothing below zoom 14; a line elsewhere stays. */
    @Test
    void linesAreThinnedByTheCellsOfTheirEndsBelowZoom14() throws Exception {
        Coordinate c = new Coordinate(112.012, 34.212);
        long[] t9 = tileOf(c, 9), t14 = tileOf(c, 14);
        TileLayerBuilder low = new TileLayerBuilder("lines", 9, t9[0], t9[1], null, null);
        TileLayerBuilder high = new TileLayerBuilder("lines", 14, t14[0], t14[1], null, null);
        for (int i = 0; i < 5; i++) { // five 10 kV lines side by side, 5 m apart, about 2 km long (~7 px at z9)
            double dy = i * 0.00005;
            Feature f = new Feature(i + 1, wkt("LINESTRING (" + c.x + " " + (c.y + dy) + ", " + (c.x + 0.01) + " " + (c.y + dy + 0.001) + ", "
                    + (c.x + 0.02) + " " + (c.y + dy) + ")"), Map.of("name_zh", "并行线" + i));
            low.add(f);
            high.add(f);
        }
        Feature apart = new Feature(9, wkt("LINESTRING (" + c.x + " " + (c.y - 0.03) + ", " + (c.x + 0.02) + " " + (c.y - 0.03) + ")"), Map.of());
        low.add(apart);
        high.add(apart);
        assertEquals(2, low.size(), "one of the five side-by-side lines, and the line elsewhere");
        assertTrue(high.size() >= 5, "no thinning at zoom 14: " + high.size());
    }

    @Test
    void aTilePastItsDeadlineStopsWithATimeLimitProblem() {
        TileLayerBuilder b = new TileLayerBuilder("v", 14, 0, 0, null, Instant.now().minusSeconds(1));
        Feature f = new Feature(1, GeoJsonReader.WGS84.createPoint(new Coordinate(0, 0)), Map.of());
        assertThrows(ParkGridException.class, () -> {
            for (int i = 0; i < 1000; i++) b.add(f);
        });
    }

    /** Row and column of the WebMercatorQuad tile holding a lon/lat point. */
    static long[] tileOf(Coordinate lonLat, int z) {
        double w = WebMercatorQuad.tileWidth(z);
        return new long[] {(long) Math.floor((WebMercatorQuad.ORIGIN - WebMercatorQuad.y(lonLat.y)) / w),
                (long) Math.floor((WebMercatorQuad.x(lonLat.x) + WebMercatorQuad.ORIGIN) / w)};
    }
}
