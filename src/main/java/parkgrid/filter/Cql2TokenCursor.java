package parkgrid.filter;

import java.util.List;

/** A read position in a token list that ends with an END token; reading past END stays on END. */
final class Cql2TokenCursor {
    private final List<Cql2Token> tokens;
    private int next;

    Cql2TokenCursor(List<Cql2Token> tokens) {
        if (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() != Cql2Token.Kind.END) {
            throw new IllegalArgumentException("token list must end with END: " + tokens);
        }
        this.tokens = List.copyOf(tokens);
    }

    Cql2Token peek() {
        return tokens.get(next);
    }

    /** The token after the next one (END when there is none). */
    Cql2Token peekSecond() {
        return tokens.get(Math.min(next + 1, tokens.size() - 1));
    }

    /** The token {@code ahead} places after the next one (0 is the next one; END when there is none). */
    Cql2Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    Cql2Token advance() {
        Cql2Token t = tokens.get(next);
        if (t.kind() != Cql2Token.Kind.END) next++;
        return t;
    }

    boolean acceptComma() {
        if (peek().kind() != Cql2Token.Kind.COMMA) return false;
        advance();
        return true;
    }

    /** @throws parkgrid.feature.ParkGridException naming the position when the next token is not {@code kind} */
    Cql2Token expect(Cql2Token.Kind kind, String expected) {
        Cql2Token t = peek();
        if (t.kind() != kind) throw Cql2TextParser.syntaxError(t.position(), "expected " + expected + " but found " + t.describe());
        return advance();
    }
}
