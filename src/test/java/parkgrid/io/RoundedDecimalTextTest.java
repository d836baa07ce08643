package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-place rounding gives BigDecimal's text, digit for digit. */
class RoundedDecimalTextTest {
    private static String bigDecimal(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String ours(double v, int decimals) {
        StringBuilder sb = new StringBuilder();
        RoundedDecimalText.append(sb, v, decimals);
        return sb.toString();
    }

    @Test
    void edgeCases() {
        double[] values = {0.0, -0.0, 1.0, -1.0, 112.45, 34.123456785, 34.123456775, 34.123456795, 0.999999995, 9.999999995, 99.999999999,
            -99.999999999, -0.000000004, -0.000000005, -0.000000006, 0.000000005, 0.000000015, 1e-9, 1e-3, 1234567.123456789, 1e7, 1.5e7,
            123456789012.345, 0.5, 2.5, 112.000000001, 112.10000000, 5e-324, Double.MAX_VALUE, -Double.MIN_NORMAL};
        for (double v : values) {
            for (int d : new int[] {0, 1, 2, 7, 8}) assertEquals(bigDecimal(v, d), ours(v, d), v + " at " + d);
        }
    }

    @Test
    void randomCoordinatesAndTies() {
        Random r = new Random(42);
        for (int i = 0; i < 300_000; i++) {
            double v = switch (i % 4) {
                case 0 -> (r.nextDouble() - 0.5) * 360;
                case 1 -> Math.round(r.nextDouble() * 1e9) / 1e9 * (r.nextBoolean() ? 1 : -1) * 180; // 9-digit decimals: half-way ties at 8
                case 2 -> (Math.floor(r.nextDouble() * 1e8) + 0.5) / 1e8;
                default -> r.nextGaussian() * Math.pow(10, r.nextInt(14) - 6);
            };
            assertEquals(bigDecimal(v, 8), ours(v, 8), Double.toString(v));
        }
    }
}
