package parkgrid.store.geopackage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import parkgrid.store.FeatureQuery;
import parkgrid.store.QueryPlan;
import parkgrid.store.SqlDialect;
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
        return SqlDialect.rtree(layerName);
    }

    /** One of the shadow tables SQLite keeps a layer's R-tree in ({@code node}, {@code rowid}, {@code parent}). */
    static String rtreeShadow(String layerName, String table) {
        return quote("rtree_" + layerName + "_geom_" + table);
    }

    /**
     * GDAL's table of feature counts (its {@code gpkg_ogr_contents}, read by {@code ogrinfo} and QGIS too), kept by
     * the per-table triggers of {@link #featureCountTriggers}, so the count is exact in every committed state.
     */
    static final String FEATURE_COUNT_TABLE = "gpkg_ogr_contents";
    static final String CREATE_FEATURE_COUNT_TABLE = "CREATE TABLE IF NOT EXISTS " + FEATURE_COUNT_TABLE
            + " (table_name TEXT NOT NULL PRIMARY KEY, feature_count INTEGER DEFAULT NULL)";
    static final String FEATURE_COUNT = "SELECT feature_count FROM " + FEATURE_COUNT_TABLE + " WHERE table_name = ?";
    /** min x, min y, max x, max y as gpkg_contents keeps them, then the feature count (parameter: the table name). */
    static final String CONTENTS_EXTENT = "SELECT c.min_x, c.min_y, c.max_x, c.max_y, o.feature_count FROM gpkg_contents c JOIN "
            + FEATURE_COUNT_TABLE + " o ON o.table_name = c.table_name WHERE c.table_name = ?";

    /**
     * The statements that start keeping a table's count: its row (the rows counted now, for a new table or an upgraded
     * file) and the insert and delete triggers, named and written as GDAL writes them, so GDAL recognises and keeps them.
     */
    static java.util.List<String> maintainedCount(String layerName) {
        String t = quote(layerName), name = literal(layerName);
        return java.util.List.of(
                "INSERT OR REPLACE INTO " + FEATURE_COUNT_TABLE + " (table_name, feature_count) SELECT " + name + ", count(*) FROM " + t,
                "CREATE TRIGGER IF NOT EXISTS \"" + featureCountInsertTriggerName(layerName) + "\" AFTER INSERT ON " + t
                        + " BEGIN UPDATE " + FEATURE_COUNT_TABLE + " SET feature_count = feature_count + 1 WHERE lower(table_name) = lower("
                        + name + "); END",
                "CREATE TRIGGER IF NOT EXISTS \"trigger_delete_feature_count_" + layerName + "\" AFTER DELETE ON " + t
                        + " BEGIN UPDATE " + FEATURE_COUNT_TABLE + " SET feature_count = feature_count - 1 WHERE lower(table_name) = lower("
                        + name + "); END");
    }

    /** The name of the trigger that counts a table's inserted rows ({@link #maintainedCount}). */
    static String featureCountInsertTriggerName(String layerName) {
        return "trigger_insert_feature_count_" + layerName;
    }

    /** Adds {@code ?} rows to table {@code ?}'s count, as the insert trigger would one by one. */
    static final String FEATURE_COUNT_ADD = "UPDATE " + FEATURE_COUNT_TABLE + " SET feature_count = feature_count + ? WHERE lower(table_name) = lower(?)";

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The name of the R-tree's insert trigger (GeoPackage extension F.3: {@code rtree_<t>_<c>_insert}). */
    static String rtreeInsertTriggerName(String layerName) {
        return "rtree_" + layerName + "_geom_insert";
    }

    /** One R-tree entry: id, minx, maxx, miny, maxy — what the insert trigger would write. */
    static String rtreeInsert(String layerName) {
        return "INSERT OR REPLACE INTO " + rtree(layerName) + " VALUES (?, ?, ?, ?, ?)";
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

    /** Sets geom then the schema's columns of the feature whose fid is the last parameter. */
    String update() {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET geom = ?");
        for (PropertyDefinition p : layer.properties()) sql.append(", ").append(quote(p.name())).append(" = ?");
        return sql.append(" WHERE fid = ?").toString();
    }

    String largestId() {
        return "SELECT max(fid) FROM " + table;
    }

    String delete() {
        return "DELETE FROM " + table + " WHERE fid = ?";
    }

    String maxId() {
        return "SELECT COALESCE(MAX(fid), 0) FROM " + table;
    }

    String byId() {
        return "SELECT " + columns + " FROM " + table + " t WHERE t.fid = ?";
    }

    /** The one plan of {@code q} on this table (alias {@code t}); count and read consume it. */
    QueryPlan plan(FeatureQuery q) {
        return QueryPlan.of(layer, q, SqlDialect.SQLITE, "t");
    }

    String count(QueryPlan plan) {
        return "SELECT count(*) FROM " + table + " t" + plan.join() + plan.where();
    }

    /**
     * For a bbox count: the features whose R-tree box lies inside the query box certainly intersect it
     * and are counted in SQL ({@code inside = true}); those whose box only overlaps the edge are
     * selected (fid, geom) for the exact test in Java ({@code inside = false}). Bind with {@link #bindCountBbox}.
     */
    String countBbox(QueryPlan plan, boolean inside) {
        String within = "r.minx >= ? AND r.maxx <= ? AND r.miny >= ? AND r.maxy <= ?";
        String w = plan.where();
        if (inside && w.isEmpty()) {
            // Nothing but the box: the R-tree alone counts them (its triggers keep one entry per row with a geometry),
            // without looking up each row of the table, which cost more than the rest of the count together.
            return "SELECT count(*) FROM " + rtree(layer.name()) + " r WHERE r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ? AND ("
                    + within + ")";
        }
        String glue = w.isEmpty() ? " WHERE " : " AND ";
        String from = " FROM " + table + " t" + plan.join() + w + glue;
        return inside ? "SELECT count(*)" + from + "(" + within + ")" : "SELECT t.fid, t.geom" + from + "NOT (" + within + ")";
    }

    /**
     * The rows of a plan: fid, geom, the schema's columns, then the feature's version (1 for a feature never changed one
     * by one, and for every row without {@code withVersions}) and, when the plan joins the R-tree, the row's R-tree box
     * (minx, maxx, miny, maxy). Paging is in SQL only when SQL decides the matches; otherwise the Java test decides what
     * counts.
     */
    String selectStamped(QueryPlan plan, boolean withVersions) {
        String version = !withVersions ? ", 1" : ", COALESCE((SELECT v.version FROM " + quote(GeoPackageMigrations.VERSION_TABLE)
                + " v WHERE v.table_name = " + literal(layer.name()) + " AND v.fid = t.fid), 1)";
        String box = plan.join().isEmpty() ? "" : ", r.minx, r.maxx, r.miny, r.maxy";
        return "SELECT " + columns + version + box + " FROM " + table + " t" + plan.join() + plan.where() + plan.orderBy() + plan.paging();
    }

    /**
     * The R-tree entries meeting a box (parameters: max x, min x, max y, min y), in id order: id, minx, maxx, miny, maxy,
     * then the feature's version (1 for a feature never changed one by one).
     */
    String boxCandidates() {
        return "SELECT r.id, r.minx, r.maxx, r.miny, r.maxy, COALESCE((SELECT v.version FROM " + quote(GeoPackageMigrations.VERSION_TABLE)
                + " v WHERE v.table_name = " + literal(layer.name()) + " AND v.fid = r.id), 1) FROM " + rtree(layer.name())
                + " r WHERE r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ? ORDER BY r.id";
    }

    /** Binds the plan's parameters, then the box the R-tree bounds must lie within. */
    static void bindCountBbox(PreparedStatement ps, QueryPlan plan) throws SQLException {
        int i = bind(ps, plan);
        Envelope b = plan.query().bbox();
        ps.setDouble(i++, b.getMinX());
        ps.setDouble(i++, b.getMaxX());
        ps.setDouble(i++, b.getMinY());
        ps.setDouble(i, b.getMaxY());
    }

    /** @return the index of the next parameter */
    static int bind(PreparedStatement ps, QueryPlan plan) throws SQLException {
        int i = 1;
        for (Object v : plan.parameters()) ps.setObject(i++, v);
        return i;
    }

    Map<String, Object> properties(ResultSet rs, int first) throws SQLException {
        return PropertyColumns.read(layer, rs, first);
    }
}
