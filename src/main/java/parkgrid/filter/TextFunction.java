package parkgrid.filter;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The CQL2 string functions {@code CASEI} and {@code ACCENTI}, decided identically in Java ({@link #apply})
 * and in PostgreSQL ({@code parkgrid.store.FilterSql} writes the same steps in SQL). Both return null for null.
 *
 * <ul>
 *   <li>{@code CASEI}: the full Unicode upper-case mapping followed by the full lower-case mapping (root
 *       locale), so {@code 'Straße'} and {@code 'STRASSE'} fold alike; scripts without case such as
 *       Chinese ({@code 程村}) are unchanged. PostgreSQL computes it with the ICU root collation
 *       {@code "und-x-icu"}, whose mappings are the ones Java uses, whatever the database's locale.</li>
 *   <li>{@code ACCENTI}: canonical decomposition (NFD), removal of the combining diacritical marks
 *       (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F), replacement of the letters with a
 *       stroke that have no decomposition ({@value #STROKED} by {@value #UNSTROKED}), then recomposition
 *       (NFC): {@code 'Dōngyuántóu'} becomes {@code 'Dongyuantou'}, {@code 'København'} {@code 'Kobenhavn'};
 *       Chinese and Korean text is unchanged.</li>
 * </ul>
 */
public enum TextFunction {
    CASEI, ACCENTI;

    /** The combining marks ACCENTI removes, as a regular expression both Java and PostgreSQL read alike. */
    public static final String COMBINING_MARKS = "[\\u0300-\\u036F\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F]";
    /** Letters with a stroke or bar that NFD does not decompose, and their plain letters, position by position. */
    public static final String STROKED = "ØøŁłĐđĦħŦŧıƗɨƵƶǤǥ";
    public static final String UNSTROKED = "OoLlDdHhTtiIiZzGg";
    private static final Pattern MARKS = Pattern.compile(COMBINING_MARKS);

    /** The function's value for {@code s}; null for null. */
    public String apply(String s) {
        if (s == null) return null;
        if (this == CASEI) return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String stripped = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder sb = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            int k = STROKED.indexOf(c);
            sb.append(k < 0 ? c : UNSTROKED.charAt(k));
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    /** Applies {@code functions} in order (innermost first) to {@code s}; null stays null. */
    static String applyAll(java.util.List<TextFunction> functions, String s) {
        String v = s;
        for (TextFunction f : functions) v = f.apply(v);
        return v;
    }

    /** The function named (case-insensitive), or null. */
    static TextFunction fromName(String name) {
        for (TextFunction f : values()) {
            if (f.name().equals(name.toUpperCase(Locale.ROOT))) return f;
        }
        return null;
    }
}
