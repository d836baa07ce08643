package parkgrid.filter;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * An immutable CQL2 filter expression, as {@link Cql2TextParser} builds it from text.
 *
 * <p>Literal values are {@link String}, {@link Long} (integer literals), {@link Double} (decimal or
 * exponent literals) or {@link Boolean}; there is no NULL literal, absence is tested with {@link IsNull}.
 * Property names are kept exactly as written (case-sensitive). Negated forms ({@code NOT LIKE},
 * {@code NOT IN}, {@code NOT BETWEEN}, {@code IS NOT NULL}) are represented as a {@link Not} around the
 * positive predicate: under SQL three-valued logic the two are the same.
 *
 * <p>A tree straight from the parser is not checked against any layer; {@link FilterBinder} checks the
 * names and literal types and returns a {@link BoundFilter}, the only form the evaluator and the SQL
 * translation accept.
 */
public sealed interface Filter {

    /** True when every operand is true; operands are flattened, at least two. */
    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
            if (operands.size() < 2) throw new IllegalArgumentException("AND needs at least two operands: " + operands);
        }
    }

    /** True when any operand is true; operands are flattened, at least two. */
    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2) throw new IllegalArgumentException("OR needs at least two operands: " + operands);
        }
    }

    /** Logical negation; NOT of unknown is unknown. */
    record Not(Filter operand) implements Filter {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code TRUE} or {@code FALSE} written as a whole filter or operand of AND/OR/NOT. */
    record Constant(boolean value) implements Filter {}

    /**
     * {@code f(property) op value}, where {@code f} applies {@code functions} (CASEI/ACCENTI, innermost
     * first, empty for none) to the property's value; the parser normalises {@code 5 < p} to {@code p > 5}
     * and has already applied the functions written around the literal.
     */
    record Comparison(String property, List<TextFunction> functions, ComparisonOperator operator, Object value) implements Filter {
        public Comparison {
            Objects.requireNonNull(property, "property");
            functions = List.copyOf(functions);
            Objects.requireNonNull(operator, "operator");
            requireLiteral(value);
        }

        public Comparison(String property, ComparisonOperator operator, Object value) {
            this(property, List.of(), operator, value);
        }
    }

    /**
     * {@code property LIKE pattern}: case-sensitive; {@code %} matches any run of characters, {@code _} one
     * character, and a backslash makes the next character literal ({@code \%}, {@code \_}, {@code \\}).
     */
    record Like(String property, List<TextFunction> functions, String pattern) implements Filter {
        public Like {
            Objects.requireNonNull(property, "property");
            functions = List.copyOf(functions);
            Objects.requireNonNull(pattern, "pattern");
        }

        public Like(String property, String pattern) {
            this(property, List.of(), pattern);
        }
    }

    /** {@code property IN (v1, v2, ...)}: at least one value. */
    record In(String property, List<TextFunction> functions, List<Object> values) implements Filter {
        public In {
            Objects.requireNonNull(property, "property");
            functions = List.copyOf(functions);
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("IN needs at least one value");
            values.forEach(Filter::requireLiteral);
        }

        public In(String property, List<Object> values) {
            this(property, List.of(), values);
        }
    }

    /** {@code property BETWEEN low AND high}, both ends included. */
    record Between(String property, List<TextFunction> functions, Object low, Object high) implements Filter {
        public Between {
            Objects.requireNonNull(property, "property");
            functions = List.copyOf(functions);
            requireLiteral(low);
            requireLiteral(high);
        }

        public Between(String property, Object low, Object high) {
            this(property, List.of(), low, high);
        }
    }

    /** {@code property IS NULL}: true when the feature has no value for it; never unknown. */
    record IsNull(String property) implements Filter {
        public IsNull {
            Objects.requireNonNull(property, "property");
        }
    }

    /**
     * {@code S_xxx(property, geometry)}: the feature geometry compared with a literal geometry whose
     * coordinates are CRS84 longitude/latitude in degrees (the same axis order as EPSG:4326 features here,
     * x = lon, y = lat). The parser normalises {@code S_WITHIN(literal, geom)} to
     * {@code S_CONTAINS(geom, literal)}. After binding the property is {@code geom}.
     */
    record SpatialPredicate(SpatialOperator operator, String property, Geometry geometry) implements Filter {
        public SpatialPredicate {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(geometry, "geometry");
        }
    }

    private static void requireLiteral(Object value) {
        if (!(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean)) {
            throw new IllegalArgumentException("a literal must be a String, Long, Double or Boolean: " + value);
        }
    }
}
