package parkgrid.store.geopackage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;
import parkgrid.feature.ParkGridException;

/**
 * A fixed pool of read-only SQLite connections to one GeoPackage. In WAL mode readers see the last
 * committed state and never block the writer. Readers map the file into memory ({@link #MMAP_BYTES}):
 * each connection's own page cache is 2 MB, smaller than a province layer, so without the map every bbox page
 * copied the same pages from the OS again through read(); mapped, all connections share the OS page cache.
 */
final class ReadConnections implements AutoCloseable {
    /** The most of the file each reader maps (SQLite's {@code mmap_size}); beyond it SQLite reads as before. */
    static final long MMAP_BYTES = 1L << 30;

    private final BlockingQueue<Connection> idle;

    ReadConnections(Path file, int size) throws SQLException {
        idle = new ArrayBlockingQueue<>(size);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(MMAP_BYTES));
        for (int i = 0; i < size; i++) {
            idle.add(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
        }
    }

    Connection borrow() {
        try {
            Connection c = idle.poll(30, TimeUnit.SECONDS);
            if (c == null) throw ParkGridException.busy("no GeoPackage read connection free within 30 s");
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ParkGridException.busy("interrupted while waiting for a read connection");
        }
    }

    void giveBack(Connection c) {
        idle.add(c);
    }

    @Override
    public void close() {
        for (Connection c : idle) {
            try { c.close(); } catch (SQLException ignored) { /* closing anyway */ }
        }
    }
}
