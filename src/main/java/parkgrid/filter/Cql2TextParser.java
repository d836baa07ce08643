package parkgrid.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.ParkGridException;

/**
 * Parses the CQL2 Text subset described in {@link parkgrid.filter} into a {@link Filter}, by recursive
 * descent over the tokens of {@link Cql2Lexer}. Precedence is NOT over AND over OR; parentheses group.
 * Keywords are case-insensitive, property names are kept as written.
 *
 * <p>Geometry literals are WKT-like ({@code POINT(lon lat)}, ..., {@code BBOX(minlon,minlat,maxlon,maxlat)})
 * with coordinates in CRS84 order, longitude then latitude in degrees; the result has SRID 4326 and is
 * checked for the coordinate ranges and OGC validity, so swapped axes are reported, not silently matched
 * (see {@link GeometryLiteralReader}).
 *
 * <p>Usage: {@code Filter f = Cql2TextParser.parse("population > 5 AND name LIKE 'Ru%'");}
 */
public final class Cql2TextParser {
    /** Deeper nesting is rejected rather than risking a stack overflow on hostile input. */
    static final int MAX_DEPTH = 64;
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "IN", "BETWEEN", "IS", "NULL", "TRUE", "FALSE");
    private static final String SPATIAL_NAMES = "S_INTERSECTS, S_WITHIN, S_CONTAINS, S_DISJOINT";

    private final String text;
    private Cql2TokenCursor cursor;
    private int depth;
    private Filter filter;

    /** @throws IllegalArgumentException when {@code text} is null */
    public Cql2TextParser(String text) {
        if (text == null) throw new IllegalArgumentException("filter text is null");
        this.text = text;
    }

    /**
     * Parses {@code text} as CQL2 Text.
     *
     * @throws ParkGridException 400 for parameter {@code filter}, with a detail naming the 1-based position
     *                           and what was expected there
     */
    public static Filter parse(String text) {
        return new Cql2TextParser(text).getFilter();
    }

    /** The parsed filter; parses on the first call. @throws ParkGridException as {@link #parse} */
    public Filter getFilter() {
        if (filter == null) compute();
        return filter;
    }

    private void compute() {
        cursor = new Cql2TokenCursor(Cql2Lexer.tokens(text));
        if (peek().kind() == Cql2Token.Kind.END) throw syntaxError(peek().position(), "expected a filter expression but found end of text");
        Filter f = orExpression();
        if (peek().kind() != Cql2Token.Kind.END) {
            throw syntaxError(peek().position(), "expected AND, OR or end of text but found " + peek().describe());
        }
        filter = f;
    }

    /** The one way syntax errors are reported: 400 on {@code filter} with the 1-based position. */
    static ParkGridException syntaxError(int position, String message) {
        return ParkGridException.invalidParameter("filter", "filter: at position " + position + ": " + message);
    }

    // ---- boolean structure

    private Filter orExpression() {
        List<Filter> operands = new ArrayList<>();
        addFlattened(operands, andExpression(), Filter.Or.class);
        while (peek().isKeyword("OR")) {
            advance();
            addFlattened(operands, andExpression(), Filter.Or.class);
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.Or(operands);
    }

    private Filter andExpression() {
        List<Filter> operands = new ArrayList<>();
        addFlattened(operands, notExpression(), Filter.And.class);
        while (peek().isKeyword("AND")) {
            advance();
            addFlattened(operands, notExpression(), Filter.And.class);
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.And(operands);
    }

    private static void addFlattened(List<Filter> operands, Filter f, Class<? extends Filter> kind) {
        if (f instanceof Filter.And a && kind == Filter.And.class) operands.addAll(a.operands());
        else if (f instanceof Filter.Or o && kind == Filter.Or.class) operands.addAll(o.operands());
        else operands.add(f);
    }

    private Filter notExpression() {
        if (!peek().isKeyword("NOT")) return primary();
        Cql2Token not = advance();
        enter(not);
        Filter operand = notExpression();
        depth--;
        return new Filter.Not(operand);
    }

    private Filter primary() {
        Cql2Token t = peek();
        if (t.kind() == Cql2Token.Kind.LEFT_PAREN) {
            advance();
            enter(t);
            Filter inner = orExpression();
            depth--;
            expect(Cql2Token.Kind.RIGHT_PAREN, "')' to close the '(' at position " + t.position());
            return inner;
        }
        if (isFunctionCall()) {
            SpatialOperator op = SpatialOperator.fromName(t.text());
            if (op == null) throw unknownFunction(t);
            return spatialPredicate(op);
        }
        Operand left = operand("a filter expression");
        return predicate(left);
    }

    private void enter(Cql2Token t) {
        if (++depth > MAX_DEPTH) throw syntaxError(t.position(), "the filter nests deeper than " + MAX_DEPTH + " levels");
    }

    // ---- predicates

    private record Operand(String property, Object literal, Cql2Token token) {
        boolean isProperty() { return property != null; }
    }

    private Filter predicate(Operand left) {
        Cql2Token t = peek();
        if (t.kind() == Cql2Token.Kind.OPERATOR) {
            advance();
            ComparisonOperator op = ComparisonOperator.fromSymbol(t.text());
            Operand right = operand("a value after '" + t.text() + "'");
            if (left.isProperty() && right.isProperty()) {
                throw syntaxError(left.token().position(), "comparing two properties ('" + left.property() + "' and '"
                        + right.property() + "') is not supported; compare a property with a value");
            }
            if (!left.isProperty() && !right.isProperty()) {
                throw syntaxError(left.token().position(), "one side of '" + t.text() + "' must be a property name");
            }
            return left.isProperty() ? new Filter.Comparison(left.property(), op, right.literal())
                    : new Filter.Comparison(right.property(), op.converse(), left.literal());
        }
        boolean negated = false;
        if (t.isKeyword("NOT")) {
            advance();
            negated = true;
            t = peek();
            if (!t.isKeyword("LIKE") && !t.isKeyword("IN") && !t.isKeyword("BETWEEN")) {
                throw syntaxError(t.position(), "expected LIKE, IN or BETWEEN after NOT but found " + t.describe());
            }
        }
        Filter f;
        if (t.isKeyword("LIKE")) {
            String property = requireProperty(left, "LIKE");
            advance();
            Cql2Token pattern = expect(Cql2Token.Kind.STRING, "a 'string' pattern after LIKE");
            if (LikePattern.endsWithEscape(pattern.text())) {
                throw syntaxError(pattern.position(), "the LIKE pattern ends with the escape character '\\'");
            }
            f = new Filter.Like(property, pattern.text());
        } else if (t.isKeyword("IN")) {
            String property = requireProperty(left, "IN");
            advance();
            expect(Cql2Token.Kind.LEFT_PAREN, "'(' to open the IN list");
            List<Object> values = new ArrayList<>();
            values.add(literal("a value in the IN list"));
            while (peek().kind() == Cql2Token.Kind.COMMA) {
                advance();
                values.add(literal("a value after ','"));
            }
            expect(Cql2Token.Kind.RIGHT_PAREN, "',' or ')' in the IN list");
            f = new Filter.In(property, values);
        } else if (t.isKeyword("BETWEEN")) {
            String property = requireProperty(left, "BETWEEN");
            advance();
            Object low = literal("a value after BETWEEN");
            Cql2Token and = peek();
            if (!and.isKeyword("AND")) throw syntaxError(and.position(), "expected AND in BETWEEN ... AND ... but found " + and.describe());
            advance();
            Object high = literal("a value after BETWEEN ... AND");
            f = new Filter.Between(property, low, high);
        } else if (t.isKeyword("IS")) {
            String property = requireProperty(left, "IS NULL");
            advance();
            if (peek().isKeyword("NOT")) {
                advance();
                negated = true;
            }
            Cql2Token nul = peek();
            if (!nul.isKeyword("NULL")) throw syntaxError(nul.position(), "expected NULL after IS but found " + nul.describe());
            advance();
            f = new Filter.IsNull(property);
        } else {
            throw syntaxError(t.position(), "expected an operator (=, <>, <, <=, >, >=, LIKE, IN, BETWEEN or IS NULL) after "
                    + left.token().describe() + " but found " + t.describe());
        }
        return negated ? new Filter.Not(f) : f;
    }

    private String requireProperty(Operand left, String operator) {
        if (!left.isProperty()) {
            throw syntaxError(left.token().position(), operator + " needs a property name on its left but found " + left.token().describe());
        }
        return left.property();
    }

    private Operand operand(String expected) {
        Cql2Token t = peek();
        switch (t.kind()) {
            case QUOTED_NAME:
                advance();
                return new Operand(t.text(), null, t);
            case STRING:
                advance();
                return new Operand(null, t.text(), t);
            case NUMBER:
                advance();
                return new Operand(null, t.value(), t);
            case WORD:
                if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
                    advance();
                    return new Operand(null, t.isKeyword("TRUE"), t);
                }
                if (isFunctionCall()) throw unknownFunction(t);
                if (!RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
                    advance();
                    return new Operand(t.text(), null, t);
                }
                break;
            default:
                break;
        }
        throw syntaxError(t.position(), "expected " + expected + " but found " + t.describe());
    }

    private Object literal(String expected) {
        Cql2Token t = peek();
        Operand o = operand(expected);
        if (o.isProperty()) throw syntaxError(t.position(), "expected " + expected + " but found the property name " + t.describe());
        return o.literal();
    }

    private ParkGridException unknownFunction(Cql2Token t) {
        String name = t.text().toUpperCase(Locale.ROOT);
        if (GeometryLiteralReader.TYPES.contains(name)) {
            return syntaxError(t.position(), "a geometry literal can only be an argument of " + SPATIAL_NAMES);
        }
        return syntaxError(t.position(), "unknown function '" + t.text() + "'; supported are " + SPATIAL_NAMES);
    }

    private boolean isFunctionCall() {
        return peek().kind() == Cql2Token.Kind.WORD && cursor.peekSecond().kind() == Cql2Token.Kind.LEFT_PAREN
                && !RESERVED.contains(peek().text().toUpperCase(Locale.ROOT));
    }

    // ---- spatial predicates and geometry literals

    private Filter spatialPredicate(SpatialOperator op) {
        Cql2Token name = advance();
        expect(Cql2Token.Kind.LEFT_PAREN, "'(' after " + name.text());
        Object first = spatialArgument(name);
        expect(Cql2Token.Kind.COMMA, "',' between the arguments of " + name.text());
        Object second = spatialArgument(name);
        expect(Cql2Token.Kind.RIGHT_PAREN, "')' to close " + name.text());
        if (first instanceof String p && second instanceof Geometry g) return new Filter.SpatialPredicate(op, p, g);
        if (first instanceof Geometry g && second instanceof String p) return new Filter.SpatialPredicate(op.converse(), p, g);
        throw syntaxError(name.position(), name.text() + " needs one geometry property and one geometry literal");
    }

    /** A property name (String) or a geometry literal (Geometry). */
    private Object spatialArgument(Cql2Token function) {
        Cql2Token t = peek();
        if (GeometryLiteralReader.startsAt(cursor)) return new GeometryLiteralReader(cursor).read();
        if (t.kind() == Cql2Token.Kind.QUOTED_NAME
                || (t.kind() == Cql2Token.Kind.WORD && !RESERVED.contains(t.text().toUpperCase(Locale.ROOT)) && !isFunctionCall())) {
            advance();
            return t.text();
        }
        throw syntaxError(t.position(), "expected a geometry property or a geometry literal (" + String.join(", ", GeometryLiteralReader.TYPES) + ") in "
                + function.text() + " but found " + t.describe());
    }

    // ---- token cursor

    private Cql2Token peek() {
        return cursor.peek();
    }

    private Cql2Token advance() {
        return cursor.advance();
    }

    private Cql2Token expect(Cql2Token.Kind kind, String expected) {
        return cursor.expect(kind, expected);
    }
}
