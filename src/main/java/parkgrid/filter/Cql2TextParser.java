package parkgrid.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.SupportedCrs;

/**
 * Parses the CQL2 Text described in {@link parkgrid.filter} into a {@link Filter}, by recursive descent
 * over the tokens of {@link Cql2Lexer}. Precedence is NOT over AND over OR; parentheses group. Keywords
 * and function names are case-insensitive, property names are kept as written.
 *
 * <p>Geometry literals are WKT ({@code POINT(x y)}, ..., {@code GEOMETRYCOLLECTION(...)},
 * {@code BBOX(min1, min2, max1, max2)}) in the axis order of the literal CRS ({@code filter-crs}; CRS84
 * longitude then latitude by default); the result is converted to CRS84 lon/lat with SRID 4326 and
 * checked for the coordinate ranges and OGC validity, so swapped axes are reported, not silently matched
 * (see {@link GeometryLiteralReader}).
 *
 * <p>Usage: {@code Filter f = Cql2TextParser.parse("population > 5 AND CASEI(name_en) LIKE casei('dong%')");}
 */
public final class Cql2TextParser {
    /** Deeper nesting is rejected rather than risking a stack overflow on hostile input. */
    static final int MAX_DEPTH = 64;
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "IN", "BETWEEN", "IS", "NULL", "TRUE", "FALSE");

    private final String text;
    private final SupportedCrs crs;
    private Cql2TokenCursor cursor;
    private int depth;
    private Filter filter;

    /**
     * @param crs the CRS of the geometry literals ({@code filter-crs})
     * @throws IllegalArgumentException when {@code text} or {@code crs} is null
     */
    public Cql2TextParser(String text, SupportedCrs crs) {
        if (text == null) throw new IllegalArgumentException("filter text is null");
        if (crs == null) throw new IllegalArgumentException("filter CRS is null");
        this.text = text;
        this.crs = crs;
    }

    /**
     * Parses {@code text} as CQL2 Text with geometry literals in CRS84.
     *
     * @throws ParkGridException (invalid input) for parameter {@code filter}, with a detail naming the 1-based position
     *                           and what was expected there
     */
    public static Filter parse(String text) {
        return parse(text, SupportedCrs.CRS84);
    }

    /** Parses {@code text} with geometry literals in {@code crs}. @throws ParkGridException as {@link #parse(String)} */
    public static Filter parse(String text, SupportedCrs crs) {
        return new Cql2TextParser(text, crs).getFilter();
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

    /** The one way syntax errors are reported: invalid input on {@code filter} with the 1-based position. */
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

    static void addFlattened(List<Filter> operands, Filter f, Class<? extends Filter> kind) {
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
        if ((t.isKeyword("TRUE") || t.isKeyword("FALSE")) && cursor.peek(1).kind() != Cql2Token.Kind.OPERATOR) {
            advance();
            return new Filter.Constant(t.isKeyword("TRUE"));
        }
        if (isFunctionCall()) {
            SpatialOperator op = SpatialOperator.fromName(t.text());
            if (op != null) return spatialPredicate(op);
            if (!isScalarFunction(t)) throw unknownFunction(t);
        }
        Operand left = operand("a filter expression");
        return predicate(left);
    }

    private void enter(Cql2Token t) {
        if (++depth > MAX_DEPTH) throw syntaxError(t.position(), "the filter nests deeper than " + MAX_DEPTH + " levels");
    }

    // ---- predicates

    /** A property with the text functions applied to it (innermost first), or a literal with them already applied. */
    private record Operand(String property, Object literal, Cql2Token token, List<TextFunction> functions) {
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
            return left.isProperty() ? new Filter.Comparison(left.property(), left.functions(), op, right.literal())
                    : new Filter.Comparison(right.property(), right.functions(), op.converse(), left.literal());
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
            Cql2Token at = peek();
            Object pattern = literal("a 'string' pattern after LIKE");
            if (!(pattern instanceof String p)) throw syntaxError(at.position(), "expected a 'string' pattern after LIKE but found " + at.describe());
            if (LikePattern.endsWithEscape(p)) {
                throw syntaxError(at.position(), "the LIKE pattern ends with the escape character '\\'");
            }
            f = new Filter.Like(property, left.functions(), p);
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
            f = new Filter.In(property, left.functions(), values);
        } else if (t.isKeyword("BETWEEN")) {
            String property = requireProperty(left, "BETWEEN");
            advance();
            Object low = literal("a value after BETWEEN");
            Cql2Token and = peek();
            if (!and.isKeyword("AND")) throw syntaxError(and.position(), "expected AND in BETWEEN ... AND ... but found " + and.describe());
            advance();
            Object high = literal("a value after BETWEEN ... AND");
            f = new Filter.Between(property, left.functions(), low, high);
        } else if (t.isKeyword("IS")) {
            // CASEI and ACCENTI are null exactly when their argument is, so IS NULL looks at the property itself
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
                return new Operand(t.text(), null, t, List.of());
            case STRING:
                advance();
                return new Operand(null, t.text(), t, List.of());
            case NUMBER:
                advance();
                return new Operand(null, t.value(), t, List.of());
            case WORD:
                if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
                    advance();
                    return new Operand(null, t.isKeyword("TRUE"), t, List.of());
                }
                if (isFunctionCall()) {
                    if (TextFunction.fromName(t.text()) != null) return textFunction(t);
                    if (t.isKeyword("DATE") || t.isKeyword("TIMESTAMP")) return new Operand(null, instant(), t, List.of());
                    throw unknownFunction(t);
                }
                if (!RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
                    advance();
                    return new Operand(t.text(), null, t, List.of());
                }
                break;
            default:
                break;
        }
        throw syntaxError(t.position(), "expected " + expected + " but found " + t.describe());
    }

    /** {@code CASEI(x)} or {@code ACCENTI(x)}: on a property it is kept, on a string literal it is applied now. */
    private Operand textFunction(Cql2Token name) {
        TextFunction function = TextFunction.fromName(name.text());
        advance();
        expect(Cql2Token.Kind.LEFT_PAREN, "'(' after " + name.text());
        enter(name);
        Operand inner = operand("a property or 'string' in " + name.text());
        depth--;
        expect(Cql2Token.Kind.RIGHT_PAREN, "')' to close " + name.text());
        if (inner.isProperty()) {
            List<TextFunction> functions = new ArrayList<>(inner.functions());
            functions.add(function);
            return new Operand(inner.property(), null, inner.token(), functions);
        }
        if (!(inner.literal() instanceof String s)) {
            throw syntaxError(inner.token().position(), name.text() + " needs a string or a string property but found " + inner.token().describe());
        }
        return new Operand(null, function.apply(s), name, List.of());
    }

    /** {@code DATE('2024-05-01')} or {@code TIMESTAMP('2024-05-01T08:30:00Z')}, as its RFC 3339 string. */
    private String instant() {
        Cql2Token name = advance();
        expect(Cql2Token.Kind.LEFT_PAREN, "'(' after " + name.text());
        Cql2Token value = expect(Cql2Token.Kind.STRING, "a 'string' in " + name.text());
        expect(Cql2Token.Kind.RIGHT_PAREN, "')' to close " + name.text());
        try {
            return name.isKeyword("DATE") ? TemporalLiteral.date(value.text()) : TemporalLiteral.timestamp(value.text());
        } catch (IllegalArgumentException e) {
            throw syntaxError(value.position(), e.getMessage());
        }
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
            return syntaxError(t.position(), "a geometry literal can only be an argument of " + SpatialOperator.names());
        }
        return syntaxError(t.position(), "unknown function '" + t.text() + "'; supported are " + SpatialOperator.names()
                + ", CASEI, ACCENTI, DATE and TIMESTAMP");
    }

    private static boolean isScalarFunction(Cql2Token t) {
        return TextFunction.fromName(t.text()) != null || t.isKeyword("DATE") || t.isKeyword("TIMESTAMP");
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
        if (first instanceof Geometry a && second instanceof Geometry b) return new Filter.Constant(op.test(a, b));
        throw syntaxError(name.position(), name.text() + " needs a geometry literal as one argument; comparing the geometry with itself"
                + " or another property is not supported");
    }

    /** A property name (String) or a geometry literal (Geometry, CRS84). */
    private Object spatialArgument(Cql2Token function) {
        Cql2Token t = peek();
        if (GeometryLiteralReader.startsAt(cursor)) return new GeometryLiteralReader(cursor, crs).read();
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
