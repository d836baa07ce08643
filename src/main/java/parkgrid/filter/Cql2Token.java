package parkgrid.filter;

/**
 * One lexical token of CQL2 text.
 *
 * @param kind     what the token is
 * @param text     a word or quoted name as written (quotes removed, {@code ""} unescaped), a string's
 *                 value ({@code ''} unescaped), a number's source text, or a punctuation symbol
 * @param value    the number value ({@link Long} or {@link Double}) for {@link Kind#NUMBER}, else null
 * @param position 1-based character offset of the token's first character in the filter text
 */
record Cql2Token(Kind kind, String text, Object value, int position) {
    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, LEFT_PAREN, RIGHT_PAREN, COMMA, OPERATOR, END }

    /** True for an unquoted word equal to {@code keyword}, ignoring case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** How an error message names this token. */
    String describe() {
        return switch (kind) {
            case END -> "end of text";
            case STRING -> "string '" + text.replace("'", "''") + "'";
            case QUOTED_NAME -> "\"" + text.replace("\"", "\"\"") + "\"";
            default -> "'" + text + "'";
        };
    }
}
