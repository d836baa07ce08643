package parkgrid.store.postgis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import parkgrid.feature.FeatureQuery;
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
        StringBuilder cols = new StringBuilder("fid, ST_AsBinary(geom)");
        for (PropertyDefinition p : layer.properties()) cols.append(", ").append(quote(p.name()));
        this.columns = cols.toString();
    }

    String createTable() {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table).append(" (fid bigint PRIMARY KEY, geom geometry(")
                .append(layer.geometryKind().sqlName()).append(", 4326) NOT NULL");
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

    String count(FeatureQuery q) {
        return "SELECT count(*) FROM " + table + where(q);
    }

    String select(FeatureQuery q) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(table).append(where(q))
                .append(" ORDER BY fid");
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
    }

    Map<String, Object> properties(ResultSet rs, int first) throws SQLException {
        return PropertyColumns.read(layer, rs, first);
    }
}
