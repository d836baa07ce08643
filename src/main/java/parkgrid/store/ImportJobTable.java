package parkgrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ImportJobStore} on the {@code parkgrid_import_job} table, the same SQL for both stores (times as epoch
 * milliseconds, so that both compare them as numbers). The store lends the connections ({@link Connections}): each
 * call is one statement in its own transaction, on a connection that is not the import's.
 */
public final class ImportJobTable implements ImportJobStore {
    /** How a store lends connections for job rows. */
    public interface Connections extends TokenTable.Connections {
        /**
         * Runs {@code work} in its own committed transaction if the store can take the write without waiting for another
         * writer; otherwise does nothing.
         *
         * @return what {@code work} returned, or empty when it did not run
         */
        <T> java.util.Optional<T> writeIfFree(TokenTable.Work<T> work);
    }

    private static final String COLUMNS = "id, layer, mode, dry_run, who, instance, status, phase, features_read, features_total, "
            + "features_written, created_ms, started_ms, heartbeat_ms, finished_ms, report, problem";
    private static final String UNFINISHED = "status IN ('queued', 'running')";

    private final String table;
    private final Connections connections;

    /** @param table quoted, schema-qualified where the store needs it */
    public ImportJobTable(String table, Connections connections) {
        this.table = table;
        this.connections = connections;
    }

    @Override
    public void create(Job job) {
        connections.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, job.id());
                ps.setString(2, job.layer());
                ps.setString(3, job.mode());
                ps.setBoolean(4, job.dryRun());
                ps.setString(5, job.who());
                ps.setString(6, job.instance());
                ps.setString(7, job.status().apiName());
                ps.setString(8, job.phase());
                ps.setLong(9, job.featuresRead());
                setLong(ps, 10, job.featuresTotal());
                ps.setLong(11, job.featuresWritten());
                setTime(ps, 12, job.createdAt());
                setTime(ps, 13, job.startedAt());
                setTime(ps, 14, job.heartbeatAt());
                setTime(ps, 15, job.finishedAt());
                ps.setString(16, job.report());
                ps.setString(17, job.problem());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean progress(String id, Progress progress, Instant at) {
        return connections.<Integer>writeIfFree(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = 'running', phase = ?, features_read = ?, "
                    + "features_total = ?, features_written = ?, started_ms = coalesce(started_ms, ?), heartbeat_ms = ? WHERE id = ? AND "
                    + UNFINISHED)) {
                ps.setString(1, progress.phase());
                ps.setLong(2, progress.featuresRead());
                setLong(ps, 3, progress.featuresTotal());
                ps.setLong(4, progress.featuresWritten());
                setTime(ps, 5, at);
                setTime(ps, 6, at);
                ps.setString(7, id);
                return ps.executeUpdate();
            }
        }).map(rows -> rows == 1).orElse(false);
    }

    @Override
    public void heartbeat(String instance, Instant at) {
        connections.writeIfFree(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET heartbeat_ms = ? WHERE instance = ? AND " + UNFINISHED)) {
                setTime(ps, 1, at);
                ps.setString(2, instance);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void finish(String id, Status status, Progress last, String report, String problem, Instant at) {
        if (!status.isFinished()) throw new IllegalArgumentException("a job finishes succeeded or failed, not " + status);
        connections.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = ?, phase = ?, features_read = ?, "
                    + "features_total = ?, features_written = ?, started_ms = coalesce(started_ms, ?), heartbeat_ms = ?, finished_ms = ?, "
                    + "report = ?, problem = ? WHERE id = ?")) {
                ps.setString(1, status.apiName());
                ps.setString(2, last.phase());
                ps.setLong(3, last.featuresRead());
                setLong(ps, 4, last.featuresTotal());
                ps.setLong(5, last.featuresWritten());
                setTime(ps, 6, at);
                setTime(ps, 7, at);
                setTime(ps, 8, at);
                ps.setString(9, report);
                ps.setString(10, problem);
                ps.setString(11, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Job> find(String id) {
        return connections.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(job(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean abandon(String id, Instant silentSince, String problem, Instant at) {
        int changed = connections.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = 'failed', phase = 'failed', problem = ?, "
                    + "finished_ms = ? WHERE id = ? AND " + UNFINISHED + " AND heartbeat_ms < ?")) {
                ps.setString(1, problem);
                setTime(ps, 2, at);
                ps.setString(3, id);
                setTime(ps, 4, silentSince);
                return ps.executeUpdate();
            }
        });
        return changed == 1;
    }

    @Override
    public int purge(Instant finishedBefore, Instant silentBefore) {
        return connections.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE finished_ms < ? OR (finished_ms IS NULL AND heartbeat_ms < ?)")) {
                setTime(ps, 1, finishedBefore);
                setTime(ps, 2, silentBefore);
                return ps.executeUpdate();
            }
        });
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                Status.of(rs.getString(7)), rs.getString(8), rs.getLong(9), getLong(rs, 10), rs.getLong(11), getTime(rs, 12),
                getTime(rs, 13), getTime(rs, 14), getTime(rs, 15), rs.getString(16), rs.getString(17));
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) ps.setNull(index, Types.BIGINT); else ps.setLong(index, value);
    }

    private static Long getLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }

    private static void setTime(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) ps.setNull(index, Types.BIGINT); else ps.setLong(index, at.toEpochMilli());
    }

    private static Instant getTime(ResultSet rs, int index) throws SQLException {
        Long ms = getLong(rs, index);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    /**
     * The table's DDL (the same in both dialects): the id a random UUID, the status one of {@link ImportJobStore#STATUSES},
     * times as epoch milliseconds; indexed by finish time for the retention purge.
     */
    public static List<String> createStatements(String table, String indexName) {
        String statuses = String.join(", ", STATUSES.stream().map(s -> "'" + s.apiName() + "'").toList());
        return List.of("CREATE TABLE " + table + " (id text PRIMARY KEY, layer text NOT NULL, mode text NOT NULL, dry_run boolean NOT NULL, "
                        + "who text NOT NULL, instance text NOT NULL, status text NOT NULL CHECK (status IN (" + statuses + ")), "
                        + "phase text NOT NULL, features_read bigint NOT NULL, features_total bigint, features_written bigint NOT NULL, "
                        + "created_ms bigint NOT NULL, started_ms bigint, heartbeat_ms bigint NOT NULL, finished_ms bigint, "
                        + "report text, problem text)",
                "CREATE INDEX " + indexName + " ON " + table + " (finished_ms)");
    }
}
