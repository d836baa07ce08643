package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeoPackageGeometryTest {
    private final GeoPackageGeometry codec = new GeoPackageGeometry(GeoJsonReader.WGS84);

    @Test
    void roundTripsWithAHeaderCarryingSrsAndEnvelope() throws Exception {
        Geometry g = new WKTReader().read("LINESTRING (112.1 34.2, 112.3 34.0)");
        byte[] blob = codec.encode(g, 4326);
        assertEquals('G', blob[0]);
        assertEquals('P', blob[1]);
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4326, b.getInt(4));
        assertEquals(112.1, b.getDouble(8), 0);   // minx
        assertEquals(112.3, b.getDouble(16), 0);  // maxx
        assertEquals(34.0, b.getDouble(24), 0);   // miny
        assertTrue(g.equalsExact(codec.decode(blob), 0));
    }

    @Test
    void aMissingGeometryIsSqlNullNotABlob() {
        assertEquals(null, codec.encode(null, 4326));
        assertEquals(null, codec.decode(null));
    }

    @Test
    void rejectsBlobsThatAreNotGeoPackageGeometries() {
        assertThrows(IllegalArgumentException.class, () -> codec.decode(new byte[] {1, 2, 3}));
    }
}
