package parkgrid.store.geopackage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.sf.GeometryType;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.store.LayerMetadataJson;
import parkgrid.store.SqlDialect;

/**
 * One open GeoPackage file: the writer connection (the NGA library's, which registers the SQL functions
 * the R-tree triggers call), a pool of read-only connections, and the DDL for feature tables (table,
 * R-tree index extension, contents entry and ParkGrid layer definition). The file is in WAL mode with
 * {@code synchronous=FULL}: a committed write survives a crash. Writes on {@link #writer()} must hold
 * {@link #writeLock()}.
 */
final class GeoPackageFile implements AutoCloseable {
    static final int SRS_ID = 4326;
    static final String METADATA_TABLE = "parkgrid_layer";

    private final Path file;
    private final GeoPackage geoPackage;
    private final Connection writer;
    private final Object writeLock = new Object();
    private final ReadConnections readers;

    private GeoPackageFile(Path file, GeoPackage geoPackage) throws SQLException {
        this.file = file;
        this.geoPackage = geoPackage;
        this.writer = geoPackage.getConnection().getConnection();
        new RTreeIndexExtension(geoPackage).createAllFunctions();
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            // GDAL 3.6 / QGIS read 1.3 without warnings; the NGA library writes 1.4, which adds nothing we use.
            s.execute("PRAGMA user_version=10300");
        }
        // the layer definitions live in a GeoPackage "attributes" table; versions and audit beside them
        GeoPackageMigrations.apply(writer);
        dropInterruptedImports();
        this.readers = new ReadConnections(file, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
    }

