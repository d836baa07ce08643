package parkgrid.io;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A number as KML writes it: {@code BigDecimal.valueOf(v).setScale(decimals, HALF_EVEN).stripTrailingZeros()
 * .toPlainString()} — the shortest decimal of the double, rounded half-even — made by rounding the digits of
 * {@link Double#toString} in place, without the four BigDecimal and BigInteger objects per ordinate (most of a KML
 * export's CPU). Values whose text has an exponent go the BigDecimal way.
 */
final class RoundedDecimalText {
    private RoundedDecimalText() {}

    static void append(StringBuilder out, double v, int decimals) {
        String s = Double.toString(v);
        if (s.indexOf('E') >= 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            out.append(BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString());
            return;
        }
        boolean negative = s.charAt(0) == '-';
        int point = s.indexOf('.');
        // the digits without sign and point, and how many of them are whole
        char[] digits = new char[s.length() + 1];
        int n = 0;
        for (int i = negative ? 1 : 0; i < s.length(); i++) if (i != point) digits[n++] = s.charAt(i);
        int whole = point - (negative ? 1 : 0);
        int keep = Math.min(n, whole + decimals);
        if (keep < n && roundsUp(digits, keep, n)) {
            int i = keep - 1;
            while (i >= 0 && digits[i] == '9') digits[i--] = '0';
            if (i >= 0) {
                digits[i]++;
            } else { // 9.99… → 10.0…: one more whole digit
                System.arraycopy(digits, 0, digits, 1, keep);
                digits[0] = '1';
                keep++;
                whole++;
            }
        }
        int end = keep;
        while (end > whole && digits[end - 1] == '0') end--;
        int start = 0;
        while (start < whole - 1 && digits[start] == '0') start++;
        boolean zero = true;
        for (int i = start; i < end; i++) {
            if (digits[i] != '0') {
                zero = false;
                break;
            }
        }
        if (zero) {
            out.append('0');
            return;
        }
        if (negative) out.append('-');
        out.append(digits, start, whole - start);
        if (end > whole) out.append('.').append(digits, whole, end - whole);
    }

    /** Half-even: up past half, down below it, to the even digit at exactly half. */
    private static boolean roundsUp(char[] digits, int keep, int n) {
        char next = digits[keep];
        if (next != '5') return next > '5';
        for (int i = keep + 1; i < n; i++) if (digits[i] != '0') return true;
        return keep > 0 && (digits[keep - 1] - '0') % 2 == 1;
    }
}
