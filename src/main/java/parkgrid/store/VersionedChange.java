package parkgrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;

/**
 * One versioned change of one feature, the same on every store: read the feature, compare its version with
 * the one the writer last read, apply the edit, check the result once ({@link FeatureChecks}), write or
 * delete the row, move the version on and write the audit record — all on the caller's connection, inside
 * the caller's transaction, so a failure at any step leaves nothing changed. A store supplies how it reads
 * (and locks) the row and encodes geometry; versions and audit records go to its {@link VersionTables}.
 */
public abstract class VersionedChange {
    private final VersionTables tables;
    protected final String layerName;

    protected VersionedChange(VersionTables tables, String layerName) {
        this.tables = tables;
        this.layerName = layerName;
    }

    /** The feature as stored, locked against other writers where the store can. @throws ParkGridException not found */
    protected abstract Feature current(Connection c, long id) throws SQLException;

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
            Object[] values = FeatureChecks.check(layer, List.of(next)).get(0);
            try (PreparedStatement ps = c.prepareStatement(updateSql())) {
                bindGeometry(ps, 1, next.hasGeometry() ? next.geometry() : null);
                for (int k = 0; k < values.length; k++) ps.setObject(2 + k, values[k]);
                ps.setLong(2 + values.length, id);
                ps.executeUpdate();
            }
            tables.set(c, layer.name(), id, version + 1, at);
            result = new VersionedFeature(next, version + 1, at);
        }
        tables.audit(c, new AuditRecord(layer.name(), id, version + 1, edit.action(), who, at, AuditJson.of(current), AuditJson.of(next)));
        return Optional.ofNullable(result);
    }
}