    /** Opens the GeoPackage at {@code file}, creating an empty one (with its parent folder) if missing. */
    static GeoPackageFile open(Path file) {
        try {
            if (!Files.exists(file)) {
                if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
                GeoPackageManager.create(file.toFile());
            }
            return new GeoPackageFile(file, GeoPackageManager.open(file.toFile()));
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IllegalStateException("cannot open GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    Path path() { return file; }

    Connection writer() { return writer; }

    Object writeLock() { return writeLock; }

    /** The layers defined in the file; a definition left by an interrupted import (no table) is skipped. */
    List<Layer> layers() throws SQLException {
        List<Layer> out = new ArrayList<>();
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT layer_json FROM " + METADATA_TABLE)) {
            while (rs.next()) {
                Layer l = LayerMetadataJson.read(rs.getString(1));
                if (geoPackage.isTable(l.name())) out.add(l);
            }
        }
        return out;
    }

    boolean isTable(String name) {
        return geoPackage.isTable(name);
    }

    /** The feature table with its R-tree index, contents entry and ParkGrid metadata. */
    void createTable(Layer layer) {
        try {
            createTableUnchecked(layer);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof ParkGridException pe) throw pe;
            throw new IllegalStateException("cannot create layer " + layer.name() + ": " + e.getMessage(), e);
        }
    }

    private void createTableUnchecked(Layer layer) throws SQLException {
        geoPackage.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", SRS_ID);
        GeometryColumns gc = new GeometryColumns();
        gc.setId(new TableColumnKey(layer.name(), "geom"));
        gc.setGeometryType(GeometryType.fromName(layer.geometryKind().sqlName()));
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrsId(SRS_ID);
        List<FeatureColumn> columns = new ArrayList<>();
        for (PropertyDefinition p : layer.properties()) {
            columns.add(FeatureColumn.createColumn(p.name(), dataType(p)));
        }
        FeatureTable table = geoPackage.createFeatureTable(FeatureTableMetadata.create(gc, "fid", columns,
                new BoundingBox(-180, -90, 180, 90)));
        new RTreeIndexExtension(geoPackage).create(table);
        try (Statement s = writer.createStatement()) {
            for (String sql : GeoPackageSql.maintainedCount(layer.name())) s.execute(sql);
        }
        try (PreparedStatement ps = writer.prepareStatement(
                "UPDATE gpkg_contents SET identifier = ?, description = ? WHERE table_name = ?")) {
            ps.setString(1, contentsIdentifier(layer));
            ps.setString(2, layer.description() == null ? "" : layer.description());
            ps.setString(3, layer.name());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO " + METADATA_TABLE + " (table_name, layer_json) VALUES (?, ?)")) {
            ps.setString(1, layer.name());
            ps.setString(2, LayerMetadataJson.write(layer));
            ps.executeUpdate();
        }
    }

    /**
     * The layer's title as its gpkg_contents identifier, which GeoPackage keeps unique: when another table has
     * that title already (two layers may share one in ParkGrid), the table name is added in brackets.
     */
    private String contentsIdentifier(Layer layer) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("SELECT 1 FROM gpkg_contents WHERE identifier = ? AND table_name <> ?")) {
            ps.setString(1, layer.title());
            ps.setString(2, layer.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? layer.title() + " (" + layer.name() + ")" : layer.title();
            }
        }
    }

    private static GeoPackageDataType dataType(PropertyDefinition p) {
        return switch (p.type()) {
            case STRING -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.INTEGER;
            case NUMBER -> GeoPackageDataType.DOUBLE;
        };
    }

    /**
     * Adds {@code property}'s column to the table of {@code changed} (existing rows get NULL) and stores
     * {@code changed} as its definition; the caller holds the write lock and the transaction.
     */
    void addColumn(Layer changed, PropertyDefinition property) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute(parkgrid.store.SqlDialect.SQLITE.addColumn(parkgrid.store.SqlNames.quote(changed.name()), property));
        }
        try (PreparedStatement ps = writer.prepareStatement("UPDATE " + METADATA_TABLE + " SET layer_json = ? WHERE table_name = ?")) {
            ps.setString(1, LayerMetadataJson.write(changed));
            ps.setString(2, changed.name());
            ps.executeUpdate();
        }
    }

    /**
     * Deletes a feature table with plain SQL on the writer connection, so that it is one transaction with the
     * caller's other statements (unlike {@link #dropTable}, which goes through the NGA library): its R-tree
     * (the table's triggers go with the table), its rows in the GeoPackage registry (extensions, geometry
     * columns, data columns, contents) and its ParkGrid definition. The caller holds the write lock and the transaction.
     */
    void deleteLayer(String name) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + SqlDialect.rtree(name));
            s.execute("DROP TABLE " + parkgrid.store.SqlNames.quote(name));
        }
        for (String registry : List.of("gpkg_extensions", "gpkg_data_columns", "gpkg_geometry_columns", "gpkg_contents",
                GeoPackageSql.FEATURE_COUNT_TABLE, METADATA_TABLE, GeoPackageMigrations.PENDING_IMPORT_TABLE)) {
            if (!isRegistryTable(registry)) continue;
            try (PreparedStatement ps = writer.prepareStatement("DELETE FROM " + registry + " WHERE table_name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
        }
    }

    private boolean isRegistryTable(String name) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Deletes a table with its contents, geometry-column, extension and R-tree entries and its definition. */
    void dropTable(String name) {
        geoPackage.deleteTableQuietly(name);
        for (String table : List.of(METADATA_TABLE, GeoPackageSql.FEATURE_COUNT_TABLE)) {
            try (PreparedStatement ps = writer.prepareStatement("DELETE FROM " + table + " WHERE table_name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            } catch (SQLException ignored) {
                // the layer is gone from the GeoPackage registry; a stale definition is skipped on open, a stale count unread
            }
        }
    }

    /**
     * Records that an import is about to create {@code names}, in its own committed transaction before any
     * table exists: the tables are made through the NGA library's registry, outside the rows' transaction,
     * so a crash between the two must be recognisable on the next open ({@link #dropInterruptedImports}).
     * The import's rows transaction clears the record with {@link #clearPendingImport} when it commits.
     */
    void markPendingImport(List<String> names) throws SQLException {
        writer.setAutoCommit(false);
        try (PreparedStatement ps = writer.prepareStatement("INSERT OR REPLACE INTO " + GeoPackageMigrations.PENDING_IMPORT_TABLE + " VALUES (?)")) {
            for (String n : names) {
                ps.setString(1, n);
                ps.executeUpdate();
            }
            writer.commit();
        } catch (SQLException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    /** Clears the pending record of {@code names}; inside the import's transaction, or after dropping them. */
    void clearPendingImport(List<String> names) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM " + GeoPackageMigrations.PENDING_IMPORT_TABLE + " WHERE table_name = ?")) {
            for (String n : names) {
                ps.setString(1, n);
                ps.executeUpdate();
            }
        }
    }

    /** Drops every layer an import had created when the process stopped before the import committed. */
    private void dropInterruptedImports() throws SQLException {
        List<String> pending = new ArrayList<>();
        try (Statement s = writer.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM " + GeoPackageMigrations.PENDING_IMPORT_TABLE)) {
            while (rs.next()) pending.add(rs.getString(1));
        }
        for (String name : pending) dropTable(name);
        clearPendingImport(pending);
    }

    /** A read-only connection for a streaming read; hand it back with {@link #giveBack}. */
    Connection borrowReader() { return readers.borrow(); }

    void giveBack(Connection c) { readers.giveBack(c); }

    interface ReadWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a borrowed read-only connection. */
    <T> T read(ReadWork<T> work) {
        Connection c = readers.borrow();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("GeoPackage read failed: " + e.getMessage(), e);
        } finally {
            readers.giveBack(c);
        }
    }

    @Override
    public void close() {
        readers.close();
        synchronized (writeLock) {
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException ignored) { /* closing anyway */ }
            geoPackage.close();
        }
    }
}
