package parkgrid.store.geopackage;

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

    /** Paging is in SQL only without bbox: with one, the exact test in Java decides what counts. */
    String select(FeatureQuery q) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(table).append(" t");
        if (q.bbox() != null) {
            sql.append(" JOIN ").append(rtree(layer.name()))
               .append(" r ON r.id = t.fid AND r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?");
        }
        sql.append(where(q)).append(" ORDER BY t.fid");
        if (q.bbox() == null && q.limit() != FeatureQuery.UNLIMITED) sql.append(" LIMIT ").append(q.limit());
        if (q.bbox() == null && q.offset() > 0) {
            if (q.limit() == FeatureQuery.UNLIMITED) sql.append(" LIMIT -1");
            sql.append(" OFFSET ").append(q.offset());
        }
        return sql.toString();
    }

    private String where(FeatureQuery q) {
        if (q.propertyEquals().isEmpty()) return "";
        StringBuilder sql = new StringBuilder(" WHERE ");
        boolean first = true;
        for (String name : sorted(q).keySet()) {
            if (!first) sql.append(" AND ");
            sql.append("t.").append(quote(name)).append(" = ?");
            first = false;
        }
        return sql.toString();
    }

    private static Map<String, Object> sorted(FeatureQuery q) {
        return new TreeMap<>(q.propertyEquals());
    }

    /** Binds the bbox (when present) then the property values, in the order {@link #select} writes them. */
    void bind(PreparedStatement ps, FeatureQuery q) throws SQLException {
        int i = 1;
        if (q.bbox() != null) {
            ps.setDouble(i++, q.bbox().getMaxX());
            ps.setDouble(i++, q.bbox().getMinX());
            ps.setDouble(i++, q.bbox().getMaxY());
            ps.setDouble(i++, q.bbox().getMinY());
        }
        for (Object v : sorted(q).values()) ps.setObject(i++, v);
    }

    Map<String, Object> properties(ResultSet rs, int first) throws SQLException {
        return PropertyColumns.read(layer, rs, first);
    }
}
