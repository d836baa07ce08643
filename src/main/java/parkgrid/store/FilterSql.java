package parkgrid.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import parkgrid.feature.PropertyType;
import parkgrid.filter.BoundFilter;
import parkgrid.filter.Filter;
import parkgrid.filter.FilterEvaluator;
import parkgrid.filter.TextFunction;

/**
 * Translates a {@link BoundFilter} into an SQL boolean expression for a WHERE clause, with a {@code ?} for
 * every value and the values in placeholder order ({@code String}, {@code Long}, {@code Double}; geometry
 * literals as WKT strings in EPSG:4326 lon/lat). Columns go through {@link SqlNames#quote}; the geometry
 * column is {@code geom}. The SQL has the same three-valued NULL semantics as {@link FilterEvaluator}.
 *
 * <p>What cannot be written in the dialect stays in Java. PostGIS takes every filter whole; CASEI and
 * ACCENTI are written with the ICU root collation and {@code normalize}/{@code regexp_replace}/{@code
 * translate} exactly as {@link TextFunction} computes them (no extension needed, PostgreSQL 13+ built with
 * ICU, UTF-8 database). For SQLite, spatial predicates and CASEI/ACCENTI cannot be pushed down (no spatial
 * SQL; {@code lower()} is ASCII-only): when the filter is an AND, the conjuncts without them become SQL and
 * the others are the {@link #getResidual() residual} (which predicates SQL decides is {@link SqlDialect#canDecide}); otherwise nothing becomes SQL and the residual is
 * the whole filter. A residual part may still add an SQL condition that every row it matches satisfies
 * ({@link SqlDialect#likeNecessaryCondition}: a CASEI LIKE in SQLite), which narrows the rows Java tests. When {@link #requiresJavaEvaluation()} the caller must test
 * every row the SQL returns with a {@link FilterEvaluator} of the residual (or of the whole filter, which
 * gives the same answer) and must therefore page in Java, not with SQL LIMIT/OFFSET.
 *
 * <p>String ordering ({@code < <= > >=}, BETWEEN) is written with {@code COLLATE "C"} in PostGIS so that it
 * orders by code point as SQLite and the evaluator do; LIKE becomes {@code GLOB} in SQLite to stay
 * case-sensitive.
 *
 * <p>Usage: {@code FilterSql sql = FilterSql.of(bound, SqlDialect.POSTGIS, null);} then append
 * {@code " AND (" + sql.getSql() + ")"} when {@link #hasSql()} and bind {@link #getParameters()} in order.
 */
public final class FilterSql {
    private final BoundFilter filter;
    private final SqlDialect dialect;
    private final String columnPrefix;
    private String sql;
    private List<Object> parameters;
    private BoundFilter residual;

