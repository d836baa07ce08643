package parkgrid.store.geopackage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.Layer;
import parkgrid.filter.FilterEvaluator;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.GeoPackageGeometry;
import parkgrid.store.BboxFilter;
import parkgrid.store.FeatureQuery;
import parkgrid.store.LayerCatalog;
import parkgrid.store.AuditRecord;
import parkgrid.store.QueryPlan;
import parkgrid.store.VersionedFeature;

/**
 * Every read of a GeoPackage file, on the pool of read-only connections (WAL: readers see the last commit
 * and never block the writer). Each request is planned once ({@link GeoPackageSql#plan}); the R-tree's
 * float32 boxes make bbox hits candidates that JTS tests exactly, and a residual filter (spatial
 * predicates, CASEI/ACCENTI) is tested in Java, in which case paging is Java's too.
 */
final class GeoPackageReader {
    private final GeoPackageFile file;
    private final LayerCatalog layers;
    private final LayerIncarnations incarnations;

    GeoPackageReader(GeoPackageFile file, LayerCatalog layers, LayerIncarnations incarnations) {
        this.file = file;
        this.layers = layers;
        this.incarnations = incarnations;
    }

    /**
     * The bounds every write keeps in gpkg_contents (the R-tree's, {@code GeoPackageWriter}), read in one row instead
     * of scanning the R-tree; empty while the layer holds no feature with a geometry (a new table's contents row
     * says the whole world).
     */
    Optional<Envelope> extent(String layerName) {
        layers.require(layerName);
        return file.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(GeoPackageSql.CONTENTS_EXTENT)) {
                ps.setString(1, layerName);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(5) == 0 || rs.getObject(1) == null) return Optional.<Envelope>empty();
                    return Optional.of(new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4)));
                }
            }
        });
    }

    /** The feature count the file's triggers keep in gpkg_ogr_contents (exact, in every committed state). */
    parkgrid.store.ItemCount itemCount(String layerName) {
        layers.require(layerName);
        return file.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(GeoPackageSql.FEATURE_COUNT)) {
                ps.setString(1, layerName);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalStateException("no gpkg_ogr_contents row for layer " + layerName);
                    return parkgrid.store.ItemCount.exactly(rs.getLong(1));
                }
            }
        });
    }

    long maxId(String layerName) {
        Layer layer = layers.require(layerName);
        return file.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(new GeoPackageSql(layer).maxId())) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    long count(String layerName, FeatureQuery query) {
        Layer layer = layers.require(layerName);
        GeoPackageSql sql = new GeoPackageSql(layer);
        QueryPlan plan = sql.plan(query.unpaged());
        if (plan.isDecidedBySql()) {
            return file.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.count(plan))) {
                    GeoPackageSql.bind(ps, plan);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        }
        if (!plan.hasResidual()) return countBbox(sql, plan);
        long[] n = {0};
        try {
            forEach(layer, sql, plan, false, 0, row -> n[0]++);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return n[0];
    }

    /** A bbox count that decodes only the geometries on the box's edge. */
    private long countBbox(GeoPackageSql sql, QueryPlan plan) {
        BboxFilter bbox = new BboxFilter(plan.query().bbox());
        GeoPackageGeometry codec = new GeoPackageGeometry(GeoJsonReader.WGS84);
        return file.read(c -> {
            long n;
            try (PreparedStatement ps = c.prepareStatement(sql.countBbox(plan, true))) {
                GeoPackageSql.bindCountBbox(ps, plan);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql.countBbox(plan, false))) {
                GeoPackageSql.bindCountBbox(ps, plan);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) if (bbox.matches(codec.decode(rs.getBytes(2)))) n++;
                }
            }
            return n;
        });
    }

    void forEach(String layerName, FeatureQuery query, FeatureSink sink) throws IOException {
        Layer layer = layers.require(layerName);
        GeoPackageSql sql = new GeoPackageSql(layer);
        forEach(layer, sql, sql.plan(query), false, 0, row -> sink.accept(row.feature()));
    }

    /**
     * The rows of {@link #forEach} with their versions, decoded only on demand; a bbox-only page from the R-tree first
     * ({@link #forEachInBox}). The incarnation is taken before the read starts, so rows a bulk write commits meanwhile are
     * filed under the old one, which later reads no longer use.
     */
    void forEachStored(String layerName, FeatureQuery query, parkgrid.feature.StoredRowSink sink) throws IOException {
        Layer layer = layers.require(layerName);
        long incarnation = incarnations.of(layerName);
        GeoPackageSql sql = new GeoPackageSql(layer);
        if (isBoxOnly(query)) {
            forEachInBox(layer, sql, query, incarnation, sink);
            return;
        }
        forEach(layer, sql, sql.plan(query), true, incarnation, sink);
    }

    /**
     * The one read of a planned query (every kind of filter) through the table joined with the R-tree; rows decoded on
     * demand. A bbox candidate whose R-tree box lies inside the query box matches without decoding its geometry.
     *
     * @param withVersions read each row's version (else every row says 1: for readers that do not look at stamps)
     */
    private void forEach(Layer layer, GeoPackageSql sql, QueryPlan plan, boolean withVersions, long incarnation,
                         parkgrid.feature.StoredRowSink sink) throws IOException {
        FeatureQuery query = plan.query();
        BboxFilter bbox = plan.needsExactBboxTest() ? new BboxFilter(query.bbox()) : null;
        Envelope box = query.bbox();
        FilterEvaluator residual = plan.hasResidual() ? new FilterEvaluator(plan.residual()) : null;
        long offsetInJava = plan.offsetInJava();
        int extra = 3 + layer.properties().size();
        Connection c = file.borrowReader();
        try (PreparedStatement ps = c.prepareStatement(sql.selectStamped(plan, withVersions))) {
            GeoPackageSql.bind(ps, plan);
            try (ResultSet rs = ps.executeQuery()) {
                Cursor row = new Cursor(layer, sql, incarnation, rs, null);
                long skipped = 0, returned = 0;
                while (returned < query.limit() && rs.next()) {
                    row.next(rs.getLong(1), rs.getLong(extra));
                    if (bbox != null && !rtreeBoxInside(box, rs, extra + 1) && !bbox.matches(row.feature().geometry())) continue;
                    if (residual != null && !residual.matches(row.feature())) continue;
                    if (skipped < offsetInJava) { skipped++; continue; }
                    sink.accept(row);
                    returned++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + layer.name() + " failed: " + e.getMessage(), e);
        } finally {
            file.giveBack(c);
        }
    }

    /** A bbox and paging, nothing else: ordered by id, every property. */
    private static boolean isBoxOnly(FeatureQuery q) {
        return q.bbox() != null && q.propertyEquals().isEmpty() && q.filter() == null && q.sortBy().isEmpty();
    }

    /**
     * A bbox page read from the R-tree first: the candidates' ids, boxes and versions in id order, without touching the
     * feature table, which is read by id only for a feature the sink decodes (a cache miss) or one on the box's edge
     * (its geometry decides). A candidate whose R-tree box lies inside the query box matches: the R-tree's float32 bounds
     * are rounded outward. The lookups run on the same connection while the candidates' statement is open, so they read
     * the same snapshot.
     */
    private void forEachInBox(Layer layer, GeoPackageSql sql, FeatureQuery query, long incarnation, parkgrid.feature.StoredRowSink sink)
            throws IOException {
        Envelope box = query.bbox();
        BboxFilter bbox = new BboxFilter(box);
        Connection c = file.borrowReader();
        try (PreparedStatement candidates = c.prepareStatement(sql.boxCandidates()); PreparedStatement byId = c.prepareStatement(sql.byId())) {
            candidates.setDouble(1, box.getMaxX());
            candidates.setDouble(2, box.getMinX());
            candidates.setDouble(3, box.getMaxY());
            candidates.setDouble(4, box.getMinY());
            try (ResultSet rs = candidates.executeQuery()) {
                Cursor row = new Cursor(layer, sql, incarnation, null, byId);
                long skipped = 0, returned = 0;
                while (returned < query.limit() && rs.next()) {
                    row.next(rs.getLong(1), rs.getLong(6));
                    if (!rtreeBoxInside(box, rs, 2) && !bbox.matches(row.feature().geometry())) continue;
                    if (skipped < query.offset()) { skipped++; continue; }
                    sink.accept(row);
                    returned++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + layer.name() + " failed: " + e.getMessage(), e);
        } finally {
            file.giveBack(c);
        }
    }

    /**
     * Whether the R-tree box in columns {@code minx} (then maxx, miny, maxy) lies inside {@code box}: then the feature
     * matches without its geometry, since the R-tree's float32 bounds are rounded outward.
     */
    private static boolean rtreeBoxInside(Envelope box, ResultSet rs, int minx) throws SQLException {
        return box.getMinX() <= rs.getDouble(minx) && rs.getDouble(minx + 1) <= box.getMaxX()
                && box.getMinY() <= rs.getDouble(minx + 2) && rs.getDouble(minx + 3) <= box.getMaxY();
    }

    /**
     * The row a read stands on, its feature decoded on the first {@link #feature()}: from the result set's columns, or
     * looked up by id when the read has only the R-tree's columns.
     */
    private static final class Cursor implements parkgrid.feature.StoredRow {
        private final Layer layer;
        private final GeoPackageSql sql;
        private final long incarnation;
        private final ResultSet rs;
        private final PreparedStatement byId;
        private final GeoPackageGeometry codec = new GeoPackageGeometry(GeoJsonReader.WGS84);
        private long id, version;
        private Feature feature;

        /** @param rs the result set holding the feature's columns, or null to look them up with {@code byId} */
        Cursor(Layer layer, GeoPackageSql sql, long incarnation, ResultSet rs, PreparedStatement byId) {
            this.layer = layer;
            this.sql = sql;
            this.incarnation = incarnation;
            this.rs = rs;
            this.byId = byId;
        }

        void next(long id, long version) {
            this.id = id;
            this.version = version;
            this.feature = null;
        }

        @Override public Layer layer() { return layer; }

        @Override public long id() { return id; }

        @Override public long tableIncarnation() { return incarnation; }

        @Override public long stamp() { return version; }

        @Override
        public Feature feature() throws IOException {
            if (feature == null) {
                try {
                    if (rs != null) {
                        feature = new Feature(id, codec.decode(rs.getBytes(2)), sql.properties(rs, 3));
                    } else {
                        byId.setLong(1, id);
                        try (ResultSet one = byId.executeQuery()) {
                            if (!one.next()) throw new IllegalStateException("feature " + id + " of " + layer.name() + " is in its R-tree but not in its table");
                            feature = new Feature(id, codec.decode(one.getBytes(2)), sql.properties(one, 3));
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("reading feature " + id + " of " + layer.name() + " failed: " + e.getMessage(), e);
                }
            }
            return feature;
        }
    }

    /** The feature with its version; empty when there is none. */
    Optional<VersionedFeature> versioned(String layerName, long id) {
        Layer layer = layers.require(layerName);
        GeoPackageSql sql = new GeoPackageSql(layer);
        return file.read(c -> {
            // one read transaction: the row and its version come from the same commit
            c.setAutoCommit(false);
            try {
                Feature f;
                try (PreparedStatement ps = c.prepareStatement(sql.byId())) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) return Optional.<VersionedFeature>empty();
                        f = new Feature(rs.getLong(1), new GeoPackageGeometry(GeoJsonReader.WGS84).decode(rs.getBytes(2)), sql.properties(rs, 3));
                    }
                }
                parkgrid.store.VersionTables.Stamp stamp = GeoPackageMigrations.VERSIONS.stamp(c, layerName, id);
                return Optional.of(new VersionedFeature(f, stamp.version(), stamp.updatedAt()));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
    }

    List<AuditRecord> history(String layerName, long id) {
        layers.require(layerName);
        return file.read(c -> GeoPackageMigrations.VERSIONS.history(c, layerName, id));
    }

    Optional<Feature> feature(String layerName, long id) {
        Layer layer = layers.require(layerName);
        GeoPackageSql sql = new GeoPackageSql(layer);
        return file.read(c -> {
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
}
