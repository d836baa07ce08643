package parkgrid.store.geopackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerData;
import parkgrid.feature.ParkGridException;
import parkgrid.filter.FilterEvaluator;
import parkgrid.feature.PropertyDefinition;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.GeoPackageGeometry;
import parkgrid.store.BboxFilter;
import parkgrid.store.FeatureStore;
import parkgrid.store.LayerCatalog;
import parkgrid.store.FeatureChecks;
import parkgrid.store.LayerMetadataJson;

/**
 * {@link FeatureStore} on a GeoPackage file. One writer connection (the NGA library's, which registers
 * the SQL functions the R-tree triggers call) serialised by a lock; a pool of read-only connections.
 * The file is in WAL mode with {@code synchronous=FULL}: a committed write survives a crash.
 */
public final class GeoPackageStore implements FeatureStore {
    static final int SRS_ID = 4326;
    static final String METADATA_TABLE = "parkgrid_layer";

    private final Path file;
    private final GeoPackage geoPackage;
    private final Connection writer;
    private final Object writeLock = new Object();
    private final ReadConnections readers;
    private final LayerCatalog layers = new LayerCatalog();

    private GeoPackageStore(Path file, GeoPackage geoPackage) throws SQLException {
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
        registerMetadataTable();
        this.readers = new ReadConnections(file, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT layer_json FROM " + METADATA_TABLE)) {
            while (rs.next()) {
                Layer l = LayerMetadataJson.read(rs.getString(1));
                if (geoPackage.isTable(l.name())) layers.add(l); // a definition left by an interrupted import is skipped
            }
        }
    }

