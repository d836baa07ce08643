package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FixedDecimalText} writes exactly what {@link Double#toString} writes for coordinates rounded to 7 (degrees) or
 * 3 (metres) decimals, over the ranges ParkGrid's CRSs give (lon/lat, Gauss–Krüger with and without zone prefix, UTM,
 * Web Mercator) and at the edges of where it applies.
 */
class FixedDecimalTextTest {
    private static final double[][] RANGES = {{-180, 180}, {-90, 90}, {110, 115}, {33, 35}, {-1e7 + 1, 1e7 - 1},
            {1e-3, 1}, {-1, -1e-3}, {3.7e6, 3.8e6}, {3.8e5, 6.2e5}, {1.2e7, 1.3e7}};

    @Test
    void givesDoubleToStringsTextForRoundedCoordinates() {
        Random random = new Random(20261202);
        char[] text = new char[24];
        long checked = 0;
        for (double[] range : RANGES) {
            for (int decimals : new int[] {7, 3, 0}) {
                double scale = Math.pow(10, decimals);
                for (int i = 0; i < 200_000; i++) {
                    double v = range[0] + random.nextDouble() * (range[1] - range[0]);
                    double scaled = Math.rint(v * scale), rounded = scaled / scale;
                    if (!FixedDecimalText.fits(rounded, decimals)) continue;
                    assertEquals(Double.toString(rounded), new String(text, 0, FixedDecimalText.write(text, (long) scaled, decimals)),
                            v + " at " + decimals + " decimals");
                    checked++;
                }
            }
        }
        assertTrue(checked > 4_000_000, "checked " + checked);
    }

    @Test
    void edgesAndWhereItDoesNotApply() {
        char[] text = new char[24];
        assertEquals("112.0", new String(text, 0, FixedDecimalText.write(text, 1_120_000_000L, 7)));
        assertEquals("-0.001", new String(text, 0, FixedDecimalText.write(text, -10_000L, 7)));
        assertEquals("9999999.999", new String(text, 0, FixedDecimalText.write(text, 9_999_999_999L, 3)));
        assertEquals("34.0000001", new String(text, 0, FixedDecimalText.write(text, 340_000_001L, 7)));
        assertFalse(FixedDecimalText.fits(1e7, 3), "Double.toString writes 1.0E7");
        assertFalse(FixedDecimalText.fits(0.0, 7), "zero keeps Double.toString's 0.0 / -0.0");
        assertFalse(FixedDecimalText.fits(0.0009, 7), "Double.toString writes 9.0E-4");
        assertFalse(FixedDecimalText.fits(112.5, 8), "more decimals than proven");
    }
}
