package parkgrid.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.geo.GeoJsonReader;
import parkgrid.store.AuditRecord;
import parkgrid.store.FeatureEdit;
import parkgrid.store.LayerCatalog;
import parkgrid.store.SqlDialect;
import parkgrid.store.VersionTables;
import parkgrid.store.VersionedChange;
import parkgrid.store.VersionedFeature;
import static parkgrid.store.SqlNames.quote;

/**
 * The single-feature writes of {@link PostGisStore}: each in one transaction with its version check and
 * its audit record ({@link VersionTables}). Writers of one feature queue on its row lock ({@code FOR
 * UPDATE}) and then read the version committed before them (READ COMMITTED), so exactly one of them
 * succeeds per version. Geometries are EPSG:4326 lon/lat, written as WKB.
 */
final class PostGisVersionedWrites {
    private final PostGisStore store;
    private final String schema;
    private final LayerCatalog layers;
    private final VersionTables versions;

    PostGisVersionedWrites(PostGisStore store, String schema, LayerCatalog layers) {
        this.store = store;
        this.schema = schema;
        this.layers = layers;
        this.versions = new VersionTables(SqlDialect.POSTGIS, quote(schema) + ".parkgrid_feature_version", quote(schema) + ".parkgrid_audit");
    }

    Optional<VersionedFeature> versioned(String layerName, long id) {
        PostGisSql sql = new PostGisSql(schema, layers.require(layerName));
        return store.read(c -> {
            // the row and its version in one statement: one snapshot
            try (PreparedStatement ps = c.prepareStatement("SELECT x.*, v.version, v.updated_at FROM (" + sql.byId() + ") x LEFT JOIN "
                    + quote(schema) + ".parkgrid_feature_version v ON v.table_name = ? AND v.fid = x.fid")) {
                ps.setLong(1, id);
                ps.setString(2, layerName);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<VersionedFeature>empty();
                    Feature f = new Feature(rs.getLong(1), PostGisStore.geometry(new WKBReader(GeoJsonReader.WGS84), rs.getBytes(2)), sql.properties(rs, 3));
                    int v = 3 + layers.require(layerName).properties().size();
                    long version = rs.getObject(v) == null ? 1 : rs.getLong(v);
                    java.sql.Timestamp at = rs.getTimestamp(v + 1);
                    return Optional.of(new VersionedFeature(f, version, at == null ? null : at.toInstant()));
                }
            }
        });
    }

    /** Deletes the versions and audit records of every feature of {@code layerName}, inside the caller's transaction. */
    void forgetLayer(Connection c, String layerName) throws SQLException {
        versions.forgetLayer(c, layerName);
    }

    /** One new feature with its id or the next free one; creators of one layer queue on a transaction-scoped advisory lock. */
    VersionedFeature create(String layerName, OptionalLong id, Geometry geometry, Map<String, Object> properties, String who) {
        Layer layer = layers.require(layerName);
        Instant at = now();
        VersionedFeature[] result = {null};
        store.inTransaction(c -> result[0] = new Change(new PostGisSql(schema, layer), layerName).create(c, layer, id, geometry, properties, who, at));
        return result[0];
    }

    VersionedFeature revert(String layerName, long id, long toVersion, OptionalLong expectedVersion, String who) {
        Layer layer = layers.require(layerName);
        Instant at = now();
        VersionedFeature[] result = {null};
        store.inTransaction(c -> result[0] = new Change(new PostGisSql(schema, layer), layerName).revert(c, layer, id, toVersion, expectedVersion, who, at));
        return result[0];
    }

    /** The feature's row is locked ({@code FOR UPDATE}) before its version is read: writers of one feature queue. */
    Optional<VersionedFeature> change(String layerName, long id, long expectedVersion, String who, FeatureEdit edit) {
        Layer layer = layers.require(layerName);
        PostGisSql sql = new PostGisSql(schema, layer);
        Instant at = now();
        VersionedFeature[] result = {null};
        store.inTransaction(c -> result[0] = new Change(sql, layerName).apply(c, layer, id, expectedVersion, who, edit, at).orElse(null));
        return Optional.ofNullable(result[0]);
    }

    List<AuditRecord> history(String layerName, long id) {
        layers.require(layerName);
        return store.read(c -> versions.history(c, layerName, id));
    }

    /** How a PostGIS row takes a {@link VersionedChange}: the row is locked ({@code FOR UPDATE}) before its version is read. */
    private final class Change extends VersionedChange {
        private final PostGisSql sql;

        Change(PostGisSql sql, String layerName) {
            super(versions, layerName);
            this.sql = sql;
        }

        @Override
        protected Optional<Feature> row(Connection c, long id) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql.byIdForUpdate())) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Feature(rs.getLong(1), PostGisStore.geometry(new WKBReader(GeoJsonReader.WGS84), rs.getBytes(2)),
                            sql.properties(rs, 3)));
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

        /** A row lock cannot guard an id no row has yet: creators (and re-creators) of one layer take this lock in turn. */
        @Override
        protected void lockForCreate(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, "parkgrid.create." + schema + "." + layerName);
                ps.execute();
            }
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
            if (geometry == null) ps.setNull(index, java.sql.Types.BINARY);
            else ps.setBytes(index, new WKBWriter(2).write(geometry));
        }
    }

    /** Milliseconds: what both stores keep. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

}
