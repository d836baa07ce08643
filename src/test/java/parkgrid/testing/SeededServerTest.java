package parkgrid.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of HTTP tests that share one real server per test class, on a freshly seeded embedded GeoPackage. */
public abstract class SeededServerTest {
    @TempDir
    protected static Path dir;
    protected static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.embedded(dir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
