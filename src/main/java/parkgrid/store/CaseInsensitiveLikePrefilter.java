package parkgrid.store;

import java.util.List;
import parkgrid.filter.Filter;
import parkgrid.filter.TextFunction;

/**
 * An SQLite condition every row matching {@code CASEI(property) LIKE 'pattern'} satisfies, so that the
 * GeoPackage store reads only those rows and Java ({@link parkgrid.filter.FilterEvaluator}) decides the rest
 * exactly: SQLite's {@code lower()} knows only ASCII, so CASEI itself cannot be SQL there, and without this
 * every row of the layer would be read and decoded (a name search of a 200 000-feature layer: ~1.2 s).
 *
 * <p>The condition is {@code (col LIKE pattern ESCAPE '\' OR col GLOB '*[S]*')}, where SQLite's LIKE ignores
 * ASCII case and S are the non-ASCII characters whose CASEI value holds an ASCII character ({@code ß} →
 * {@code ss}, {@code ﬁ} → {@code fi}, the Kelvin sign → {@code k}, {@code İ} → {@code i̇}, {@code ı} → {@code i} …,
 * computed from {@link TextFunction#CASEI} itself). Why it holds: in a value without a character of S, every
 * ASCII character of its CASEI value comes from one ASCII character of the value, lowered; so each run of
 * the pattern's ASCII literals found in the CASEI value is found in the value, ignoring ASCII case, at the
 * same anchoring. It is written only for a pattern whose literals are all ASCII and that has no {@code _}
 * (one character of the CASEI value need not be one of the value: {@code ß} is two), for CASEI alone (not
 * ACCENTI, which turns most Latin letters into ASCII), outside NOT; otherwise there is none.
 */
final class CaseInsensitiveLikePrefilter {
    /** The non-ASCII characters whose CASEI value holds an ASCII character, as a GLOB bracket expression's body. */
    private static final String FOLDING_TO_ASCII = foldingToAscii();

    private CaseInsensitiveLikePrefilter() {}

    /**
     * The condition for {@code like} on {@code column}, its parameters appended to {@code params}; null (and
     * nothing appended) when the LIKE is not one the condition holds for.
     */
    static String sql(String column, Filter.Like like, List<Object> params) {
        if (!like.functions().equals(List.of(TextFunction.CASEI)) || !isAsciiWithoutOneCharacterWildcard(like.pattern())) return null;
        params.add(like.pattern());
        params.add(glob());
        return "(" + column + " LIKE ? ESCAPE '\\' OR " + column + " GLOB ?)";
    }

    /** The GLOB pattern for "holds one of the characters whose CASEI value holds an ASCII character". */
    static String glob() {
        return "*[" + FOLDING_TO_ASCII + "]*";
    }

    private static boolean isAsciiWithoutOneCharacterWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c >= 0x80) return false;
            if (c == '\\' && i + 1 < pattern.length()) i++; // an escaped character is a literal
            else if (c == '_') return false;
        }
        return true;
    }

    /**
     * The set as a bracket body, runs of consecutive code points written as ranges ({@code İ-ı}, {@code ﬀ-ﬆ}): SQLite
     * tests a bracket item by item at every character of every row, and the 19 characters are 9 items so (a search
     * of 200 000 lines: 0.31 → 0.21 s in SQLite).
     */
    private static String foldingToAscii() {
        StringBuilder s = new StringBuilder();
        int runStart = -1, previous = -2;
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT + 1; cp++) {
            boolean folds = cp <= Character.MAX_CODE_POINT && Character.isDefined(cp)
                    && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                    && TextFunction.CASEI.apply(new String(Character.toChars(cp))).chars().anyMatch(c -> c < 0x80);
            if (folds && cp == previous + 1) {
                previous = cp;
                continue;
            }
            if (runStart >= 0) {
                s.appendCodePoint(runStart);
                if (previous > runStart) s.append(previous > runStart + 1 ? "-" : "").appendCodePoint(previous);
            }
            runStart = folds ? cp : -1;
            previous = folds ? cp : -2;
        }
        // none of them is ']', '^' or '-' (all ASCII), so the bracket expression needs no escaping
        return s.toString();
    }
}
