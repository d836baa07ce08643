package parkgrid.store.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.store.ImportBatches;
import parkgrid.store.ImportProgress;
import parkgrid.feature.Neighbour;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.MetricEnvelope;
import parkgrid.store.AuditRecord;
import parkgrid.store.FeatureChecks;
import parkgrid.store.FeatureEdit;
import parkgrid.store.VersionedFeature;
import parkgrid.store.FeatureStore;
import parkgrid.store.LayerCatalog;
import parkgrid.store.LayerMetadataJson;
import parkgrid.store.QueryPlan;
import parkgrid.store.SqlDialect;
import parkgrid.store.TokenStore;
import parkgrid.store.TokenTable;
import parkgrid.store.ImportJobStore;
import parkgrid.store.ImportJobTable;
import static parkgrid.store.SqlNames.quote;

/** {@link FeatureStore} on PostgreSQL + PostGIS, in its own schema, with a Hikari connection pool. */
public final class PostGisStore implements FeatureStore {
    private final HikariDataSource pool;
    private final String schema;
    /** How stale this instance's view of layers created or changed through another instance may be. */
    static final java.time.Duration CATALOG_REFRESH = java.time.Duration.ofSeconds(1);

    /** The longest page read without a cursor (the bbox page's 1 000 rows are about 150 kB). */
    static final long WHOLE_RESULT_ROWS = 10_000;

    private final LayerCatalog layers;
    private final PostGisVersionedWrites versionedWrites;
    private final TokenTable tokens;
    private final ImportJobTable importJobs;

    private PostGisStore(HikariDataSource pool, String schema) throws SQLException {
        this.pool = pool;
        this.schema = schema;
        try (Connection c = pool.getConnection()) {
            new PostGisMigrations(schema).apply(c);
        }
        this.layers = new LayerCatalog(new SharedLayers(), CATALOG_REFRESH);
        this.versionedWrites = new PostGisVersionedWrites(this, schema, layers);
        PooledConnections pooled = new PooledConnections();
        this.tokens = new TokenTable(SqlDialect.POSTGIS, PostGisMigrations.tokenTable(schema), pooled);
        // job rows on a pooled connection of their own, never the import's: they commit while the import's transaction is open
        this.importJobs = new ImportJobTable(PostGisMigrations.importJobTable(schema), pooled);
    }

    /** Token and import job rows: reads and short transactions on pooled connections. */
    private final class PooledConnections implements ImportJobTable.Connections {
        @Override public <T> T read(TokenTable.Work<T> work) {
            return PostGisStore.this.read(work::run);
        }

        @Override public <T> T write(TokenTable.Work<T> work) {
            List<T> out = new ArrayList<>(1);
            inTransaction(c -> out.add(work.run(c)));
            return out.get(0);
        }

        @Override public <T> Optional<T> writeIfFree(TokenTable.Work<T> work) {
            return Optional.of(write(work)); // PostgreSQL takes concurrent writers: a job row never waits for an import
        }
    }

    /** The layer definitions of this schema, shared by every instance over it; the fingerprint is a hash of them all. */
    private final class SharedLayers implements LayerCatalog.Source {
        @Override
        public String fingerprint() {
            return read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(table_name || '=' || layer_json::text, ',' "
                             + "ORDER BY table_name)), '') FROM " + quote(schema) + ".parkgrid_layer")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        }

