package parkgrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of feature versions and the audit trail, the same in both stores but for the table names and how
 * a time is kept ({@link SqlDialect#bindInstant}). A feature with no row in the version table is at version 1
 * (as stored by a bulk insert or import).
 */
public final class VersionTables {
    private final SqlDialect dialect;
    private final String versions;
    private final String audit;

    /** @param versionTable and {@code auditTable}: quoted, schema-qualified where the store needs it */
    public VersionTables(SqlDialect dialect, String versionTable, String auditTable) {
        this.dialect = dialect;
        this.versions = versionTable;
        this.audit = auditTable;
    }

    /** The stored version and its time (null when never changed). */
    public record Stamp(long version, Instant updatedAt) {}

    public Stamp stamp(Connection c, String layer, long fid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, updated_at FROM " + versions + " WHERE table_name = ? AND fid = ?")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Stamp(rs.getLong(1), dialect.readInstant(rs, 2)) : new Stamp(1, null);
            }
        }
    }

    public void set(Connection c, String layer, long fid, long version, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + versions + " (table_name, fid, version, updated_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (table_name, fid) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            ps.setLong(3, version);
            dialect.bindInstant(ps, 4, at);
            ps.executeUpdate();
        }
    }

    public void remove(Connection c, String layer, long fid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + versions + " WHERE table_name = ? AND fid = ?")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            ps.executeUpdate();
        }
    }

    /** Deletes the versions and the audit trail of every feature of {@code layer} (the layer is being deleted). */
    public void forgetLayer(Connection c, String layer) throws SQLException {
        for (String table : List.of(versions, audit)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE table_name = ?")) {
                ps.setString(1, layer);
                ps.executeUpdate();
            }
        }
    }

    public void audit(Connection c, AuditRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + audit
                + " (table_name, fid, version, action, who, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.layer());
            ps.setLong(2, r.featureId());
            ps.setLong(3, r.version());
            ps.setString(4, r.action().name());
            ps.setString(5, r.who());
            dialect.bindInstant(ps, 6, r.at());
            ps.setString(7, r.before());
            ps.setString(8, r.after());
            ps.executeUpdate();
        }
    }

    /** The version of the last audit record of feature {@code fid}, 0 when it has none. */
    public long lastAuditedVersion(Connection c, String layer, long fid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(version) FROM " + audit + " WHERE table_name = ? AND fid = ?")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The largest feature id the audit trail of {@code layer} names (deleted features included), 0 when none. */
    public long largestAuditedId(Connection c, String layer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(fid) FROM " + audit + " WHERE table_name = ?")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    public List<AuditRecord> history(Connection c, String layer, long fid) throws SQLException {
        List<AuditRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, action, who, at, before, after FROM " + audit
                + " WHERE table_name = ? AND fid = ? ORDER BY id")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditRecord(layer, fid, rs.getLong(1), AuditRecord.Action.valueOf(rs.getString(2)), rs.getString(3),
                            dialect.readInstant(rs, 4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }
}
