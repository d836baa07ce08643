package parkgrid.geo;

/**
 * The text of a coordinate already rounded to {@code decimals} places, written from the scaled integer instead of by
 * {@link Double#toString}: the integer part, a point, the fraction without trailing zeros ({@code .0} when it is whole).
 * For the magnitudes where {@code Double.toString} writes plain decimals (1e-3 ≤ |v| < 1e7) and at most 7 decimals (at
 * most 14 significant digits, far from the 17 where doubles and decimals part ways) this is exactly the text
 * {@code Double.toString} gives for {@code rint(v · 10^decimals) / 10^decimals}, so the output does not change; it is
 * about four times cheaper, and coordinates are most of an export's bytes. {@link #fits} says when it applies.
 */
final class FixedDecimalText {
    /** The most decimals for which the text is proven equal ({@code FixedDecimalTextTest}). */
    static final int MAX_DECIMALS = 7;
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

    private FixedDecimalText() {}

    /** True when {@link #write} gives {@code Double.toString(rounded)} for a value rounded to {@code decimals}. */
    static boolean fits(double rounded, int decimals) {
        double a = Math.abs(rounded);
        return decimals >= 0 && decimals <= MAX_DECIMALS && a >= 1e-3 && a < 1e7;
    }

    /**
     * Writes {@code scaled / 10^decimals} into {@code out} (at least 24 chars) and returns the length.
     *
     * @param scaled the rounded value times 10^decimals, as a whole number
     */
    static int write(char[] out, long scaled, int decimals) {
        int n = 0;
        if (scaled < 0) {
            out[n++] = '-';
            scaled = -scaled;
        }
        long unit = POWERS[decimals];
        long whole = scaled / unit, fraction = scaled % unit;
        n = digits(out, n, whole);
        out[n++] = '.';
        if (fraction == 0) {
            out[n++] = '0';
            return n;
        }
        int places = decimals;
        while (fraction % 10 == 0) { // trailing zeros go
            fraction /= 10;
            places--;
        }
        for (int i = n + places - 1; i >= n; i--) {
            out[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return n + places;
    }

    private static int digits(char[] out, int at, long v) {
        if (v == 0) {
            out[at] = '0';
            return at + 1;
        }
        int len = 0;
        for (long t = v; t > 0; t /= 10) len++;
        for (int i = at + len - 1; i >= at; i--) {
            out[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return at + len;
    }
}