        @Override
        public List<Layer> load() {
            return read(c -> {
                List<Layer> out = new ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT layer_json::text FROM " + quote(schema) + ".parkgrid_layer")) {
                    while (rs.next()) out.add(LayerMetadataJson.read(rs.getString(1)));
                }
                return out;
            });
        }
    }

    /** Connects, applies pending migrations (creating the PostGIS extension and schema if needed). */
    public static PostGisStore open(String jdbcUrl, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("parkgrid-postgis");
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new PostGisStore(pool, schema);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot open PostGIS store at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

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
        if (layers.contains(layer.name())) throw ParkGridException.conflict("layer '" + layer.name() + "' already exists");
        inTransaction(c -> createLayer(c, layer));
        layers.add(layer);
    }

    /** PostgreSQL DDL is transactional: the column and the definition commit together. */
    @Override
    public Layer addProperty(String layerName, parkgrid.feature.PropertyDefinition property) {
        synchronized (layers) {
            Layer layer = layers.require(layerName);
            if (layer.property(property.name()).isPresent()) {
                throw ParkGridException.conflict("layer '" + layerName + "' already has a property '" + property.name() + "'");
            }
            Layer changed = layer.withProperty(property);
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute(SqlDialect.POSTGIS.addColumn(new PostGisSql(schema, layer).table(), property));
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + quote(schema) + ".parkgrid_layer SET layer_json = ?::jsonb WHERE table_name = ?")) {
                    ps.setString(1, LayerMetadataJson.write(changed));
                    ps.setString(2, layerName);
                    ps.executeUpdate();
                }
            });
            layers.add(changed);
            return changed;
        }
    }

    /** The table, its definition, versions and audit records in one transaction (DROP TABLE is transactional here). */
    @Override
    public void deleteLayer(String layerName) {
        synchronized (layers) {
            Layer layer = layers.require(layerName);
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE " + new PostGisSql(schema, layer).table());
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + quote(schema) + ".parkgrid_layer WHERE table_name = ?")) {
                    ps.setString(1, layerName);
                    ps.executeUpdate();
                }
                versionedWrites.forgetLayer(c, layerName);
            });
            layers.remove(layerName);
        }
    }

    /**
     * PostgreSQL DDL is transactional: the whole batch of tables and rows commits or rolls back together,
     * the rows streamed ({@link ImportBatches}) by COPY ({@link PostGisCopy}), the spatial index built after them.
     */
    @Override
    public void importLayers(List<? extends LayerSource> batch, ImportProgress progress) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (LayerSource d : batch) {
            String name = d.layer().name();
            if (layers.contains(name) || !names.add(name)) throw ParkGridException.conflict("layer '" + name + "' already exists");
        }
        inTransaction(c -> {
            for (LayerSource source : batch) {
                createTable(c, source.layer());
                PostGisSql sql = new PostGisSql(schema, source.layer());
                try (PostGisCopy copy = new PostGisCopy(c, sql, source.layer())) {
                    ImportBatches.write(source, progress, copy::write);
                    copy.finish();
                } catch (SQLException e) {
                    throw duplicateIdOr(source.layer().name(), e);
                }
                try (Statement s = c.createStatement()) {
                    s.execute(sql.createIndex()); // built once over all rows: faster than growing it row by row
                }
            }
        });
        batch.forEach(d -> layers.add(d.layer()));
    }

    @Override
    public long appendFeatures(String layerName, LayerSource source, ImportProgress progress) {
        Layer layer = layers.require(layerName);
        long[] written = {0};
        inTransaction(c -> {
            try (PostGisCopy copy = new PostGisCopy(c, new PostGisSql(schema, layer), layer)) {
                written[0] = ImportBatches.append(layer, source, progress, copy::write);
                copy.finish();
            } catch (SQLException e) {
                throw duplicateIdOr(layerName, e);
            }
        });
        return written[0];
    }

    @Override
    public long maxId(String layerName) {
        PostGisSql sql = new PostGisSql(schema, layers.require(layerName));
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.maxId())) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Key (fid)=(7) already exists: the new table's primary key caught an id the import gives twice. */
    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("Key \\(fid\\)=\\((\\d+)\\)");

    private static SQLException duplicateIdOr(String layerName, SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                var m = DUPLICATE_KEY.matcher(String.valueOf(x.getMessage()));
                if (m.find()) throw FeatureChecks.duplicateId(layerName, Long.parseLong(m.group(1)));
            }
        }
        return e;
    }

    @Override
    public void insert(String layerName, List<Feature> features) {
        Layer layer = layers.require(layerName);
        List<Object[]> rows = FeatureChecks.check(layer, features);
        inTransaction(c -> insert(c, layer, features, rows));
    }

    private void createLayer(Connection c, Layer layer) throws SQLException {
        createTable(c, layer);
        try (Statement s = c.createStatement()) {
            s.execute(new PostGisSql(schema, layer).createIndex());
        }
    }

    /** The layer's table, without its spatial index, and its definition. */
    private void createTable(Connection c, Layer layer) throws SQLException {
        PostGisSql sql = new PostGisSql(schema, layer);
        try (Statement s = c.createStatement()) {
            s.execute(sql.createTable());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + quote(schema) + ".parkgrid_layer VALUES (?, ?::jsonb)")) {
            ps.setString(1, layer.name());
            ps.setString(2, LayerMetadataJson.write(layer));
            ps.executeUpdate();
        }
    }

    void insert(Connection c, Layer layer, List<Feature> features, List<Object[]> rows) throws SQLException {
        WKBWriter wkb = new WKBWriter(2);
        try (PreparedStatement ps = c.prepareStatement(new PostGisSql(schema, layer).insert())) {
            for (int i = 0; i < features.size(); i++) {
                ps.setLong(1, features.get(i).id());
                Feature f = features.get(i);
                if (f.hasGeometry()) ps.setBytes(2, wkb.write(f.geometry())); else ps.setNull(2, java.sql.Types.BINARY);
                Object[] values = rows.get(i);
                for (int k = 0; k < values.length; k++) ps.setObject(3 + k, values[k]);
                ps.addBatch();
                if (i % 1000 == 999) ps.executeBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<Envelope> extent(String layerName) {
        PostGisSql sql = new PostGisSql(schema, layers.require(layerName));
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.extent())) {
                if (!rs.next() || rs.getObject(1) == null) return Optional.<Envelope>empty();
                return Optional.of(new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4)));
            }
        });
    }

    /** Layers the planner estimates below this many rows are counted exactly for {@link #itemCount}. */
    static final long EXACT_COUNT_BELOW = 1_000_000;

    /**
     * Exact ({@code count(*)}) for a layer the planner estimates below {@link #EXACT_COUNT_BELOW} rows or has not
     * estimated yet; the planner's estimate, labelled so, for a bigger one (counting it would scan it on every
     * {@code /collections}).
     */
    @Override
    public parkgrid.store.ItemCount itemCount(String layerName) {
        PostGisSql sql = new PostGisSql(schema, layers.require(layerName));
        return read(c -> {
            try (Statement s = c.createStatement()) {
                long estimate;
                try (ResultSet rs = s.executeQuery(sql.rowEstimate())) {
                    estimate = rs.next() ? rs.getLong(1) : -1;
                }
                if (estimate >= EXACT_COUNT_BELOW) return parkgrid.store.ItemCount.estimated(estimate);
                try (ResultSet rs = s.executeQuery(sql.countAll())) {
                    rs.next();
                    return parkgrid.store.ItemCount.exactly(rs.getLong(1));
                }
            }
        });
    }

    @Override
    public long count(String layerName, FeatureQuery query) {
        PostGisSql sql = new PostGisSql(schema, layers.require(layerName));
        QueryPlan plan = sql.plan(query);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.count(plan))) {
                PostGisSql.bind(ps, plan);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void forEach(String layerName, FeatureQuery query, FeatureSink sink) throws IOException {
        Layer layer = layers.require(layerName);
        PostGisSql sql = new PostGisSql(schema, layer);
        forEachRow(layer, sql, sql.plan(query), row -> sink.accept(row.feature()));
    }

    /** The rows of {@link #forEach} with their stamps; a page in two steps ({@link #pageInTwoSteps}). */
    @Override
    public void forEachStored(String layerName, FeatureQuery query, parkgrid.feature.StoredRowSink sink) throws IOException {
        Layer layer = layers.require(layerName);
        PostGisSql sql = new PostGisSql(schema, layer);
        QueryPlan plan = sql.plan(query);
        if (query.limit() <= WHOLE_RESULT_ROWS) pageInTwoSteps(layer, sql, plan, null, sink); else forEachRow(layer, sql, plan, sink);
    }

    /** A page of at most {@link #WHOLE_RESULT_ROWS} rows counts its matches in its own id query ({@link #pageInTwoSteps}). */
    @Override
    public void page(String layerName, FeatureQuery query, MatchedCount matched, parkgrid.feature.StoredRowSink sink) throws IOException {
        Layer layer = layers.require(layerName);
        PostGisSql sql = new PostGisSql(schema, layer);
        QueryPlan plan = sql.plan(query);
        if (query.limit() <= WHOLE_RESULT_ROWS && plan.isDecidedBySql()) pageInTwoSteps(layer, sql, plan, matched, sink);
        else FeatureStore.super.page(layerName, query, matched, sink);
    }

    /**
     * Every row of the plan with all its columns and stamps. A page of at most {@link #WHOLE_RESULT_ROWS} comes in one round
     * trip; anything longer through a cursor, whose rows arrive in batches of the fetch size (memory stays flat), at the
     * price of BEGIN, a fetch per batch and ROLLBACK.
     */
    private void forEachRow(Layer layer, PostGisSql sql, QueryPlan plan, parkgrid.feature.StoredRowSink sink) throws IOException {
        int extra = 3 + layer.properties().size();
        boolean cursor = plan.query().limit() > WHOLE_RESULT_ROWS;
        try (Connection c = pool.getConnection()) {
            if (cursor) c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql.selectStamped(plan))) {
                if (cursor) ps.setFetchSize(1000);
                PostGisSql.bind(ps, plan);
                try (ResultSet rs = ps.executeQuery()) {
                    StoredRowCursor row = new StoredRowCursor(layer, sql, rs, null);
                    while (rs.next()) {
                        row.next(rs.getLong(1), rs.getLong(extra), rs.getLong(extra + 1));
                        sink.accept(row);
                    }
                }
            } finally {
                if (cursor) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + layer.name() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A page (at most {@link #WHOLE_RESULT_ROWS} rows) in two steps: the page's ids and stamps first, then the features of
     * only the rows the sink asks for ({@link parkgrid.feature.StoredRowSink#needsFeature}), in one query by id. A warm
     * page moves three numbers per row instead of the geometry and properties. The steps are two statements, as the
     * count and the page are: a row changed between them comes with its newer content and stamp, a row deleted between
     * them is left out.
     *
     * <p>With {@code matched}, the first step also counts every row the plan matches ({@code count(*) OVER ()}), given to
     * {@code matched} before the first row: a page is then one statement on one connection, not a count and a page (an
     * offset past the last row, which returns no row to carry the count, is counted apart).
     */
    private void pageInTwoSteps(Layer layer, PostGisSql sql, QueryPlan plan, MatchedCount matched, parkgrid.feature.StoredRowSink sink)
            throws IOException {
        int extra = 3 + layer.properties().size();
        try (Connection c = pool.getConnection()) {
            int n = 0;
            long total = 0;
            long[] ids = new long[64], tables = new long[64], xmins = new long[64];
            try (PreparedStatement ps = c.prepareStatement(matched != null ? sql.selectStampsOnlyCounted(plan) : sql.selectStampsOnly(plan))) {
                PostGisSql.bind(ps, plan);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == 0 && matched != null) total = rs.getLong(4);
                        if (n == ids.length) {
                            ids = java.util.Arrays.copyOf(ids, n * 2);
                            tables = java.util.Arrays.copyOf(tables, n * 2);
                            xmins = java.util.Arrays.copyOf(xmins, n * 2);
                        }
                        ids[n] = rs.getLong(1);
                        tables[n] = rs.getLong(2);
                        xmins[n] = rs.getLong(3);
                        n++;
                    }
                }
            }
            if (matched != null) {
                if (n == 0 && plan.query().offset() > 0) {
                    try (PreparedStatement ps = c.prepareStatement(sql.count(plan))) {
                        PostGisSql.bind(ps, plan);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            total = rs.getLong(1);
                        }
                    }
                }
                matched.accept(total);
            }
            StoredRowCursor row = new StoredRowCursor(layer, sql, null, c);
            boolean[] needed = new boolean[n];
            List<Long> wanted = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                row.next(ids[i], tables[i], xmins[i]);
                needed[i] = sink.needsFeature(row);
                if (needed[i]) wanted.add(ids[i]);
            }
            java.util.Map<Long, StampedFeature> fetched = new java.util.HashMap<>();
            if (!wanted.isEmpty()) {
                WKBReader wkb = new WKBReader(GeoJsonReader.WGS84);
                try (PreparedStatement ps = c.prepareStatement(sql.selectStampedByIds())) {
                    ps.setArray(1, c.createArrayOf("bigint", wanted.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Feature f = new Feature(rs.getLong(1), geometry(wkb, rs.getBytes(2)), sql.properties(rs, 3));
                            fetched.put(f.id(), new StampedFeature(f, rs.getLong(extra), rs.getLong(extra + 1)));
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (needed[i]) {
                    StampedFeature f = fetched.get(ids[i]);
                    if (f == null) continue; // deleted since the first step
                    row.next(ids[i], f.table, f.xmin);
                    row.feature = f.feature;
                } else {
                    row.next(ids[i], tables[i], xmins[i]);
                }
                sink.accept(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + layer.name() + " failed: " + e.getMessage(), e);
        }
    }

    private record StampedFeature(Feature feature, long table, long xmin) {}

    /**
     * The row a read stands on, its feature decoded on the first {@link #feature()}: from the result set's columns, or,
     * in a two-step page, read by id on the cursor's connection (a row whose bytes the sink held but lost meanwhile).
     */
    private static final class StoredRowCursor implements parkgrid.feature.StoredRow {
        private final Layer layer;
        private final PostGisSql sql;
        private final ResultSet rs;
        private final Connection connection;
        private final WKBReader wkb = new WKBReader(GeoJsonReader.WGS84);
        private long id, table, xmin;
        private Feature feature;

        /** @param rs the result set holding the feature's columns, or null to read them by id on {@code connection} */
        StoredRowCursor(Layer layer, PostGisSql sql, ResultSet rs, Connection connection) {
            this.layer = layer;
            this.sql = sql;
            this.rs = rs;
            this.connection = connection;
        }

        void next(long id, long table, long xmin) {
            this.id = id;
            this.table = table;
            this.xmin = xmin;
            this.feature = null;
        }

        @Override public Layer layer() { return layer; }

        @Override public long id() { return id; }

        @Override public long tableIncarnation() { return table; }

        @Override public long stamp() { return xmin; }

        @Override
        public Feature feature() throws IOException {
            if (feature == null) {
                try {
                    if (rs != null) {
                        feature = new Feature(id, geometry(wkb, rs.getBytes(2)), sql.properties(rs, 3));
                    } else {
                        try (PreparedStatement ps = connection.prepareStatement(sql.byId())) {
                            ps.setLong(1, id);
                            try (ResultSet one = ps.executeQuery()) {
                                if (!one.next()) throw new IllegalStateException("feature " + id + " of " + layer.name() + " was deleted while it was read");
                                feature = new Feature(id, geometry(wkb, one.getBytes(2)), sql.properties(one, 3));
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("reading feature " + id + " of " + layer.name() + " failed: " + e.getMessage(), e);
                }
            }
            return feature;
        }
    }

    /**
     * The tile built by PostGIS ({@code ST_AsMVT}, {@code ST_AsMVTGeom}, see {@link PostGisSql#tile}); the statement is
     * cut off at the tile's deadline by {@code statement_timeout}.
     */
    @Override
    public byte[] tile(String layerName, parkgrid.store.TileQuery tile) {
        Layer layer = layers.require(layerName);
        PostGisSql sql = new PostGisSql(schema, layer);
        QueryPlan plan = sql.plan(new FeatureQuery(null, java.util.Map.of(), tile.filter(), List.of(), FeatureQuery.UNLIMITED, 0));
        boolean thin = tile.zoom() < parkgrid.io.mvt.TileLayerBuilder.THIN_BELOW_ZOOM
                && (layer.geometryKind().sqlName().endsWith("POINT") || layer.geometryKind().sqlName().endsWith("LINESTRING"));
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (tile.deadline() != null) {
                    long ms = Math.max(1, java.time.Duration.between(java.time.Instant.now(), tile.deadline()).toMillis());
                    try (Statement s = c.createStatement()) {
                        s.execute("SET LOCAL statement_timeout = " + ms);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(sql.tile(plan, tile.properties(), thin))) {
                    sql.bindTile(ps, plan, tile, thin);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        byte[] bytes = rs.getBytes(1);
                        return bytes == null ? new byte[0] : bytes;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {
                throw parkgrid.feature.ParkGridException.timeLimit(null, "the tile of layer '" + layerName + "' at zoom " + tile.zoom()
                        + " took longer than the time limit; ask for a higher zoom or a filter");
            }
            throw new IllegalStateException("tile of " + layerName + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Feature> feature(String layerName, long id) {
        PostGisSql sql = new PostGisSql(schema, layers.require(layerName));
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.byId())) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<Feature>empty();
                    Geometry g = geometry(new WKBReader(GeoJsonReader.WGS84), rs.getBytes(2));
                    return Optional.of(new Feature(rs.getLong(1), g, sql.properties(rs, 3)));
                }
            }
        });
    }

    @Override public Optional<VersionedFeature> versioned(String layerName, long id) { return versionedWrites.versioned(layerName, id); }

    @Override
    public VersionedFeature create(String layerName, java.util.OptionalLong id, org.locationtech.jts.geom.Geometry geometry,
                                   java.util.Map<String, Object> properties, String who) {
        return versionedWrites.create(layerName, id, geometry, properties, who);
    }

    @Override
    public VersionedFeature revert(String layerName, long id, long toVersion, java.util.OptionalLong expectedVersion, String who) {
        return versionedWrites.revert(layerName, id, toVersion, expectedVersion, who);
    }

    @Override
    public Optional<VersionedFeature> change(String layerName, long id, long expectedVersion, String who, FeatureEdit edit) {
        return versionedWrites.change(layerName, id, expectedVersion, who, edit);
    }

    @Override public List<AuditRecord> history(String layerName, long id) { return versionedWrites.history(layerName, id); }

    @Override
    public List<Neighbour> nearest(String layerName, Coordinate lonLat, int k) {
        Layer layer = layers.require(layerName);
        PostGisSql sql = new PostGisSql(schema, layer);
        WKBReader wkb = new WKBReader(GeoJsonReader.WGS84);
        int distanceColumn = 3 + layer.properties().size();
        return read(c -> {
            double radius;
            try (PreparedStatement ps = c.prepareStatement(sql.nearestRadius())) {
                ps.setDouble(1, lonLat.x);
                ps.setDouble(2, lonLat.y);
                ps.setInt(3, k);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    radius = rs.getDouble(1);
                    if (rs.wasNull()) return List.<Neighbour>of();
                }
            }
            // a hair more than the radius: the k-th candidate itself must pass ST_DWithin
            double within = radius + 1e-6;
            Envelope box = MetricEnvelope.around(lonLat.x, lonLat.y, within);
            try (PreparedStatement ps = c.prepareStatement(sql.nearestWithin())) {
                ps.setDouble(1, lonLat.x);
                ps.setDouble(2, lonLat.y);
                ps.setDouble(3, box.getMinX());
                ps.setDouble(4, box.getMinY());
                ps.setDouble(5, box.getMaxX());
                ps.setDouble(6, box.getMaxY());
                ps.setDouble(7, within);
                ps.setInt(8, k);
                List<Neighbour> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Feature f = new Feature(rs.getLong(1), geometry(wkb, rs.getBytes(2)), sql.properties(rs, 3));
                        out.add(new Neighbour(f, rs.getDouble(distanceColumn)));
                    }
                }
                return out;
            }
        });
    }

    /** A NULL geom column (a feature without a place) is a null geometry. */
    static Geometry geometry(WKBReader reader, byte[] wkb) throws SQLException {
        if (wkb == null) return null;
        try {
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new SQLException("invalid WKB from PostGIS: " + e.getMessage(), e);
        }
    }

    @Override
    public String kind() {
        return "postgis";
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public ImportJobStore importJobs() {
        return importJobs;
    }

    @Override
    public String description() {
        return "PostGIS " + pool.getJdbcUrl() + " schema " + schema;
    }

    @Override
    public void close() {
        pool.close();
    }


    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    interface SqlUpdate {
        void run(Connection c) throws SQLException;
    }

    <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("PostGIS read failed: " + e.getMessage(), e);
        }
    }

    void inTransaction(SqlUpdate work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException se && "23505".equals(se.getSQLState())) {
                    throw ParkGridException.conflict("a feature id already exists: " + se.getMessage());
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostGIS write failed: " + e.getMessage(), e);
        }
    }
}
