package parkgrid.store.postgis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import parkgrid.store.FeatureQuery;
import parkgrid.store.QueryPlan;
import parkgrid.store.SqlDialect;
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
            sql.append(", ").append(quote(p.name())).append(' ').append(SqlDialect.POSTGIS.columnType(p.type()));
        }
        return sql.append(')').toString();
    }

    /** The quoted, schema-qualified table. */
    String table() {
        return table;
    }

    String createIndex() {
        return "CREATE INDEX " + quote(layer.name() + "_geom_gist") + " ON " + table + " USING GIST (geom)";
    }

    /**
     * The WKB parameter as the column takes it: a multi kind's typmod refuses a single geometry that
     * {@link parkgrid.feature.GeometryKind#accepts} lets through (a Polygon in a MultiPolygon layer), so ST_Multi
     * makes it a one-part multi, as GeoPackage readers see it anyway.
     */
    private String geometryParameter() {
        return layer.geometryKind().name().startsWith("MULTI") ? "ST_Multi(ST_GeomFromWKB(?, 4326))" : "ST_GeomFromWKB(?, 4326)";
    }

    String insert() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (fid, geom");
        StringBuilder marks = new StringBuilder("?, " + geometryParameter());
        for (PropertyDefinition p : layer.properties()) {
            sql.append(", ").append(quote(p.name()));
            marks.append(", ?");
        }
        return sql.append(") VALUES (").append(marks).append(')').toString();
    }

    /** The rows of an import, as {@link PostGisCopy} writes them: fid, geom, the schema's columns. */
    String copyIn() {
        StringBuilder sql = new StringBuilder("COPY ").append(table).append(" (fid, geom");
        for (PropertyDefinition p : layer.properties()) sql.append(", ").append(quote(p.name()));
        return sql.append(") FROM STDIN").toString();
    }

    /** The row of one feature, locked until the transaction ends: writers of one feature queue here. */
    String byIdForUpdate() {
        return byId() + " FOR UPDATE";
    }

    /** Sets geom (WKB) then the schema's columns of the feature whose fid is the last parameter. */
    String update() {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET geom = ").append(geometryParameter());
        for (PropertyDefinition p : layer.properties()) sql.append(", ").append(quote(p.name())).append(" = ?");
        return sql.append(" WHERE fid = ?").toString();
    }

    String largestId() {
        return "SELECT max(fid) FROM " + table;
    }

    String delete() {
        return "DELETE FROM " + table + " WHERE fid = ?";
    }

    String extent() {
        return "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM " + table + ") x";
    }

    /** The planner's row estimate of the table ({@code pg_class.reltuples}: -1 before its first VACUUM or ANALYZE). */
    String rowEstimate() {
        return "SELECT reltuples::bigint FROM pg_class WHERE oid = '" + table.replace("'", "''") + "'::regclass";
    }

    String countAll() {
        return "SELECT count(*) FROM " + table;
    }

    String maxId() {
        return "SELECT COALESCE(MAX(fid), 0) FROM " + table;
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

    /** The plan of {@code q} for this table: PostGIS decides every filter and the bbox in SQL. */
    QueryPlan plan(FeatureQuery q) {
        QueryPlan plan = QueryPlan.of(layer, q, SqlDialect.POSTGIS, null);
        if (!plan.isDecidedBySql()) throw new IllegalStateException("PostGIS plan left work for Java: " + plan);
        return plan;
    }

    String count(QueryPlan plan) {
        return "SELECT count(*) FROM " + table + plan.join() + plan.where();
    }

    /** The plan's rows, ordered and paged, but only fid, {@code tableoid} and {@code xmin}. */
    String selectStampsOnly(QueryPlan plan) {
        return "SELECT fid, tableoid::bigint, xmin::text::bigint FROM " + table + plan.join() + plan.where() + plan.orderBy() + plan.paging();
    }

    /**
     * {@link #selectStampsOnly} with the number of all rows the plan matches (paging ignored) on every row, counted in
     * the same pass ({@code count(*) OVER ()} is evaluated before ORDER BY and LIMIT).
     */
    String selectStampsOnlyCounted(QueryPlan plan) {
        return "SELECT fid, tableoid::bigint, xmin::text::bigint, count(*) OVER () FROM " + table + plan.join() + plan.where() + plan.orderBy()
                + plan.paging();
    }

    /** The rows whose fid is in the array parameter: fid, WKB geometry, the schema's columns, {@code tableoid}, {@code xmin}. */
    String selectStampedByIds() {
        return "SELECT " + columns + ", tableoid::bigint, xmin::text::bigint FROM " + table + " WHERE fid = ANY(?)";
    }

    /**
     * The plan's rows, ordered and paged: fid, WKB geometry, the schema's columns, then the row's table ({@code tableoid})
     * and row version ({@code xmin}, new with every write of the row).
     */
    String selectStamped(QueryPlan plan) {
        return "SELECT " + columns + ", tableoid::bigint, xmin::text::bigint FROM " + table + plan.join() + plan.where() + plan.orderBy()
                + plan.paging();
    }

    /**
     * One layer of one WebMercatorQuad tile built in the database (parameters: the plan's, then zoom, column,
     * row for the index test; cell size for the simplification; zoom, column, row for ST_AsMVTGeom; the layer name).
     * The indexed column meets the tile envelope transformed to EPSG:4326 (the box, never the column); geometries are
     * simplified in EPSG:3857 by the tile's cell size (a 256-pixel tile's pixel), lines shorter and polygons smaller
     * than a pixel are dropped, and below zoom {@code thinBelowZoom} points keep one per 4 × 4 pixel cell and lines one per
     * pair of 8 × 8 pixel cells of their first and last points (lowest id), as {@link parkgrid.io.mvt.TileLayerBuilder} does in Java.
     *
     * @param properties the columns to write, null for all
     */
    String tile(QueryPlan plan, java.util.List<String> properties, boolean thinPoints) {
        StringBuilder cols = new StringBuilder();
        for (PropertyDefinition p : layer.properties()) {
            if (properties == null || properties.contains(p.name())) cols.append(", ").append(quote(p.name()));
        }
        String where = plan.where().isEmpty() ? " WHERE " : plan.where() + " AND ";
        String kind = layer.geometryKind().sqlName();
        String size = kind.endsWith("LINESTRING") ? "ST_Length(g) >= ?::float8"
                : kind.endsWith("POLYGON") ? "ST_Area(g) >= ?::float8 * ?::float8" : "?::float8 IS NOT NULL";
        String origin = Double.toString(parkgrid.geo.WebMercatorQuad.ORIGIN);
        String inner = "SELECT * FROM (SELECT fid" + cols + ", ST_Simplify(ST_Transform(geom, 3857), ?::float8) AS g FROM " + table + where
                + "geom && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => " + (64.0 / 4096) + "::float8), 4326)) i WHERE NOT ST_IsEmpty(g) AND " + size;
        String thinned;
        if (!thinPoints) {
            thinned = inner;
        } else if (kind.endsWith("LINESTRING")) {
            // a line whose first and last points fall in the cells of a line already kept adds nothing at this zoom
            String first = "ST_StartPoint(ST_GeometryN(g, 1))", last = "ST_EndPoint(ST_GeometryN(g, ST_NumGeometries(g)))";
            int px = parkgrid.io.mvt.TileLayerBuilder.LINE_THIN_PIXELS;
            thinned = "SELECT DISTINCT ON (ax, ay, bx, by) * FROM (SELECT *, " + cell(first, "X", origin, px) + " AS ax, " + cell(first, "Y", origin, px)
                    + " AS ay, " + cell(last, "X", origin, px) + " AS bx, " + cell(last, "Y", origin, px) + " AS by FROM (" + inner
                    + ") j) c ORDER BY ax, ay, bx, by, fid";
        } else {
            thinned = "SELECT DISTINCT ON (cx, cy) * FROM (SELECT *, " + cell("ST_Centroid(g)", "X", origin, 4) + " AS cx, "
                    + cell("ST_Centroid(g)", "Y", origin, 4) + " AS cy FROM (" + inner + ") j) c ORDER BY cx, cy, fid";
        }
        return "WITH m AS (SELECT fid" + cols + ", ST_AsMVTGeom(g, ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS \"_mvt_geom\" FROM ("
                + thinned + ") s) SELECT ST_AsMVT(m.*, ?::text, 4096, '_mvt_geom', 'fid') FROM m WHERE \"_mvt_geom\" IS NOT NULL";
    }

    /** The thinning cell ({@code pixels} × {@code pixels}, one {@code ?} for the pixel size) of a point's x or y, counted from the matrix's top left. */
    private static String cell(String point, String axis, String origin, int pixels) {
        return axis.equals("X") ? "floor((ST_X(" + point + ") + " + origin + ") / (" + pixels + " * ?::float8))"
                : "floor((" + origin + " - ST_Y(" + point + ")) / (" + pixels + " * ?::float8))";
    }

    /** Binds the parameters of {@link #tile} in its placeholder order. */
    void bindTile(PreparedStatement ps, QueryPlan plan, parkgrid.store.TileQuery q, boolean thinPoints) throws SQLException {
        double cell = parkgrid.geo.WebMercatorQuad.cellSize(q.zoom());
        int i = 1;
        ps.setInt(i++, q.zoom());
        ps.setInt(i++, (int) q.col());
        ps.setInt(i++, (int) q.row());
        if (thinPoints) {
            int cells = layer.geometryKind().sqlName().endsWith("LINESTRING") ? 4 : 2;
            for (int k = 0; k < cells; k++) ps.setDouble(i++, cell);
        }
        ps.setDouble(i++, cell);
        for (Object v : plan.parameters()) ps.setObject(i++, v);
        ps.setInt(i++, q.zoom());
        ps.setInt(i++, (int) q.col());
        ps.setInt(i++, (int) q.row());
        ps.setDouble(i++, cell);
        if (layer.geometryKind().sqlName().endsWith("POLYGON")) ps.setDouble(i++, cell);
        ps.setString(i, layer.name());
    }

    static void bind(PreparedStatement ps, QueryPlan plan) throws SQLException {
        int i = 1;
        for (Object v : plan.parameters()) ps.setObject(i++, v);
    }

    Map<String, Object> properties(ResultSet rs, int first) throws SQLException {
        return PropertyColumns.read(layer, rs, first);
    }
}
