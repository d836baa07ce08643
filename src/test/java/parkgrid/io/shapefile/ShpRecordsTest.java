package parkgrid.io.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

/** .shp record contents: multi geometries, holes and ring orientation, null shapes. */
class ShpRecordsTest {
    private final WKTReader wkt = new WKTReader();
    private final ShpRecords records = new ShpRecords(new GeometryFactory());

    private Geometry roundTrip(String text, ShapeType type) throws Exception {
        return records.decode(ByteBuffer.wrap(ShpRecords.encode(wkt.read(text), type)));
    }

    @Test
    void aMultiPolygonWithAHoleComesBackWithTheHoleInItsShell() throws Exception {
        String mp = "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2)), ((20 0, 30 0, 30 10, 20 0)))";
        Geometry back = roundTrip(mp, ShapeType.POLYGON);
        assertEquals("MultiPolygon", back.getGeometryType());
        assertTrue(back.norm().equalsExact(wkt.read(mp).norm()), back.toText());
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) back.getGeometryN(0)).getNumInteriorRing());
    }

    @Test
    void shellsAreWrittenClockwiseAndHolesCounterClockwise() throws Exception {
        byte[] content = ShpRecords.encode(wkt.read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))"), ShapeType.POLYGON);
        ByteBuffer b = ByteBuffer.wrap(content).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, b.getInt(36));
        org.locationtech.jts.geom.Coordinate[] shell = new org.locationtech.jts.geom.Coordinate[5];
        for (int i = 0; i < 5; i++) shell[i] = new org.locationtech.jts.geom.Coordinate(b.getDouble(52 + 16 * i), b.getDouble(60 + 16 * i));
        assertTrue(!Orientation.isCCW(shell), "shell clockwise");
    }

    @Test
    void linesPointsAndNullShapes() throws Exception {
        assertEquals("LineString", roundTrip("LINESTRING (112.1 34.1, 112.2 34.2)", ShapeType.POLYLINE).getGeometryType());
        assertEquals("MultiLineString", roundTrip("MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))", ShapeType.POLYLINE).getGeometryType());
        assertEquals("POINT (112.37 34.17)", roundTrip("POINT (112.37 34.17)", ShapeType.POINT).toText());
        assertEquals(2, roundTrip("MULTIPOINT ((0 0), (1 1))", ShapeType.MULTIPOINT).getNumGeometries());
        assertNull(records.decode(ByteBuffer.wrap(ShpRecords.encode(null, ShapeType.POINT))));
    }

    @Test
    void dbfNamesAreAtMostTenCharactersAndUnique() {
        assertEquals(java.util.List.of("fid", "population", "populati_2", "township_z", "name_zh"),
                DbfColumns.dbfNames(java.util.List.of("population", "population_note", "township_zh", "name_zh")));
    }
}
