package parkgrid.store.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.feature.PropertyDefinition;
import parkgrid.store.ImportBatches;
import parkgrid.store.ImportProgress;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.GeoPackageGeometry;
import parkgrid.store.FeatureChecks;
import parkgrid.store.FeatureEdit;
import parkgrid.store.VersionedChange;
import parkgrid.store.VersionedFeature;
import parkgrid.store.LayerCatalog;

/**
 * Every write to a GeoPackage file: layer creation, imports and inserts, each on the one writer connection
 * under the file's write lock and in one SQLite transaction. Geometries are EPSG:4326 lon/lat, encoded as
 * GeoPackage binary; gpkg_contents' bounds are kept current for QGIS and GDAL.
 */
final class GeoPackageWriter {
    /**
     * sqlite-jdbc (3.45) runs {@code SELECT last_insert_rowid()} after every statement whose text starts with INSERT,
     * for generated keys an import never reads (a sixth of its CPU); a statement that starts with a comment is left alone.
     */
    private static final String NO_GENERATED_KEYS = "/* ids are the features' own: no generated keys */ ";

    private final GeoPackageFile file;
    private final LayerCatalog layers;

    GeoPackageWriter(GeoPackageFile file, LayerCatalog layers) {
        this.file = file;
        this.layers = layers;
    }

    void createLayer(Layer layer) {
        synchronized (file.writeLock()) {
            requireNew(layer);
            file.createTable(layer);
            layers.add(layer);
        }
    }

    /** The column and the layer definition in one SQLite transaction (ALTER TABLE … ADD COLUMN is transactional in SQLite). */
    Layer addProperty(String layerName, PropertyDefinition property) {
        synchronized (file.writeLock()) {
            Layer layer = layers.require(layerName);
            if (layer.property(property.name()).isPresent()) {
                throw ParkGridException.conflict("layer '" + layerName + "' already has a property '" + property.name() + "'");
            }
            Layer changed = layer.withProperty(property);
            inWriteTransaction(layerName, () -> file.addColumn(changed, property));
            layers.add(changed);
            return changed;
        }
    }

    /** The table and everything the file keeps about it, in one SQLite transaction ({@link GeoPackageFile#deleteLayer}). */
    void deleteLayer(String layerName) {
        synchronized (file.writeLock()) {
            layers.require(layerName);
            inWriteTransaction(layerName, () -> {
                file.deleteLayer(layerName);
                GeoPackageMigrations.VERSIONS.forgetLayer(file.writer(), layerName);
            });
            layers.remove(layerName);
        }
    }

    /**
     * The NGA library writes the GeoPackage's registry tables through a connection of its own, so table
     * creation cannot share one SQLite transaction with the rows. So: the batch's layer names are first
     * recorded as a pending import (committed), then the tables are created, then every layer's rows are
     * streamed ({@link ImportBatches}) and checked and written in one transaction that also clears the
     * pending record. A failure rolls the rows back and deletes the tables again (with their contents,
     * geometry-column, extension and R-tree entries); a crash leaves the pending record, and the next open
     * deletes those tables ({@link GeoPackageFile}). Either way no layer of a failed import is left.
     */
    void importLayers(List<? extends LayerSource> batch, ImportProgress progress) {
        List<String> names = batch.stream().map(d -> d.layer().name()).toList();
        synchronized (file.writeLock()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            batch.forEach(d -> {
                requireNew(d.layer());
                if (!seen.add(d.layer().name())) throw ParkGridException.conflict("layer '" + d.layer().name() + "' already exists");
            });
            List<String> created = new ArrayList<>();
            try {
                file.markPendingImport(names);
                for (LayerSource d : batch) {
                    file.createTable(d.layer());
                    created.add(d.layer().name());
                }
                inWriteTransaction("import", () -> {
                    for (LayerSource source : batch) {
                        importRows(source, progress);
                        updateContentsExtent(source.layer());
                    }
                    file.clearPendingImport(names);
                });
            } catch (SQLException | RuntimeException e) {
                created.forEach(file::dropTable);
                try {
                    file.clearPendingImport(names);
                } catch (SQLException ignored) { /* the next open drops them */ }
                if (e instanceof RuntimeException re) throw re;
                throw new IllegalStateException("import failed: " + e.getMessage(), e);
            }
            batch.forEach(d -> layers.add(d.layer()));
        }
    }

    /**
     * Appends to an existing layer in one write transaction: the same row writer as an import, so a failure rolls
     * every appended row back and the layer is as it was.
     */
    long appendFeatures(String layerName, LayerSource source, ImportProgress progress) {
        Layer layer = layers.require(layerName);
        long[] written = {0};
        synchronized (file.writeLock()) {
            inWriteTransaction(layerName, () -> {
                written[0] = importRows(layer, source, progress, true);
                updateContentsExtent(layer);
            });
        }
        return written[0];
    }

    private long importRows(LayerSource source, ImportProgress progress) throws SQLException {
        return importRows(source.layer(), source, progress, false);
    }

