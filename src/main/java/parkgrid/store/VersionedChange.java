package parkgrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;

/**
 * One versioned change of one feature, the same on every store: read the feature, compare its version with
 * the one the writer last read, apply the edit, check the result once ({@link FeatureChecks}), write or
 * delete the row, move the version on and write the audit record — all on the caller's connection, inside
 * the caller's transaction, so a failure at any step leaves nothing changed. Creating a feature (with its id or
 * the next free one) and reverting one to an earlier version go the same way. A store supplies how it reads
 * (and locks) the row, serialises creators and encodes geometry; versions and audit records go to its
 * {@link VersionTables}.
 */
public abstract class VersionedChange {
    private final VersionTables tables;
    protected final String layerName;

    protected VersionedChange(VersionTables tables, String layerName) {
        this.tables = tables;
        this.layerName = layerName;
    }

    /** The feature as stored, locked against other writers where the store can; empty when there is none. */
    protected abstract Optional<Feature> row(Connection c, long id) throws SQLException;

    /** {@code INSERT … (fid, geom, <properties in schema order>) VALUES (?, ?, …)}. */
    protected abstract String insertSql();

    /** {@code SELECT max(fid) FROM …}. */
    protected abstract String largestIdSql();

    /**
     * Makes creators of this layer wait for each other until the transaction ends, so two of them cannot pick
     * the same next id. Nothing to do where the store already serialises every writer.
     */
    protected void lockForCreate(Connection c) throws SQLException {}

    /** {@code DELETE … WHERE fid = ?}. */
    protected abstract String deleteSql();

    /** {@code UPDATE … SET geom = ?, <properties in schema order> = ? … WHERE fid = ?}. */
    protected abstract String updateSql();

    /** Binds the geometry in the store's encoding, or SQL NULL for a feature without a place. */
    protected abstract void bindGeometry(PreparedStatement ps, int index, Geometry geometry) throws SQLException;

    /**
     * @return the feature after the edit, empty after a delete
     * @throws ParkGridException not found when there is no such feature, precondition failed when its version is
     *                           not {@code expectedVersion}, invalid input when the edited feature breaks the schema
     */
    public final Optional<VersionedFeature> apply(Connection c, Layer layer, long id, long expectedVersion, String who,
                                                  FeatureEdit edit, Instant at) throws SQLException {
        Feature current = current(c, id);
        long version = tables.stamp(c, layer.name(), id).version();
        if (version != expectedVersion) {
            throw ParkGridException.preconditionFailed("feature " + id + " of '" + layer.name() + "' is at version " + version
                    + ", not " + expectedVersion);
        }
        Feature next = edit.apply(current);
        VersionedFeature result = null;
        if (next == null) {
            try (PreparedStatement ps = c.prepareStatement(deleteSql())) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            tables.remove(c, layer.name(), id);
        } else {
            write(c, layer, next);
            tables.set(c, layer.name(), id, version + 1, at);
            result = new VersionedFeature(next, version + 1, at);
        }
        tables.audit(c, new AuditRecord(layer.name(), id, version + 1, edit.action(), who, at, AuditJson.of(current), AuditJson.of(next)));
        return Optional.ofNullable(result);
    }

    private Feature current(Connection c, long id) throws SQLException {
        return row(c, id).orElseThrow(() -> ParkGridException.notFound("featureId", "no feature " + id + " in '" + layerName + "'"));
    }

    /**
     * Inserts a new feature with its audit record (before: none). Without an id it takes the next free one:
     * one more than the largest id the layer holds or its audit trail names, so a deleted feature's id and
     * history are never given to another. Its version is 1, or one more than the last one of an earlier
     * feature with this id (so an ETag is never reused for other content).
     *
     * @param id the id the client chose, or empty for the next free one
     * @throws ParkGridException conflict when the id exists, invalid input when the feature breaks the schema
     */
    public final VersionedFeature create(Connection c, Layer layer, OptionalLong id, Geometry geometry, Map<String, Object> properties,
                                         String who, Instant at) throws SQLException {
        lockForCreate(c);
        long fid = id.isPresent() ? id.getAsLong() : nextId(c, layer);
        if (id.isPresent() && row(c, fid).isPresent()) {
            throw ParkGridException.conflict("feature " + fid + " already exists in '" + layer.name() + "'");
        }
        Feature feature = new Feature(fid, geometry, properties);
        long version = tables.lastAuditedVersion(c, layer.name(), fid) + 1;
        insert(c, layer, feature);
        tables.set(c, layer.name(), fid, version, at);
        tables.audit(c, new AuditRecord(layer.name(), fid, version, AuditRecord.Action.CREATE, who, at, null, AuditJson.of(feature)));
        return new VersionedFeature(feature, version, at);
    }

