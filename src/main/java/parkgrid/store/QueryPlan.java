package parkgrid.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Layer;
import parkgrid.filter.BoundFilter;
import static parkgrid.store.SqlNames.quote;

/**
 * How one {@link FeatureQuery} on one layer is answered by one {@link SqlDialect}, decided once per
 * request and consumed by count, read and export alike: the FROM additions (the R-tree join for SQLite),
 * the WHERE text with every parameter in placeholder order (bbox, then property equalities in name order,
 * then the part of the CQL2 filter SQL can decide), the residual filter Java must test, whether bbox hits
 * are candidates that need the exact test ({@link BboxFilter}), and whether paging is SQL's
 * ({@code LIMIT/OFFSET}) or Java's (when Java rejects rows SQL returned, SQL cannot count them).
 *
 * <p>Columns are qualified with the plan's table alias ({@code t."name"}) or unqualified when it is null.
 * The bbox is EPSG:4326 lon/lat; the indexed column is never transformed.
 */
public final class QueryPlan {
    private final FeatureQuery query;
    private final SqlDialect dialect;
    private final String join;
    private final String where;
    private final List<Object> parameters;
    private final BoundFilter residual;
    private final boolean exactBboxTest;
    private final String orderBy;

    private QueryPlan(Layer layer, FeatureQuery query, SqlDialect dialect, String alias) {
        this.query = Objects.requireNonNull(query, "query");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        List<Object> params = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        Envelope bbox = query.bbox();
        String t = SqlDialect.prefix(alias);
        if (bbox != null) {
            params.addAll(dialect.bboxParameters(bbox));
            String condition = dialect.bboxCondition(alias);
            if (condition != null) conditions.add(condition);
        }
        this.join = bbox == null ? "" : dialect.bboxJoin(alias, layer.name());
        this.exactBboxTest = bbox != null && !dialect.isBboxExact();
        for (Map.Entry<String, Object> e : new TreeMap<>(query.propertyEquals()).entrySet()) {
            conditions.add(t + quote(e.getKey()) + " = ?");
            params.add(e.getValue());
        }
        BoundFilter rest = null;
        if (query.filter() != null) {
            FilterSql filter = FilterSql.of(query.filter(), dialect, alias);
            if (filter.hasSql()) {
                conditions.add("(" + filter.getSql() + ")");
                params.addAll(filter.getParameters());
            }
            rest = filter.getResidual();
        }
        this.residual = rest;
        this.where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        this.parameters = Collections.unmodifiableList(params);
        this.orderBy = SortOrder.orderBy(query.sortBy(), t, layer, dialect);
    }

    /**
     * The plan for {@code query} on {@code layer}.
     *
     * @param alias the table alias columns are qualified with (a plain lower-case identifier), or null
     * @throws IllegalArgumentException when the alias is not a plain lower-case identifier
     */
    public static QueryPlan of(Layer layer, FeatureQuery query, SqlDialect dialect, String alias) {
        return new QueryPlan(layer, query, dialect, alias);
    }

    public FeatureQuery query() { return query; }

    /** Text to append after {@code FROM table alias}: the candidate join, or the empty string. */
    public String join() { return join; }

    /** {@code " WHERE ..."}, or the empty string when SQL filters nothing. */
    public String where() { return where; }

    /** The values of every placeholder in {@link #join()} then {@link #where()}, in order; unmodifiable. */
    public List<Object> parameters() { return parameters; }

    /** {@code " ORDER BY ..."}: the query's sort keys, then the id. */
    public String orderBy() { return orderBy; }

    /** The part of the CQL2 filter Java must test on every row SQL returns, or null. */
    public BoundFilter residual() { return residual; }

    public boolean hasResidual() { return residual != null; }

    /** True when bbox hits are candidates (GeoPackage R-tree, float32 bounds) that Java must test exactly. */
    public boolean needsExactBboxTest() { return exactBboxTest; }

    /** True when SQL alone decides which rows match: then SQL counts and pages. */
    public boolean isDecidedBySql() { return residual == null && !exactBboxTest; }

    /** True when {@code LIMIT/OFFSET} go into the SQL; false when Java skips and stops. */
    public boolean isPagedInSql() { return isDecidedBySql(); }

    /** {@code " LIMIT n OFFSET m"} as far as the query pages, when {@link #isPagedInSql()}; else empty. */
    public String paging() {
        if (!isPagedInSql()) return "";
        StringBuilder sql = new StringBuilder();
        if (query.limit() != FeatureQuery.UNLIMITED) sql.append(" LIMIT ").append(query.limit());
        if (query.offset() > 0) {
            if (query.limit() == FeatureQuery.UNLIMITED) sql.append(dialect.unlimitedWithOffset());
            sql.append(" OFFSET ").append(query.offset());
        }
        return sql.toString();
    }

    /** How many matching rows Java skips before the first it returns (0 when SQL pages). */
    public long offsetInJava() { return isPagedInSql() ? 0 : query.offset(); }

    @Override
    public String toString() {
        return "QueryPlan[" + dialect + join + where + " " + parameters + (residual == null ? "" : " residual " + residual.filter())
                + (exactBboxTest ? " exact-bbox" : "") + (isPagedInSql() ? " paged-in-sql" : " paged-in-java") + "]";
    }
}
