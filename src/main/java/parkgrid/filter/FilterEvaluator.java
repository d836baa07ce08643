package parkgrid.filter;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import parkgrid.feature.Feature;

/**
 * Decides a {@link BoundFilter} on a {@link Feature} in Java, with the same answers as the SQL of
 * {@code parkgrid.store.FilterSql}: a feature matches only when the filter is TRUE under SQL three-valued logic, so a
 * comparison, LIKE, IN or BETWEEN with a null (absent) property is unknown, NOT unknown is unknown, and
 * unknown never matches. {@code IS NULL} is never unknown.
 *
 * <p>Strings compare by Unicode code point (as PostgreSQL's {@code "C"} collation and SQLite's BINARY);
 * LIKE is case-sensitive unless CASEI is applied ({@link TextFunction} decides CASEI and ACCENTI). Numbers compare by value across {@code Long} and {@code Double}. Spatial
 * predicates compare the feature geometry (EPSG:4326, x = lon, y = lat) with the literal in the same
 * planar degree space, using a {@link PreparedGeometry} of the literal prepared once per evaluator.
 *
 * <p>An evaluator is immutable once built and may be shared between threads (JTS prepared geometries
 * are thread-safe).
 */
public final class FilterEvaluator {
    private enum Truth {
        TRUE, FALSE, UNKNOWN;

        static Truth of(boolean b) { return b ? TRUE : FALSE; }

        Truth not() { return this == UNKNOWN ? UNKNOWN : of(this == FALSE); }
    }

    private final Filter filter;
    private final Map<Filter, PreparedGeometry> prepared = new IdentityHashMap<>();
    private final Map<Filter, Pattern> likes = new IdentityHashMap<>();

    /** Prepares the filter's geometry literals and LIKE patterns. */
    public FilterEvaluator(BoundFilter filter) {
        if (filter == null) throw new IllegalArgumentException("filter is null");
        this.filter = filter.filter();
        prepare(this.filter);
    }

    private void prepare(Filter f) {
        if (f instanceof Filter.And a) a.operands().forEach(this::prepare);
        else if (f instanceof Filter.Or o) o.operands().forEach(this::prepare);
        else if (f instanceof Filter.Not n) prepare(n.operand());
        else if (f instanceof Filter.Like l) likes.put(l, LikePattern.toRegex(l.pattern()));
        else if (f instanceof Filter.SpatialPredicate s) prepared.put(s, PreparedGeometryFactory.prepare(s.geometry()));
    }

    /** True when the filter is TRUE for {@code feature}; false when FALSE or unknown. */
    public boolean matches(Feature feature) {
        return evaluate(filter, feature) == Truth.TRUE;
    }

    private Truth evaluate(Filter f, Feature feature) {
        if (f instanceof Filter.And a) {
            Truth result = Truth.TRUE;
            for (Filter operand : a.operands()) {
                Truth t = evaluate(operand, feature);
                if (t == Truth.FALSE) return Truth.FALSE;
                if (t == Truth.UNKNOWN) result = Truth.UNKNOWN;
            }
            return result;
        }
        if (f instanceof Filter.Or o) {
            Truth result = Truth.FALSE;
            for (Filter operand : o.operands()) {
                Truth t = evaluate(operand, feature);
                if (t == Truth.TRUE) return Truth.TRUE;
                if (t == Truth.UNKNOWN) result = Truth.UNKNOWN;
            }
            return result;
        }
        if (f instanceof Filter.Not n) return evaluate(n.operand(), feature).not();
        if (f instanceof Filter.Constant c) return Truth.of(c.value());
        if (f instanceof Filter.IsNull n) return Truth.of(feature.properties().get(n.property()) == null);
        // As in SQL, a spatial predicate on a NULL geometry is unknown (so NOT(S_INTERSECTS(..)) does not select it either).
        if (f instanceof Filter.SpatialPredicate s) return feature.hasGeometry() ? Truth.of(spatial(s, feature.geometry())) : Truth.UNKNOWN;
        if (f instanceof Filter.Comparison c) {
            Integer cmp = compare(value(feature, c.property(), c.functions()), c.value());
            return cmp == null ? Truth.UNKNOWN : Truth.of(c.operator().accepts(cmp));
        }
        if (f instanceof Filter.Like l) {
            Object v = value(feature, l.property(), l.functions());
            return v instanceof String s ? Truth.of(likes.get(l).matcher(s).matches()) : Truth.UNKNOWN;
        }
        if (f instanceof Filter.In in) {
            Object v = value(feature, in.property(), in.functions());
            if (v == null) return Truth.UNKNOWN;
            for (Object candidate : in.values()) {
                Integer cmp = compare(v, candidate);
                if (cmp == null) return Truth.UNKNOWN;
                if (cmp == 0) return Truth.TRUE;
            }
            return Truth.FALSE;
        }
        if (f instanceof Filter.Between b) {
            Object v = value(feature, b.property(), b.functions());
            Integer low = compare(v, b.low());
            Integer high = compare(v, b.high());
            if (low == null || high == null) return Truth.UNKNOWN;
            return Truth.of(low >= 0 && high <= 0);
        }
        throw new AssertionError(f);
    }

    private boolean spatial(Filter.SpatialPredicate s, Geometry featureGeometry) {
        return s.operator().test(featureGeometry, prepared.get(s));
    }

    /** The property's value with the text functions applied (a bound filter applies them to strings only). */
    private static Object value(Feature feature, String property, java.util.List<TextFunction> functions) {
        Object v = feature.properties().get(property);
        return functions.isEmpty() || !(v instanceof String s) ? v : TextFunction.applyAll(functions, s);
    }

    /**
     * Compares a feature value with a literal: negative, zero or positive, or null (unknown) when the value
     * is absent or of a kind the literal cannot be compared with.
     */
    static Integer compare(Object value, Object literal) {
        if (value == null || literal == null) return null;
        if (value instanceof String a && literal instanceof String b) return compareCodePoints(a, b);
        if (value instanceof Number a && literal instanceof Number b) return compareNumbers(a, b);
        return null;
    }

    private static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) return Long.compare(a.longValue(), b.longValue());
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) return Double.compare(x, y);
        return toDecimal(a).compareTo(toDecimal(b));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal toDecimal(Number n) {
        return isIntegral(n) ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.doubleValue());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
