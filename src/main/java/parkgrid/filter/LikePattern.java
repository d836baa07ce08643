package parkgrid.filter;

import java.util.regex.Pattern;

/**
 * A CQL2 LIKE pattern: {@code %} matches any run of characters (also none), {@code _} exactly one, and a
 * backslash makes the next character literal. Matching is case-sensitive. The pattern is translated once
 * into the form each matcher needs: a Java regex, an SQLite GLOB pattern (SQLite's LIKE ignores ASCII case,
 * GLOB does not), or passed unchanged to PostgreSQL, whose LIKE has the same wildcards and escape.
 */
public final class LikePattern {
    private LikePattern() {}

    /** True when the pattern ends in a backslash that escapes nothing (PostgreSQL rejects such a pattern). */
    static boolean endsWithEscape(String pattern) {
        boolean escaped = false;
        for (int i = 0; i < pattern.length(); i++) {
            escaped = !escaped && pattern.charAt(i) == '\\';
        }
        return escaped;
    }

    /** A regex matching exactly the strings the pattern matches (use with {@code matcher(s).matches()}). */
    static Pattern toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                flush(regex, literal);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(regex, literal);
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
        literal.setLength(0);
    }

    /** The SQLite GLOB pattern with the same, case-sensitive, meaning: {@code * ? [*] [?] [[]}. */
    public static String toGlob(String pattern) {
        StringBuilder glob = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean escaped = c == '\\' && i + 1 < pattern.length();
            if (escaped) c = pattern.charAt(++i);
            if (!escaped && c == '%') glob.append('*');
            else if (!escaped && c == '_') glob.append('?');
            else if (c == '*' || c == '?' || c == '[') glob.append('[').append(c).append(']');
            else glob.append(c);
        }
        return glob.toString();
    }
}
