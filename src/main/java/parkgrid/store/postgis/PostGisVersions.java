package parkgrid.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import parkgrid.store.AuditRecord;
import static parkgrid.store.SqlNames.quote;

/**
 * The SQL of feature versions and the audit trail in one PostGIS schema. A feature with no row in the
 * version table is at version 1 (as stored by a bulk insert or import). Times are {@code timestamptz}.
 */
final class PostGisVersions {
    private final String versions;
    private final String audit;

    PostGisVersions(String schema) {
        this.versions = quote(schema) + ".parkgrid_feature_version";
        this.audit = quote(schema) + ".parkgrid_audit";
    }

    /** The stored version and its time (null when never changed). */
    record Stamp(long version, Instant updatedAt) {}

    Stamp stamp(Connection c, String layer, long fid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, updated_at FROM " + versions + " WHERE table_name = ? AND fid = ?")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Stamp(rs.getLong(1), rs.getTimestamp(2).toInstant()) : new Stamp(1, null);
            }
        }
    }

    void set(Connection c, String layer, long fid, long version, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + versions + " (table_name, fid, version, updated_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (table_name, fid) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            ps.setLong(3, version);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    void remove(Connection c, String layer, long fid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + versions + " WHERE table_name = ? AND fid = ?")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            ps.executeUpdate();
        }
    }

    void audit(Connection c, AuditRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + audit
                + " (table_name, fid, version, action, who, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.layer());
            ps.setLong(2, r.featureId());
            ps.setLong(3, r.version());
            ps.setString(4, r.action().name());
            ps.setString(5, r.who());
            ps.setTimestamp(6, Timestamp.from(r.at()));
            ps.setString(7, r.before());
            ps.setString(8, r.after());
            ps.executeUpdate();
        }
    }

    List<AuditRecord> history(Connection c, String layer, long fid) throws SQLException {
        List<AuditRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, action, who, at, before, after FROM " + audit
                + " WHERE table_name = ? AND fid = ? ORDER BY id")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditRecord(layer, fid, rs.getLong(1), AuditRecord.Action.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }
}
