package parkgrid.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import parkgrid.feature.ParkGridException;

/**
 * Splits CQL2 text into {@link Cql2Token}s: words (keywords and unquoted names), "quoted names",
 * 'strings', numbers (an optional sign, digits, optional fraction and exponent), parentheses, commas and
 * the comparison operators. The list always ends with an END token placed one past the last character.
 */
final class Cql2Lexer {
    private final String text;
    private final List<Cql2Token> tokens = new ArrayList<>();
    private int i;

    private Cql2Lexer(String text) {
        this.text = text;
    }

    /** @throws ParkGridException (invalid input) for the filter parameter, naming the position of the bad character */
    static List<Cql2Token> tokens(String text) {
        Cql2Lexer lexer = new Cql2Lexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
            if (i >= text.length()) break;
            char c = text.charAt(i);
            int start = i;
            if (c == '\'') {
                add(Cql2Token.Kind.STRING, quoted('\'', "string"), null, start);
            } else if (c == '"') {
                add(Cql2Token.Kind.QUOTED_NAME, quoted('"', "quoted property name"), null, start);
            } else if (c == '(') {
                i++;
                add(Cql2Token.Kind.LEFT_PAREN, "(", null, start);
            } else if (c == ')') {
                i++;
                add(Cql2Token.Kind.RIGHT_PAREN, ")", null, start);
            } else if (c == ',') {
                i++;
                add(Cql2Token.Kind.COMMA, ",", null, start);
            } else if (c == '=' || c == '<' || c == '>') {
                i++;
                if (i < text.length() && (text.charAt(i) == '=' || (c == '<' && text.charAt(i) == '>'))) i++;
                add(Cql2Token.Kind.OPERATOR, text.substring(start, i), null, start);
            } else if (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                throw Cql2TextParser.syntaxError(start + 1, "'!=' is not a CQL2 operator; use '<>'");
            } else if (isDigit(c) || ((c == '-' || c == '+' || c == '.') && startsNumber(i))) {
                number(start);
            } else if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
                add(Cql2Token.Kind.WORD, text.substring(start, i), null, start);
            } else {
                throw Cql2TextParser.syntaxError(start + 1, "unexpected character '" + c + "'");
            }
        }
        add(Cql2Token.Kind.END, "", null, text.length());
    }

    private boolean startsNumber(int at) {
        int j = at;
        if (text.charAt(j) == '-' || text.charAt(j) == '+') j++;
        if (j < text.length() && text.charAt(j) == '.') j++;
        return j < text.length() && isDigit(text.charAt(j));
    }

    private void number(int start) {
        if (text.charAt(i) == '-' || text.charAt(i) == '+') i++;
        boolean decimal = false;
        while (i < text.length() && isDigit(text.charAt(i))) i++;
        if (i < text.length() && text.charAt(i) == '.') {
            decimal = true;
            i++;
            while (i < text.length() && isDigit(text.charAt(i))) i++;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int mark = i;
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
            if (i >= text.length() || !isDigit(text.charAt(i))) {
                throw Cql2TextParser.syntaxError(mark + 2, "expected digits of the exponent in '" + text.substring(start, i) + "'");
            }
            while (i < text.length() && isDigit(text.charAt(i))) i++;
            decimal = true;
        }
        if (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            throw Cql2TextParser.syntaxError(i + 1, "unexpected character '" + text.charAt(i) + "' after the number '"
                    + text.substring(start, i) + "'");
        }
        String source = text.substring(start, i);
        Object value;
        BigDecimal exact = new BigDecimal(source.startsWith("+") ? source.substring(1) : source);
        if (!decimal && exact.toBigIntegerExact().bitLength() < 64) {
            value = exact.longValueExact();
        } else {
            double d = exact.doubleValue();
            if (!Double.isFinite(d)) throw Cql2TextParser.syntaxError(start + 1, "the number '" + source + "' is out of range");
            value = d;
        }
        add(Cql2Token.Kind.NUMBER, source, value, start);
    }

    /** Reads a quote-delimited run in which a doubled quote stands for one; i is at the opening quote. */
    private String quoted(char quote, String what) {
        int start = i;
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
            if (i >= text.length()) {
                throw Cql2TextParser.syntaxError(start + 1, what + " starting here is not closed (expected " + quote + ")");
            }
            char c = text.charAt(i++);
            if (c != quote) {
                sb.append(c);
            } else if (i < text.length() && text.charAt(i) == quote) {
                sb.append(quote);
                i++;
            } else {
                return sb.toString();
            }
        }
    }

    private void add(Cql2Token.Kind kind, String tokenText, Object value, int zeroBasedStart) {
        tokens.add(new Cql2Token(kind, tokenText, value, zeroBasedStart + 1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