    /**
     * The layer definitions live in a GeoPackage "attributes" table, registered in gpkg_contents so that
     * GDAL and QGIS see a documented non-spatial table rather than an unknown one.
     */
    private void registerMetadataTable() throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + METADATA_TABLE + " (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                    + "table_name TEXT NOT NULL UNIQUE, layer_json TEXT NOT NULL)");
            s.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('"
                    + METADATA_TABLE + "', 'attributes', 'ParkGrid layer definitions', "
                    + "'Title, Chinese title, source, positional accuracy and typed property schema of each ParkGrid layer (JSON)')");
        }
    }

    /** Opens the GeoPackage at {@code file}, creating an empty one (with its parent folder) if missing. */
    public static GeoPackageStore open(Path file) {
        try {
            if (!Files.exists(file)) {
                if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
                GeoPackageManager.create(file.toFile());
            }
            return new GeoPackageStore(file, GeoPackageManager.open(file.toFile()));
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IllegalStateException("cannot open GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code file}; when it does not exist yet, first builds it with {@code seed} in a separate
     * file ({@code <name>.seeding.gpkg}) and renames that into place once complete, so an interrupted first
     * start never leaves a half-seeded store behind.
     */
    public static GeoPackageStore openSeeded(Path file, Supplier<List<LayerData>> seed) {
        if (!Files.exists(file)) {
            // the NGA library insists on the .gpkg extension
            Path building = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.gpkg$", "") + ".seeding.gpkg");
            try {
                for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(building + suffix));
                try (GeoPackageStore fresh = open(building)) {
                    fresh.importLayers(seed.get());
                }
                Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
            }
        }
        return open(file);
    }

    public Path file() { return file; }

    @Override
    public List<Layer> layers() {
        return layers.all();
    }

    @Override
    public Optional<Layer> layer(String name) {
        return layers.find(name);
    }

    @Override
    public void createLayer(Layer layer) {
        synchronized (writeLock) {
            requireNew(layer);
            createTable(layer);
            layers.add(layer);
        }
    }

    /**
     * The NGA library writes the GeoPackage's registry tables through a connection of its own, so table
     * creation cannot share one SQLite transaction with the rows. Instead every feature is checked
     * before anything is written, each layer's rows go in one transaction, and when any step fails the
     * tables this batch created are deleted again (with their contents, geometry-column, extension and
     * R-tree entries). The first seed is additionally made in a separate file that is renamed into place
     * only when complete ({@link #openSeeded}), so a crash cannot leave a half-seeded store.
     */
    @Override
    public void importLayers(List<LayerData> batch) {
        List<List<Object[]>> rows = new ArrayList<>();
        for (LayerData d : batch) rows.add(FeatureChecks.check(d.layer(), d.features()));
        synchronized (writeLock) {
            batch.forEach(d -> requireNew(d.layer()));
            List<String> created = new ArrayList<>();
            try {
                for (int i = 0; i < batch.size(); i++) {
                    Layer layer = batch.get(i).layer();
                    createTable(layer);
                    created.add(layer.name());
                    List<Feature> features = batch.get(i).features();
                    List<Object[]> layerRows = rows.get(i);
                    inWriteTransaction(layer.name(), () -> insertRows(layer, features, layerRows));
                }
            } catch (RuntimeException e) {
                created.forEach(this::dropTable);
                throw e;
            }
            batch.forEach(d -> layers.add(d.layer()));
        }
    }

    private void dropTable(String name) {
        geoPackage.deleteTableQuietly(name);
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM " + METADATA_TABLE + " WHERE table_name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        } catch (SQLException ignored) {
            // the layer is gone from the GeoPackage registry; a stale definition is skipped on open
        }
    }

    private void requireNew(Layer layer) {
        if (layers.contains(layer.name()) || geoPackage.isTable(layer.name())) {
            throw ParkGridException.conflict("layer '" + layer.name() + "' already exists");
        }
    }

    /** The feature table with its R-tree index, contents entry and ParkGrid metadata. */
    private void createTable(Layer layer) {
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
        try (PreparedStatement ps = writer.prepareStatement(
                "UPDATE gpkg_contents SET identifier = ?, description = ? WHERE table_name = ?")) {
            ps.setString(1, layer.title());
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

    private static GeoPackageDataType dataType(PropertyDefinition p) {
        return switch (p.type()) {
            case STRING -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.INTEGER;
            case NUMBER -> GeoPackageDataType.DOUBLE;
        };
    }

    @Override
    public void insert(String layerName, List<Feature> features) {
        Layer layer = layers.require(layerName);
        List<Object[]> rows = FeatureChecks.check(layer, features);
        synchronized (writeLock) {
            inWriteTransaction(layerName, () -> insertRows(layer, features, rows));
        }
    }

    private void insertRows(Layer layer, List<Feature> features, List<Object[]> rows) throws SQLException {
        GeoPackageGeometry codec = new GeoPackageGeometry(GeoJsonReader.WGS84);
        try (PreparedStatement ps = writer.prepareStatement(new GeoPackageSql(layer).insert())) {
            for (int i = 0; i < features.size(); i++) {
                Feature f = features.get(i);
                ps.setLong(1, f.id());
                if (f.hasGeometry()) ps.setBytes(2, codec.encode(f.geometry(), SRS_ID));
                else ps.setNull(2, java.sql.Types.BLOB); // NULL geom: the R-tree triggers add no row for it
                Object[] values = rows.get(i);
                for (int k = 0; k < values.length; k++) ps.setObject(3 + k, values[k]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        updateContentsExtent(layer);
    }

    private interface WriteWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction on the writer connection; the caller holds {@code writeLock}. */
    private void inWriteTransaction(String what, WriteWork work) {
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
        String rtree = GeoPackageSql.rtree(layer.name());
        try (PreparedStatement s = writer.prepareStatement("UPDATE gpkg_contents SET min_x = (SELECT min(minx) FROM " + rtree + "), min_y = (SELECT min(miny) FROM "
                    + rtree + "), max_x = (SELECT max(maxx) FROM " + rtree + "), max_y = (SELECT max(maxy) FROM " + rtree
                    + "), last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?")) {
            s.setString(1, layer.name());
            s.executeUpdate();
        }
    }

    private void rollback() {
        try { writer.rollback(); } catch (SQLException ignored) { /* the original error is what matters */ }
    }

    @Override
    public Optional<Envelope> extent(String layerName) {
        Layer layer = layers.require(layerName);
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(new GeoPackageSql(layer).extent())) {
                if (!rs.next() || rs.getObject(1) == null) return Optional.<Envelope>empty();
                return Optional.of(new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4)));
            }
        });
    }

    @Override
    public long count(String layerName, FeatureQuery query) {
        Layer layer = layers.require(layerName);
        if (GeoPackageSql.isDecidedBySql(query)) {
            return read(c -> {
                GeoPackageSql sql = new GeoPackageSql(layer);
                try (PreparedStatement ps = c.prepareStatement(sql.count(query))) {
                    sql.bind(ps, query);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        }
        if (query.filter() == null || !GeoPackageSql.filterSql(query).requiresJavaEvaluation()) {
            return countBbox(layer, query);
        }
        long[] n = {0};
        try {
            forEach(layerName, query.unpaged(), f -> n[0]++);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return n[0];
    }

    /** A bbox count that decodes only the geometries on the box's edge. */
    private long countBbox(Layer layer, FeatureQuery query) {
        GeoPackageSql sql = new GeoPackageSql(layer);
        BboxFilter bbox = new BboxFilter(query.bbox());
        GeoPackageGeometry codec = new GeoPackageGeometry(GeoJsonReader.WGS84);
        return read(c -> {
            long n;
            try (PreparedStatement ps = c.prepareStatement(sql.countBbox(query, true))) {
                sql.bindCountBbox(ps, query);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql.countBbox(query, false))) {
                sql.bindCountBbox(ps, query);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) if (bbox.matches(codec.decode(rs.getBytes(2)))) n++;
                }
            }
            return n;
        });
    }

    @Override
    public void forEach(String layerName, FeatureQuery query, FeatureSink sink) throws IOException {
        Layer layer = layers.require(layerName);
        GeoPackageSql sql = new GeoPackageSql(layer);
        GeoPackageGeometry codec = new GeoPackageGeometry(GeoJsonReader.WGS84);
        BboxFilter bbox = query.bbox() == null ? null : new BboxFilter(query.bbox());
        FilterEvaluator residual = query.filter() == null || !GeoPackageSql.filterSql(query).requiresJavaEvaluation() ? null
                : new FilterEvaluator(GeoPackageSql.filterSql(query).getResidual());
        boolean pagedInJava = !GeoPackageSql.isDecidedBySql(query);
        Connection c = readers.borrow();
        try (PreparedStatement ps = c.prepareStatement(sql.select(query))) {
            sql.bind(ps, query);
            try (ResultSet rs = ps.executeQuery()) {
                long skipped = 0, returned = 0;
                while (returned < query.limit() && rs.next()) {
                    Geometry g = codec.decode(rs.getBytes(2));
                    // The R-tree holds float32 bounds rounded outward: its hits are candidates, JTS decides.
                    if (bbox != null && !bbox.matches(g)) continue;
                    Feature f = new Feature(rs.getLong(1), g, sql.properties(rs, 3));
                    if (residual != null && !residual.matches(f)) continue;
                    if (pagedInJava && skipped < query.offset()) { skipped++; continue; }
                    sink.accept(f);
                    returned++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + layerName + " failed: " + e.getMessage(), e);
        } finally {
            readers.giveBack(c);
        }
    }

    @Override
    public Optional<Feature> feature(String layerName, long id) {
        Layer layer = layers.require(layerName);
        GeoPackageSql sql = new GeoPackageSql(layer);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.byId())) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<Feature>empty();
                    Geometry g = new GeoPackageGeometry(GeoJsonReader.WGS84).decode(rs.getBytes(2));
                    return Optional.of(new Feature(rs.getLong(1), g, sql.properties(rs, 3)));
                }
            }
        });
    }

    @Override
    public String kind() {
        return "geopackage";
    }

    @Override
    public String description() {
        return "GeoPackage " + file;
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


    private interface ReadWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(ReadWork<T> work) {
        Connection c = readers.borrow();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("GeoPackage read failed: " + e.getMessage(), e);
        } finally {
            readers.giveBack(c);
        }
    }
}