    /**
     * One layer's rows, row by row so that a repeated id is known by name (sqlite-jdbc batches gain nothing). The
     * per-row triggers are dropped for the transaction and created again before it commits, so a failure or a crash
     * leaves them as they were: the R-tree's insert trigger, which would decode every geometry again in the library's
     * Java SQL functions (five calls a row) — the R-tree is written from the envelopes JTS already has, packed in one go
     * for a new layer ({@link PackedRtree}), row by row for an append — and the feature-count trigger (one UPDATE of
     * {@code gpkg_ogr_contents} a row), replaced by one UPDATE by the number written, as GDAL does in a bulk load.
     */
    private long importRows(Layer layer, LayerSource source, ImportProgress progress, boolean append) throws SQLException {
        GeoPackageGeometry codec = new GeoPackageGeometry(GeoJsonReader.WGS84);
        Connection c = file.writer();
        Optional<String> trigger = suspendTrigger(c, GeoPackageSql.rtreeInsertTriggerName(layer.name()));
        Optional<String> countTrigger = suspendTrigger(c, GeoPackageSql.featureCountInsertTriggerName(layer.name()));
        PackedRtree packed = trigger.isPresent() && !append ? new PackedRtree(c, layer.name()) : null;
        long written;
        try (PreparedStatement ps = c.prepareStatement(NO_GENERATED_KEYS + new GeoPackageSql(layer).insert());
             PreparedStatement rtree = trigger.isPresent() && packed == null
                     ? c.prepareStatement(NO_GENERATED_KEYS + GeoPackageSql.rtreeInsert(layer.name())) : null) {
            ImportBatches.BatchWriter rowWriter = (features, rows) -> {
                for (int i = 0; i < features.size(); i++) {
                    Feature f = features.get(i);
                    bindRow(ps, codec, f, rows.get(i));
                    try {
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        if (String.valueOf(e.getMessage()).contains("UNIQUE constraint failed")) {
                            throw FeatureChecks.duplicateId(layer.name(), f.id());
                        }
                        throw e;
                    }
                    if (f.hasGeometry() && !f.geometry().isEmpty()) {
                        var env = f.geometry().getEnvelopeInternal();
                        if (packed != null) {
                            packed.add(f.id(), env);
                        } else if (rtree != null) {
                            rtree.setLong(1, f.id());
                            rtree.setDouble(2, env.getMinX());
                            rtree.setDouble(3, env.getMaxX());
                            rtree.setDouble(4, env.getMinY());
                            rtree.setDouble(5, env.getMaxY());
                            rtree.executeUpdate();
                        }
                    }
                }
            };
            written = append ? ImportBatches.append(layer, source, progress, rowWriter) : ImportBatches.write(source, progress, rowWriter);
            if (packed != null) packed.build();
        } finally {
            if (packed != null) packed.close(); // after a failure: its statement; the rollback takes its table
        }
        if (countTrigger.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement(GeoPackageSql.FEATURE_COUNT_ADD)) {
                ps.setLong(1, written);
                ps.setString(2, layer.name());
                ps.executeUpdate();
            }
        }
        try (var s = c.createStatement()) {
            if (trigger.isPresent()) s.execute(trigger.get());
            if (countTrigger.isPresent()) s.execute(countTrigger.get());
        }
        return written;
    }

    /** Drops trigger {@code name} inside the caller's transaction and returns the SQL that created it, if there is one. */
    private static Optional<String> suspendTrigger(Connection c, String name) throws SQLException {
        Optional<String> sql;
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                sql = rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
        if (sql.isPresent()) {
            try (var s = c.createStatement()) {
                s.execute("DROP TRIGGER \"" + name + "\""); // a layer name (an identifier) with a fixed prefix or suffix
            }
        }
        return sql;
    }

    private static void bindRow(PreparedStatement ps, GeoPackageGeometry codec, Feature f, Object[] values) throws SQLException {
        ps.setLong(1, f.id());
        if (f.hasGeometry()) ps.setBytes(2, codec.encode(f.geometry(), GeoPackageFile.SRS_ID));
        else ps.setNull(2, java.sql.Types.BLOB); // NULL geom: the R-tree triggers add no row for it
        for (int k = 0; k < values.length; k++) ps.setObject(3 + k, values[k]);
    }

    void insert(String layerName, List<Feature> features) {
        Layer layer = layers.require(layerName);
        List<Object[]> rows = FeatureChecks.check(layer, features);
        synchronized (file.writeLock()) {
            inWriteTransaction(layerName, () -> insertRows(layer, features, rows));
        }
    }

    /**
     * Inserts one new feature with its audit record, with its id or the next free one (the write lock
     * serialises creators); 409 when the id exists.
     */
    VersionedFeature create(String layerName, OptionalLong id, Geometry geometry, Map<String, Object> properties, String who) {
        Layer layer = layers.require(layerName);
        Instant at = now();
        VersionedFeature[] result = {null};
        synchronized (file.writeLock()) {
            inWriteTransaction(layerName, () -> {
                result[0] = new Change(new GeoPackageSql(layer), layerName).create(file.writer(), layer, id, geometry, properties, who, at);
                updateContentsExtent(layer);
            });
        }
        return result[0];
    }

    /** Puts feature {@code id} back as it was at {@code toVersion}; see {@link VersionedChange#revert}. */
    VersionedFeature revert(String layerName, long id, long toVersion, OptionalLong expectedVersion, String who) {
        Layer layer = layers.require(layerName);
        Instant at = now();
        VersionedFeature[] result = {null};
        synchronized (file.writeLock()) {
            inWriteTransaction(layerName, () -> {
                result[0] = new Change(new GeoPackageSql(layer), layerName).revert(file.writer(), layer, id, toVersion, expectedVersion, who, at);
                updateContentsExtent(layer);
            });
        }
        return result[0];
    }

    /**
     * Applies {@code edit} to feature {@code id} when it is at {@code expectedVersion}, with its audit
     * record, in one transaction; the write lock serialises writers, so two edits of one version cannot
     * both succeed.
     *
     * @return the feature after the edit, empty after a delete
     * @throws ParkGridException 404 when there is no such feature, 412 when its version is not the expected one
     */
    Optional<VersionedFeature> change(String layerName, long id, long expectedVersion, String who, FeatureEdit edit) {
        Layer layer = layers.require(layerName);
        GeoPackageSql sql = new GeoPackageSql(layer);
        Instant at = now();
        VersionedFeature[] result = {null};
        synchronized (file.writeLock()) {
            inWriteTransaction(layerName, () -> {
                result[0] = new Change(sql, layerName).apply(file.writer(), layer, id, expectedVersion, who, edit, at).orElse(null);
                updateContentsExtent(layer);
            });
        }
        return Optional.ofNullable(result[0]);
    }

    /** How a GeoPackage row takes a {@link VersionedChange}: the writer lock already serialises writers. */
    private static final class Change extends VersionedChange {
        private final GeoPackageSql sql;
        private final GeoPackageGeometry codec = new GeoPackageGeometry(GeoJsonReader.WGS84);

        Change(GeoPackageSql sql, String layerName) {
            super(GeoPackageMigrations.VERSIONS, layerName);
            this.sql = sql;
        }

        @Override
        protected Optional<Feature> row(Connection c, long id) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql.byId())) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Feature(rs.getLong(1), codec.decode(rs.getBytes(2)), sql.properties(rs, 3)));
                }
            }
        }

        @Override
        protected String insertSql() {
            return sql.insert();
        }

        @Override
        protected String largestIdSql() {
            return sql.largestId();
        }

        @Override
        protected String deleteSql() {
            return sql.delete();
        }

        @Override
        protected String updateSql() {
            return sql.update();
        }

        @Override
        protected void bindGeometry(PreparedStatement ps, int index, Geometry geometry) throws SQLException {
            if (geometry == null) ps.setNull(index, java.sql.Types.BLOB);
            else ps.setBytes(index, codec.encode(geometry, GeoPackageFile.SRS_ID));
        }
    }

    /** Milliseconds: what both stores keep. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private void requireNew(Layer layer) {
        if (layers.contains(layer.name()) || file.isTable(layer.name())) {
            throw ParkGridException.conflict("layer '" + layer.name() + "' already exists");
        }
    }

    private void insertRows(Layer layer, List<Feature> features, List<Object[]> rows) throws SQLException {
        GeoPackageGeometry codec = new GeoPackageGeometry(GeoJsonReader.WGS84);
        try (PreparedStatement ps = file.writer().prepareStatement(new GeoPackageSql(layer).insert())) {
            for (int i = 0; i < features.size(); i++) {
                bindRow(ps, codec, features.get(i), rows.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        updateContentsExtent(layer);
    }

    /** Runs {@code work} under the write lock in one transaction on the writer connection, and returns its answer. */
    <T> T inWriteTransaction(String what, parkgrid.store.TokenTable.Work<T> work) {
        synchronized (file.writeLock()) {
            List<T> out = new ArrayList<>(1);
            inWriteTransaction(what, () -> out.add(work.run(file.writer())));
            return out.get(0);
        }
    }

    interface WriteWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction on the writer connection; the caller holds the write lock. */
    void inWriteTransaction(String what, WriteWork work) {
        var writer = file.writer();
        try {
            writer.setAutoCommit(false);
            work.run();
            writer.commit();
        } catch (SQLException e) {
            rollback();
            if (String.valueOf(e.getMessage()).contains("UNIQUE constraint failed")) {
                throw ParkGridException.conflict(what + ": a feature id already exists (" + e.getMessage() + ")");
            }
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } finally {
            try { writer.setAutoCommit(true); } catch (SQLException ignored) { /* connection is broken anyway */ }
        }
    }

    /** Keeps gpkg_contents' bounds current: QGIS and GDAL read the layer extent from there. */
    private void updateContentsExtent(Layer layer) throws SQLException {
        RtreeExtent.storeInContents(file.writer(), layer.name(), true);
    }

    private void rollback() {
        try { file.writer().rollback(); } catch (SQLException ignored) { /* the original error is what matters */ }
    }
}