    /**
     * Puts feature {@code id} back as it was at {@code toVersion}, as a new version with its own audit record
     * ({@link AuditRecord.Action#REVERT}); a deleted feature is re-created. The state at a version is the
     * {@code after} of the record that made it, or the {@code before} of the next record (a feature stored by an
     * import has no record of its version 1).
     *
     * @param expectedVersion when given, the version the feature must be at (for a deleted one: the version of
     *                        its delete record)
     * @throws ParkGridException not found when the feature has no such version, invalid input when that version is
     *                           a deletion, precondition failed when {@code expectedVersion} is not current
     */
    public final VersionedFeature revert(Connection c, Layer layer, long id, long toVersion, OptionalLong expectedVersion, String who,
                                         Instant at) throws SQLException {
        lockForCreate(c);
        Optional<Feature> current = row(c, id);
        List<AuditRecord> history = tables.history(c, layer.name(), id);
        if (current.isEmpty() && history.isEmpty()) throw ParkGridException.notFound("featureId", "no feature " + id + " in '" + layer.name() + "'");
        long version = current.isPresent() ? tables.stamp(c, layer.name(), id).version() : tables.lastAuditedVersion(c, layer.name(), id);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != version) {
            throw ParkGridException.preconditionFailed("feature " + id + " of '" + layer.name() + "' is at version " + version
                    + ", not " + expectedVersion.getAsLong());
        }
        Feature restored = stateAt(history, id, toVersion, layer.name());
        if (current.isPresent()) {
            write(c, layer, restored);
        } else {
            insert(c, layer, restored);
        }
        tables.set(c, layer.name(), id, version + 1, at);
        tables.audit(c, new AuditRecord(layer.name(), id, version + 1, AuditRecord.Action.REVERT, who, at,
                AuditJson.of(current.orElse(null)), AuditJson.of(restored)));
        return new VersionedFeature(restored, version + 1, at);
    }

    private static Feature stateAt(List<AuditRecord> history, long id, long toVersion, String layerName) {
        for (int i = 0; i < history.size(); i++) {
            AuditRecord r = history.get(i);
            if (r.version() == toVersion) {
                if (r.after() == null) {
                    throw ParkGridException.invalidParameter("version", "version " + toVersion + " of feature " + id + " in '" + layerName
                            + "' is its deletion: revert to a version before it");
                }
                return AuditJson.feature(r.after());
            }
        }
        for (AuditRecord r : history) {
            if (r.version() == toVersion + 1 && r.before() != null) return AuditJson.feature(r.before());
        }
        throw ParkGridException.notFound("version", "feature " + id + " in '" + layerName + "' has no recorded version " + toVersion
                + (history.isEmpty() ? "" : " (recorded: " + history.stream().map(r -> Long.toString(r.version())).toList() + ")"));
    }

    private long nextId(Connection c, Layer layer) throws SQLException {
        long largest = 0;
        try (PreparedStatement ps = c.prepareStatement(largestIdSql()); java.sql.ResultSet rs = ps.executeQuery()) {
            if (rs.next()) largest = rs.getLong(1);
        }
        return Math.max(largest, tables.largestAuditedId(c, layer.name())) + 1;
    }

    private void insert(Connection c, Layer layer, Feature f) throws SQLException {
        Object[] values = FeatureChecks.check(layer, List.of(f)).get(0);
        try (PreparedStatement ps = c.prepareStatement(insertSql())) {
            ps.setLong(1, f.id());
            bindGeometry(ps, 2, f.hasGeometry() ? f.geometry() : null);
            for (int k = 0; k < values.length; k++) ps.setObject(3 + k, values[k]);
            ps.executeUpdate();
        }
    }

    private void write(Connection c, Layer layer, Feature next) throws SQLException {
        Object[] values = FeatureChecks.check(layer, List.of(next)).get(0);
        try (PreparedStatement ps = c.prepareStatement(updateSql())) {
            bindGeometry(ps, 1, next.hasGeometry() ? next.geometry() : null);
            for (int k = 0; k < values.length; k++) ps.setObject(2 + k, values[k]);
            ps.setLong(2 + values.length, next.id());
            ps.executeUpdate();
        }
    }
}
