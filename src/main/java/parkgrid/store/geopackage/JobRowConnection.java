package parkgrid.store.geopackage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import parkgrid.store.ImportJobTable;
import parkgrid.store.TokenTable;

/**
 * The connection import job rows are written on: its own, not the writer's, so a job row is never part of an import's
 * transaction. SQLite has one writer per file, and an import holds it for its whole write pass; so a progress row
 * ({@link #writeIfFree}) is tried without waiting and skipped while another write is open, and an outcome
 * ({@link #write}) first takes the file's write lock, as every other write does, so it never meets an open transaction.
 * Statements run in autocommit: each is its own transaction.
 */
final class JobRowConnection implements ImportJobTable.Connections, AutoCloseable {
    /** How long an outcome waits for SQLite once it holds the write lock (only a checkpoint can be in its way). */
    private static final int WRITE_BUSY_MS = 5_000;

    private final GeoPackageFile file;
    private final Connection connection;

    JobRowConnection(GeoPackageFile file, Path path) throws SQLException {
        this.file = file;
        this.connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + path.toAbsolutePath());
    }

    @Override
    public <T> T read(TokenTable.Work<T> work) {
        return file.read(work::run);
    }

    @Override
    public <T> T write(TokenTable.Work<T> work) {
        synchronized (file.writeLock()) {
            synchronized (connection) {
                try {
                    busyTimeout(WRITE_BUSY_MS);
                    return work.run(connection);
                } catch (SQLException e) {
                    throw new IllegalStateException("import job write failed: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public <T> Optional<T> writeIfFree(TokenTable.Work<T> work) {
        synchronized (connection) {
            try {
                busyTimeout(0);
                return Optional.of(work.run(connection));
            } catch (SQLiteException e) {
                if ((e.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code) return Optional.empty(); // an import is writing
                throw new IllegalStateException("import job write failed: " + e.getMessage(), e);
            } catch (SQLException e) {
                throw new IllegalStateException("import job write failed: " + e.getMessage(), e);
            }
        }
    }

    private void busyTimeout(int ms) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + ms);
        }
    }

    @Override
    public void close() {
        synchronized (connection) {
            try { connection.close(); } catch (SQLException ignored) { /* closing anyway */ }
        }
    }
}
