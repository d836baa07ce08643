package parkgrid.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What tests need from the machine (PostGIS, pgRouting, GDAL, PyQGIS, Chromium). Under {@code CI=true} a missing service
 * fails the test; on a developer machine it skips with the reason, so {@code ./test.sh} (which installs
 * everything) is the way to run them all.
 */
public final class RequiredServices {
    private RequiredServices() {}

    /** JDBC URL of the test database: {@code PARKGRID_TEST_DB}, default the one {@code scripts/test-env.sh} creates. */
    public static String postGisUrl() {
        String url = System.getenv().getOrDefault("PARKGRID_TEST_DB", "jdbc:postgresql://127.0.0.1:5432/parkgrid_test");
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("SELECT postgis_version()");
        } catch (SQLException e) {
            unavailable("PostGIS at " + url + " is not usable (" + e.getMessage() + "); run ./test.sh");
        }
        return url;
    }

    /**
     * pgRouting on the test database ({@code postgresql-15-pgrouting}): the extension is created, once, in a schema of its
     * own ({@code parkgrid_pgrouting}, never dropped; the {@code public} schema is left alone) unless it exists already.
     *
     * @return the schema holding the pgRouting functions, for the caller's {@code search_path}
     */
    public static String pgRouting() {
        String url = postGisUrl();
        if (!Files.exists(Path.of("/usr/share/postgresql/15/extension/pgrouting.control"))) {
            unavailable("pgRouting (postgresql-15-pgrouting) is not installed; run ./test.sh");
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(hashtext('parkgrid_pgrouting'))");
                s.execute("CREATE SCHEMA IF NOT EXISTS parkgrid_pgrouting");
                s.execute("CREATE EXTENSION IF NOT EXISTS pgrouting SCHEMA parkgrid_pgrouting");
                c.commit();
                try (var rs = s.executeQuery("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                        + " WHERE e.extname = 'pgrouting'")) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        } catch (SQLException e) {
            unavailable("pgRouting cannot be created on " + url + " (" + e.getMessage() + "); run ./test.sh");
            return null;
        }
    }

    /** The path of an executable, e.g. {@code /usr/bin/ogrinfo}. */
    public static Path executable(String path) {
        Path p = Path.of(path);
        if (!Files.isExecutable(p)) unavailable(path + " is not installed; run ./test.sh");
        return p;
    }

    /**
     * The Debian system Python with PyQGIS ({@code python3-qgis}), checked by importing {@code qgis.core}
     * headless ({@code QT_QPA_PLATFORM=offscreen}).
     */
    public static Path pyQgis() {
        Path python = executable("/usr/bin/python3");
        try {
            ProcessBuilder check = new ProcessBuilder(python.toString(), "-c", "import qgis.core").redirectErrorStream(true);
            check.environment().put("QT_QPA_PLATFORM", "offscreen");
            Process p = check.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                unavailable("importing qgis.core in /usr/bin/python3 did not finish in 60 s");
            }
            if (p.exitValue() != 0) unavailable("PyQGIS (python3-qgis) is not installed: " + out.strip() + "; run ./test.sh");
        } catch (java.io.IOException e) {
            unavailable("cannot run /usr/bin/python3: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return python;
    }

    /** A TrueType CJK font for PDF reports ({@code PARKGRID_CJK_FONT} or a known system path; Debian fonts-wqy-microhei). */
    public static Path cjkFont() {
        return parkgrid.report.CjkFont.fromEnvironment(System.getenv()).locate().orElseGet(() -> {
            unavailable("no TrueType CJK font (apt-get install fonts-wqy-microhei, or set PARKGRID_CJK_FONT); run ./test.sh");
            return null;
        });
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail("CI requires it: " + why);
        Assumptions.abort(why);
    }
}
