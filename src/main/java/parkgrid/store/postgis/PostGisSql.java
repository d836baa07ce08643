package parkgrid.store.postgis;

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
 * The SQL for one layer table in PostGIS. The query bbox becomes an envelope compared with the indexed
 * column ({@code &&} uses the GIST index, {@code ST_Intersects} decides exactly); the column is never
 * transformed. Every value is a bound parameter.
 */
final class PostGisSql {
    private final Layer layer;
    private final String table;
    private final String columns;

    PostGisSql(String schema, Layer layer) {
        this.layer = layer;
        this.table = quote(schema) + "." + quote(layer.name());
        this.columns = columns("");
    }

    /** fid, WKB geometry and the schema's columns, each prefixed with {@code alias} (e.g. {@code "t."}). */
    private String columns(String alias) {
        StringBuilder cols = new StringBuilder(alias + "fid, ST_AsBinary(" + alias + "geom)");
        for (PropertyDefinition p : layer.properties()) cols.append(", ").append(alias).append(quote(p.name()));
        return cols.toString();
    }

    String createTable() {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table).append(" (fid bigint PRIMARY KEY, geom geometry(")
                .append(layer.geometryKind().sqlName()).append(", 4326)"); // NULL: a feature without a place
        for (PropertyDefinition p : layer.properties()) {
            sql.append(", ").append(quote(p.name())).append(' ').append(switch (p.type()) {
                case STRING -> "text";
                case INTEGER -> "bigint";
                case NUMBER -> "double precision";
            });
        }
        return sql.append(')').toString();
    }

    String createIndex() {
        return "CREATE INDEX " + quote(layer.name() + "_geom_gist") + " ON " + table + " USING GIST (geom)";
    }

    String insert() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (fid, geom");
        StringBuilder marks = new StringBuilder("?, ST_GeomFromWKB(?, 4326)");
        for (PropertyDefinition p : layer.properties()) {
            sql.append(", ").append(quote(p.name()));
            marks.append(", ?");
        }
        return sql.append(") VALUES (").append(marks).append(')').toString();
    }

    String extent() {
        return "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM " + table + ") x";
    }

    String byId() {
        return "SELECT " + columns + " FROM " + table + " WHERE fid = ?";
    }

    /**
     * The search radius for k nearest to a point (parameters: lon, lat, k): the {@code <->} index operator
     * finds k candidates by planar distance in degrees; the largest geography distance among them bounds
     * the answer (null for an empty layer).
     */
    String nearestRadius() {
        return "WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS g) "
                + "SELECT max(ST_Distance(knn.geom::geography, p.g::geography)) FROM (SELECT t.geom FROM " + table
                + " t, p ORDER BY t.geom <-> p.g LIMIT ?) knn, p";
    }

    /**
     * k nearest within a radius (parameters: lon, lat, box minX, minY, maxX, maxY, radius metres, k): the
     * indexed column meets the box holding the radius ({@link parkgrid.geo.MetricEnvelope}, computed by the
     * caller), then features within the radius on geography are ordered by exact spheroid distance, ties by id.
     */
    String nearestWithin() {
        return "WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS g) SELECT " + columns("t.")
                + ", ST_Distance(t.geom::geography, p.g::geography) AS distance_m FROM " + table + " t, p "
                + "WHERE t.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_DWithin(t.geom::geography, p.g::geography, ?) "
                + "ORDER BY distance_m, t.fid LIMIT ?";
    }

    String count(FeatureQuery q) {
        return "SELECT count(*) FROM " + table + where(q);
    }

    String select(FeatureQuery q) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(table).append(where(q))
                .append(SortOrder.orderBy(q.sortBy(), "", layer, true));
        if (q.limit() != FeatureQuery.UNLIMITED) sql.append(" LIMIT ").append(q.limit());
        if (q.offset() > 0) sql.append(" OFFSET ").append(q.offset());
        return sql.toString();
    }

    private String where(FeatureQuery q) {
        StringBuilder sql = new StringBuilder();
        String glue = " WHERE ";
        if (q.bbox() != null) {
            sql.append(glue).append("geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
            glue = " AND ";
        }
        for (String name : new TreeMap<>(q.propertyEquals()).keySet()) {
            sql.append(glue).append(quote(name)).append(" = ?");
            glue = " AND ";
        }
        if (q.filter() != null) sql.append(glue).append('(').append(filterSql(q).getSql()).append(')');
        return sql.toString();
    }

    void bind(PreparedStatement ps, FeatureQuery q) throws SQLException {
        int i = 1;
        if (q.bbox() != null) {
            for (int k = 0; k < 2; k++) {
                ps.setDouble(i++, q.bbox().getMinX());
                ps.setDouble(i++, q.bbox().getMinY());
                ps.setDouble(i++, q.bbox().getMaxX());
                ps.setDouble(i++, q.bbox().getMaxY());
            }
        }
        for (Object v : new TreeMap<>(q.propertyEquals()).values()) ps.setObject(i++, v);
        if (q.filter() != null) {
            for (Object v : filterSql(q).getParameters()) ps.setObject(i++, v);
        }
    }

    /** PostGIS takes the whole CQL2 filter as SQL: nothing is left for Java. */
    private static FilterSql filterSql(FeatureQuery q) {
        FilterSql f = FilterSql.of(q.filter(), SqlDialect.POSTGIS, null);
        if (f.requiresJavaEvaluation()) throw new IllegalStateException("PostGIS filter translation left a residual: " + q.filter());
        return f;
    }

    Map<String, Object> properties(ResultSet rs, int first) throws SQLException {
        return PropertyColumns.read(layer, rs, first);
    }
}
