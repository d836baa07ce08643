package parkgrid.store.postgis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** The binary COPY buffer writes what JTS and the JDK write: EWKB as WKBWriter's WKB plus the SRID, text as getBytes. */
class BinaryCopyBufferTest {
    private static final String[] WKT = {
        "POINT (112.45 34.16)", "POINT EMPTY", "LINESTRING (112.4 34.1, 112.5 34.2, 112.6 34.15)", "LINESTRING EMPTY",
        "POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.1, 0.3 0.1, 0.3 0.2, 0.2 0.1))", "POLYGON EMPTY",
        "MULTIPOINT ((1 2), (3 4))", "MULTILINESTRING ((1 2, 3 4), (5 6, 7 8, 9 10))", "MULTILINESTRING EMPTY",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.2 5.1, 5.3 5.1, 5.3 5.2, 5.2 5.1)))",
        "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4), POLYGON ((0 0, 1 0, 1 1, 0 0)))",
        "LINESTRING Z (1 2 3, 4 5 6)", "LINEARRING (0 0, 1 0, 1 1, 0 0)",
    };

    @Test
    void geometriesAreJtsWkbWithTheSridOnTheOuterGeometry() throws Exception {
        WKTReader reader = new WKTReader();
        WKBWriter jts = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
        for (String wkt : WKT) {
            Geometry g = reader.read(wkt);
            byte[] wkb = jts.write(g);
            ByteBuffer expected = ByteBuffer.allocate(4 + wkb.length + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            expected.order(java.nio.ByteOrder.BIG_ENDIAN).putInt(wkb.length + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            expected.put(wkb[0]).putInt(ByteBuffer.wrap(wkb, 1, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() | 0x20000000).putInt(4326);
            expected.put(wkb, 5, wkb.length - 5);
            BinaryCopyBuffer b = new BinaryCopyBuffer();
            b.ewkbField(g, 4326);
            assertArrayEquals(expected.array(), Arrays.copyOf(b.bytes(), b.size()), wkt);
        }
    }

    @Test
    void textIsTheStringsUtf8AsGetBytesWritesIt() {
        Random r = new Random(7);
        String[] fixed = {"", "LGJ-150", "10kV 马桥线 #1", "é", "\uD83C\uDFED 工厂", "lone \uD800 high", "lone \uDC00 low", "end \uD800",
            "\u0000\u007F\u0080\u07FF\u0800\uFFFF"};
        for (int k = 0; k < fixed.length + 2000; k++) {
            String s = k < fixed.length ? fixed[k] : random(r);
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            ByteBuffer expected = ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8);
            BinaryCopyBuffer b = new BinaryCopyBuffer();
            b.textField(s);
            assertArrayEquals(expected.array(), Arrays.copyOf(b.bytes(), b.size()), s);
        }
    }

    @Test
    void growsPastItsFirstArray() throws Exception {
        BinaryCopyBuffer b = new BinaryCopyBuffer();
        String big = "线".repeat(40_000);
        b.textField(big);
        b.ewkbField(new WKTReader().read("LINESTRING (" + "1 2, ".repeat(9_999) + "3 4)"), 4326);
        b.int8Field(Long.MIN_VALUE);
        ByteBuffer got = ByteBuffer.wrap(b.bytes(), 0, b.size());
        assertArrayEquals(big.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(b.bytes(), 4, 4 + got.getInt(0)));
        int geomAt = 4 + got.getInt(0);
        int geomLength = got.getInt(geomAt);
        org.junit.jupiter.api.Assertions.assertEquals(1 + 4 + 4 + 4 + 16 * 10_000, geomLength);
        org.junit.jupiter.api.Assertions.assertEquals(8, got.getInt(geomAt + 4 + geomLength));
        org.junit.jupiter.api.Assertions.assertEquals(Long.MIN_VALUE, got.getLong(geomAt + 8 + geomLength));
        org.junit.jupiter.api.Assertions.assertEquals(geomAt + 16 + geomLength, b.size());
    }

    private static String random(Random r) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(5);
            s.append(switch (pick) {
                case 0 -> (char) r.nextInt(0x80);
                case 1 -> (char) (0x80 + r.nextInt(0x780));
                case 2 -> (char) (0x4E00 + r.nextInt(0x5000));
                case 3 -> (char) (0xD800 + r.nextInt(0x800)); // a surrogate, paired or not
                default -> (char) (0xE000 + r.nextInt(0x2000));
            });
        }
        return s.toString();
    }
}
