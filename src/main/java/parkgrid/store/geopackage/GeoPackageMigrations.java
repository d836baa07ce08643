package parkgrid.store.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered, forward-only migrations of a GeoPackage file's ParkGrid tables, as {@code PostGisMigrations}
 * does for PostGIS: the schema version is kept in {@code parkgrid_schema}, and each migration runs with its
 * version update in one SQLite transaction on the writer connection, so a file stops at a whole version.
 * A file from before this table existed is version 1 when it has {@code parkgrid_layer}, else 0 (new).
 * Append migrations, never edit one: a file made by an older ParkGrid upgrades in place when opened.
 */
final class GeoPackageMigrations {
    static final String SCHEMA_TABLE = "parkgrid_schema";
    static final String VERSION_TABLE = "parkgrid_feature_version";
    static final String AUDIT_TABLE = "parkgrid_audit";
    static final String PENDING_IMPORT_TABLE = "parkgrid_pending_import";
    static final String TOKEN_TABLE = "parkgrid_token";
    static final String IMPORT_JOB_TABLE = "parkgrid_import_job";
    /** The SQL of feature versions and the audit trail in a GeoPackage file (times as ISO-8601 UTC text). */
    static final parkgrid.store.VersionTables VERSIONS = new parkgrid.store.VersionTables(parkgrid.store.SqlDialect.SQLITE, VERSION_TABLE, AUDIT_TABLE);

    private GeoPackageMigrations() {}

    /** One migration: its statements, run on the writer connection inside the migration's transaction. */
    @FunctionalInterface
    private interface Step {
        void apply(Statement s) throws SQLException;
    }

    /** A migration of fixed statements. */
    private static Step sql(List<String> statements) {
        return s -> {
            for (String sql : statements) s.execute(sql);
        };
    }

    /** Migration {@code i} (1-based) is {@code STEPS.get(i - 1)}. */
    private static final List<Step> STEPS = List.of(
            // 1: the layer definitions, registered as a documented attributes table for GDAL and QGIS
            sql(List.of("CREATE TABLE IF NOT EXISTS " + GeoPackageFile.METADATA_TABLE + " (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                            + "table_name TEXT NOT NULL UNIQUE, layer_json TEXT NOT NULL)",
                    "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('"
                            + GeoPackageFile.METADATA_TABLE + "', 'attributes', 'ParkGrid layer definitions', "
                            + "'Title, Chinese title, source, positional accuracy and typed property schema of each ParkGrid layer (JSON)')")),
            // 2: versions of changed features (absent: version 1) and the audit trail of every change
            sql(List.of("CREATE TABLE " + VERSION_TABLE + " (table_name TEXT NOT NULL, fid INTEGER NOT NULL, "
                            + "version INTEGER NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (table_name, fid))",
                    "CREATE TABLE " + AUDIT_TABLE + " (id INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL, "
                            + "fid INTEGER NOT NULL, version INTEGER NOT NULL, action TEXT NOT NULL, who TEXT NOT NULL, "
                            + "at TEXT NOT NULL, before TEXT, after TEXT)",
                    "CREATE INDEX " + AUDIT_TABLE + "_feature ON " + AUDIT_TABLE + " (table_name, fid, id)")),
            // 3: layers of an import not yet committed: dropped when the file is opened after a crash
            sql(List.of("CREATE TABLE " + PENDING_IMPORT_TABLE + " (table_name TEXT PRIMARY KEY)")),
            // 4: bearer tokens, kept as SHA-256 hashes (store.TokenSecret); not in gpkg_contents, as versions and audit
            sql(parkgrid.store.TokenTable.createStatements(parkgrid.store.SqlDialect.SQLITE, TOKEN_TABLE, TOKEN_TABLE + "_hash")),
            // 5: each layer's feature count in GDAL's gpkg_ogr_contents, kept by triggers (the collections' itemCount without
            // counting rows), and gpkg_contents' bounds recomputed once from the R-trees (the collections' extent reads them)
            GeoPackageMigrations::maintainFeatureCounts,
            // 6: import jobs (store.ImportJobTable), kept for progress polls; not in gpkg_contents either
            sql(parkgrid.store.ImportJobTable.createStatements(IMPORT_JOB_TABLE, IMPORT_JOB_TABLE + "_finished")));

    private static void maintainFeatureCounts(Statement s) throws SQLException {
        s.execute(GeoPackageSql.CREATE_FEATURE_COUNT_TABLE);
        // layer → has an R-tree; a definition whose table is gone (skipped on open) has nothing to count
        java.util.Map<String, Boolean> layers = new java.util.LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT l.table_name, EXISTS (SELECT 1 FROM sqlite_master r WHERE r.name = 'rtree_' || l.table_name || '_geom') FROM "
                + GeoPackageFile.METADATA_TABLE + " l JOIN sqlite_master m ON m.type = 'table' AND m.name = l.table_name")) {
            while (rs.next()) layers.put(rs.getString(1), rs.getBoolean(2));
        }
        for (var layer : layers.entrySet()) {
            for (String sql : GeoPackageSql.maintainedCount(layer.getKey())) s.execute(sql);
            if (layer.getValue()) RtreeExtent.storeInContents(s.getConnection(), layer.getKey(), false);
        }
    }

    /** The version this code writes. */
    static int latest() {
        return STEPS.size();
    }

    /** Applies every pending migration; @return the file's version afterwards */
    static int apply(Connection writer) throws SQLException {
        int current = current(writer);
        for (int v = current + 1; v <= STEPS.size(); v++) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA_TABLE + " (version INTEGER NOT NULL)");
                STEPS.get(v - 1).apply(s);
                s.execute("DELETE FROM " + SCHEMA_TABLE);
                try (PreparedStatement ps = writer.prepareStatement("INSERT INTO " + SCHEMA_TABLE + " (version) VALUES (?)")) {
                    ps.setInt(1, v);
                    ps.executeUpdate();
                }
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw new SQLException("GeoPackage migration " + v + " failed: " + e.getMessage(), e);
            } finally {
                writer.setAutoCommit(true);
            }
        }
        return Math.max(current, STEPS.size());
    }

    /** The file's schema version: recorded, or 1 for a file made before versions were recorded, or 0. */
    static int current(Connection c) throws SQLException {
        if (isTable(c, SCHEMA_TABLE)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(version) FROM " + SCHEMA_TABLE)) {
                if (rs.next() && rs.getObject(1) != null) return rs.getInt(1);
            }
        }
        return isTable(c, GeoPackageFile.METADATA_TABLE) ? 1 : 0;
    }

    private static boolean isTable(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
