package parkgrid.store.geopackage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import parkgrid.filter.FilterSql;
import parkgrid.filter.SqlDialect;
import parkgrid.store.FeatureQuery;
import parkgrid.store.SortOrder;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.store.PropertyColumns;
import static parkgrid.store.SqlNames.quote;

/**
 * The SQL for one GeoPackage feature table ({@code fid}, {@code geom}, then the schema's columns). Every
 * value is a bound parameter; identifiers come from the layer registry through {@link parkgrid.store.SqlNames}.
 * The bbox filter joins the R-tree index; its exact test is done in Java (see {@link parkgrid.store.BboxFilter}).
 */
final class GeoPackageSql {
    private final Layer layer;
    private final String table;
    private final String columns;

    GeoPackageSql(Layer layer) {
        this.layer = layer;
        this.table = quote(layer.name());
        StringBuilder cols = new StringBuilder("t.fid, t.geom");
        for (PropertyDefinition p : layer.properties()) cols.append(", t.").append(quote(p.name()));
        this.columns = cols.toString();
    }

    static String rtree(String layerName) {
        return quote("rtree_" + layerName + "_geom");
    }

    String insert() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (fid, geom");
        StringBuilder marks = new StringBuilder("?, ?");
        for (PropertyDefinition p : layer.properties()) {
            sql.append(", ").append(quote(p.name()));
            marks.append(", ?");
        }
        return sql.append(") VALUES (").append(marks).append(')').toString();
    }

    String extent() {
        String r = rtree(layer.name());
        return "SELECT min(minx), min(miny), max(maxx), max(maxy) FROM " + r;
    }

    String byId() {
        return "SELECT " + columns + " FROM " + table + " t WHERE t.fid = ?";
    }

    String count(FeatureQuery q) {
        return "SELECT count(*) FROM " + table + " t" + where(q);
    }

    /**
     * For a bbox count: the features whose R-tree box lies inside the query box certainly intersect it
     * and are counted in SQL ({@code inside = true}); those whose box only overlaps the edge are
     * selected (fid, geom) for the exact test in Java ({@code inside = false}). Bind with {@link #bindCountBbox}.
     */
    String countBbox(FeatureQuery q, boolean inside) {
        String r = rtree(layer.name());
        String join = " JOIN " + r + " r ON r.id = t.fid AND r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?";
        String within = "r.minx >= ? AND r.maxx <= ? AND r.miny >= ? AND r.maxy <= ?";
        String w = where(q);
        String glue = w.isEmpty() ? " WHERE " : " AND ";
        return inside ? "SELECT count(*) FROM " + table + " t" + join + w + glue + "(" + within + ")"
                : "SELECT t.fid, t.geom FROM " + table + " t" + join + w + glue + "NOT (" + within + ")";
    }

    /**
     * True when SQL alone decides which rows match: no bbox (its exact test is in Java) and no part of
     * the CQL2 filter left for Java (spatial predicates). Only then can SQL count and page.
     */
    static boolean isDecidedBySql(FeatureQuery q) {
        return q.bbox() == null && (q.filter() == null || !filterSql(q).requiresJavaEvaluation());
    }

    static FilterSql filterSql(FeatureQuery q) {
        return FilterSql.of(q.filter(), SqlDialect.SQLITE, "t");
    }

    /** Paging is in SQL only when SQL decides the matches; otherwise the Java test decides what counts. */
    String select(FeatureQuery q) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(table).append(" t");
        if (q.bbox() != null) {
            sql.append(" JOIN ").append(rtree(layer.name()))
               .append(" r ON r.id = t.fid AND r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?");
        }
        sql.append(where(q)).append(SortOrder.orderBy(q.sortBy(), "t.", layer, false));
        boolean paged = isDecidedBySql(q);
        if (paged && q.limit() != FeatureQuery.UNLIMITED) sql.append(" LIMIT ").append(q.limit());
        if (paged && q.offset() > 0) {
            if (q.limit() == FeatureQuery.UNLIMITED) sql.append(" LIMIT -1");
            sql.append(" OFFSET ").append(q.offset());
        }
        return sql.toString();
    }

    private String where(FeatureQuery q) {
        StringBuilder sql = new StringBuilder();
        String glue = " WHERE ";
        for (String name : sorted(q).keySet()) {
            sql.append(glue).append("t.").append(quote(name)).append(" = ?");
            glue = " AND ";
        }
        if (q.filter() != null) {
            FilterSql f = filterSql(q);
            if (f.hasSql()) sql.append(glue).append('(').append(f.getSql()).append(')');
        }
        return sql.toString();
    }

    private static Map<String, Object> sorted(FeatureQuery q) {
        return new TreeMap<>(q.propertyEquals());
    }

    /** Binds the bbox (when present) then the property values, in the order {@link #select} writes them. */
    void bindCountBbox(PreparedStatement ps, FeatureQuery q) throws SQLException {
        int i = bind(ps, q);
        ps.setDouble(i++, q.bbox().getMinX());
        ps.setDouble(i++, q.bbox().getMaxX());
        ps.setDouble(i++, q.bbox().getMinY());
        ps.setDouble(i, q.bbox().getMaxY());
    }

    /** @return the index of the next parameter */
    int bind(PreparedStatement ps, FeatureQuery q) throws SQLException {
        int i = 1;
        if (q.bbox() != null) {
            ps.setDouble(i++, q.bbox().getMaxX());
            ps.setDouble(i++, q.bbox().getMinX());
            ps.setDouble(i++, q.bbox().getMaxY());
            ps.setDouble(i++, q.bbox().getMinY());
        }
        for (Object v : sorted(q).values()) ps.setObject(i++, v);
        if (q.filter() != null) {
            for (Object v : filterSql(q).getParameters()) ps.setObject(i++, v);
        }
        return i;
    }

    Map<String, Object> properties(ResultSet rs, int first) throws SQLException {
        return PropertyColumns.read(layer, rs, first);
    }
}
