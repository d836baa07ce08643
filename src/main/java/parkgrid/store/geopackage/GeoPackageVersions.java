package parkgrid.store.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import parkgrid.store.AuditRecord;
import static parkgrid.store.geopackage.GeoPackageMigrations.AUDIT_TABLE;
import static parkgrid.store.geopackage.GeoPackageMigrations.VERSION_TABLE;

/**
 * The SQL of feature versions and the audit trail in a GeoPackage file. A feature with no row in the
 * version table is at version 1 (as stored by a bulk insert or import). Times are ISO-8601 UTC text.
 */
final class GeoPackageVersions {
    private GeoPackageVersions() {}

    /** The stored version and its time (null when never changed); null when the feature has no row. */
    record Stamp(long version, Instant updatedAt) {}

    static Stamp stamp(Connection c, String layer, long fid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, updated_at FROM " + VERSION_TABLE + " WHERE table_name = ? AND fid = ?")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Stamp(rs.getLong(1), Instant.parse(rs.getString(2))) : new Stamp(1, null);
            }
        }
    }

    static void set(Connection c, String layer, long fid, long version, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + VERSION_TABLE + " (table_name, fid, version, updated_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (table_name, fid) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            ps.setLong(3, version);
            ps.setString(4, at.toString());
            ps.executeUpdate();
        }
    }

    static void remove(Connection c, String layer, long fid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + VERSION_TABLE + " WHERE table_name = ? AND fid = ?")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            ps.executeUpdate();
        }
    }

    static void audit(Connection c, AuditRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + AUDIT_TABLE
                + " (table_name, fid, version, action, who, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.layer());
            ps.setLong(2, r.featureId());
            ps.setLong(3, r.version());
            ps.setString(4, r.action().name());
            ps.setString(5, r.who());
            ps.setString(6, r.at().toString());
            ps.setString(7, r.before());
            ps.setString(8, r.after());
            ps.executeUpdate();
        }
    }

    static List<AuditRecord> history(Connection c, String layer, long fid) throws SQLException {
        List<AuditRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, action, who, at, before, after FROM " + AUDIT_TABLE
                + " WHERE table_name = ? AND fid = ? ORDER BY id")) {
            ps.setString(1, layer);
            ps.setLong(2, fid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditRecord(layer, fid, rs.getLong(1), AuditRecord.Action.valueOf(rs.getString(2)), rs.getString(3),
                            Instant.parse(rs.getString(4)), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }
}