    /**
     * @param filter     the bound filter to translate
     * @param dialect    the SQL dialect to write
     * @param tableAlias the alias columns are qualified with (e.g. {@code t} gives {@code t."name"}), or null
     * @throws IllegalArgumentException when the alias is not a plain lower-case identifier
     */
    public FilterSql(BoundFilter filter, SqlDialect dialect, String tableAlias) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        if (tableAlias != null && !tableAlias.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("table alias must match [a-z][a-z0-9_]{0,62}: " + tableAlias);
        }
        this.columnPrefix = tableAlias == null ? "" : tableAlias + ".";
    }

    /** Convenience for {@code new FilterSql(filter, dialect, tableAlias)}. */
    public static FilterSql of(BoundFilter filter, SqlDialect dialect, String tableAlias) {
        return new FilterSql(filter, dialect, tableAlias);
    }

    /** The boolean SQL expression (without {@code WHERE}), or the empty string when nothing is pushed down. */
    public String getSql() {
        compute();
        return sql;
    }

    /** The values for the {@code ?} placeholders of {@link #getSql()}, in order; unmodifiable. */
    public List<Object> getParameters() {
        compute();
        return parameters;
    }

    /** True when {@link #getSql()} is not empty. */
    public boolean hasSql() {
        return !getSql().isEmpty();
    }

    /** True when some of the filter was not pushed down and rows must be tested in Java. */
    public boolean requiresJavaEvaluation() {
        compute();
        return residual != null;
    }

    /** The part of the filter that must be evaluated in Java, or null when the SQL decides it all. */
    public BoundFilter getResidual() {
        compute();
        return residual;
    }

    private void compute() {
        if (sql != null) return;
        List<Object> params = new ArrayList<>();
        Filter root = filter.filter();
        String text;
        if (isWritable(root)) {
            text = write(root, params);
        } else if (root instanceof Filter.And and) {
            List<String> pushed = new ArrayList<>();
            List<Filter> kept = new ArrayList<>();
            for (Filter operand : and.operands()) {
                if (!isWritable(operand)) {
                    kept.add(operand);
                    String necessary = necessary(operand, params);
                    if (necessary != null) pushed.add(necessary);
                } else {
                    pushed.add(operand instanceof Filter.Or ? "(" + write(operand, params) + ")" : write(operand, params));
                }
            }
            text = String.join(" AND ", pushed);
            residual = filter.conjunctionOf(kept);
        } else {
            String necessary = necessary(root, params);
            text = necessary == null ? "" : necessary;
            residual = filter;
        }
        parameters = Collections.unmodifiableList(params);
        sql = text;
    }

    /**
     * A condition every row matching {@code f} (a part SQL cannot decide) satisfies, so fewer rows reach Java,
     * which still decides {@code f}; null when there is none. Its parameters are appended only when it is not null.
     * AND keeps the conditions of the operands that have one, OR needs one for every operand, NOT has none.
     */
    private String necessary(Filter f, List<Object> params) {
        List<Object> own = new ArrayList<>();
        String sql = null;
        if (f instanceof Filter.Like l) {
            sql = dialect.likeNecessaryCondition(column(l.property()), l, own);
        } else if (f instanceof Filter.And || f instanceof Filter.Or) {
            boolean isOr = f instanceof Filter.Or;
            List<String> parts = new ArrayList<>();
            for (Filter operand : isOr ? ((Filter.Or) f).operands() : ((Filter.And) f).operands()) {
                String part = isWritable(operand) ? write(operand, own) : necessary(operand, own);
                if (part == null && isOr) return null;
                if (part != null) parts.add("(" + part + ")");
            }
            sql = parts.isEmpty() ? null : String.join(isOr ? " OR " : " AND ", parts);
        }
        if (sql != null) params.addAll(own);
        return sql;
    }

    /** Whether the dialect can decide {@code f} in SQL ({@link SqlDialect#canDecide} for each predicate). */
    private boolean isWritable(Filter f) {
        if (f instanceof Filter.And a) return a.operands().stream().allMatch(this::isWritable);
        if (f instanceof Filter.Or o) return o.operands().stream().allMatch(this::isWritable);
        if (f instanceof Filter.Not n) return isWritable(n.operand());
        return dialect.canDecide(f);
    }

    private String write(Filter f, List<Object> params) {
        if (f instanceof Filter.And a) return join(a.operands(), " AND ", params);
        if (f instanceof Filter.Or o) return join(o.operands(), " OR ", params);
        if (f instanceof Filter.Not n) return "NOT (" + write(n.operand(), params) + ")";
        if (f instanceof Filter.Constant c) return c.value() ? "(1 = 1)" : "(1 = 0)";
        if (f instanceof Filter.Comparison c) {
            params.add(c.value());
            return operand(c.property(), c.functions(), c.operator().isOrdering()) + " " + c.operator().symbol() + " ?";
        }
        if (f instanceof Filter.Like l) return dialect.like(operand(l.property(), l.functions(), false), l.pattern(), params);
        if (f instanceof Filter.In in) {
            params.addAll(in.values());
            return operand(in.property(), in.functions(), false) + " IN (" + String.join(", ", Collections.nCopies(in.values().size(), "?")) + ")";
        }
        if (f instanceof Filter.Between b) {
            params.add(b.low());
            params.add(b.high());
            return operand(b.property(), b.functions(), true) + " BETWEEN ? AND ?";
        }
        if (f instanceof Filter.IsNull n) return column(n.property()) + " IS NULL";
        if (f instanceof Filter.SpatialPredicate s) {
            return dialect.spatial(s.operator().postGisFunction(), columnPrefix + BoundFilter.GEOMETRY_COLUMN, s.geometry(), params);
        }
        throw new AssertionError(f);
    }

    /** Joins operands, parenthesising those that are themselves AND/OR so the tree's grouping is kept. */
    private String join(List<Filter> operands, String glue, List<Object> params) {
        List<String> parts = new ArrayList<>();
        for (Filter operand : operands) {
            String part = write(operand, params);
            parts.add(operand instanceof Filter.And || operand instanceof Filter.Or ? "(" + part + ")" : part);
        }
        return String.join(glue, parts);
    }

    /**
     * The column with CASEI/ACCENTI applied as {@link TextFunction} defines them, ordered by code point when
     * {@code ordering} (the functions' ICU collation is replaced by "C" so that {@code <} orders as in Java).
     */
    private String operand(String property, List<TextFunction> functions, boolean ordering) {
        if (functions.isEmpty()) return column(property) + (ordering ? collation(property) : "");
        String sql = column(property);
        for (TextFunction f : functions) sql = dialect.textFunction(f, sql);
        return "(" + sql + ") COLLATE \"C\"";
    }

    private String collation(String property) {
        boolean isString = filter.layer().property(property).map(p -> p.type() == PropertyType.STRING).orElse(false);
        return isString ? dialect.textOrdering() : "";
    }

    private String column(String name) {
        return columnPrefix + SqlNames.quote(name);
    }
}
