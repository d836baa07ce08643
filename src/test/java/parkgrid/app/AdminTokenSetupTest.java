package parkgrid.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.Settings;
import parkgrid.store.TokenSecret;
import parkgrid.store.TokenStore;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.TestServer;

/**
 * The one-time setup step: {@code parkgrid.app.Main create-admin-token "管理员 张三"} run as a child JVM on the
 * embedded GeoPackage the PARKGRID_* environment names, and in-process on PostGIS: it prints the token alone
 * on standard output, refuses a second admin token unless {@code --force-another}, and the token it printed
 * opens the admin API.
 */
class AdminTokenSetupTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run child(Path gpkg, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PARKGRID_GPKG", gpkg.toString());
        pb.environment().put("LANG", "C.UTF-8"); // a terminal in which the holder's Chinese name is typed
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the setup step did not end");
        return new Run(p.exitValue(), out, Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void theJarsMainMakesOneAdminTokenOnTheGeoPackageAndRefusesASecondUnlessForced() throws Exception {
        Path gpkg = dir.resolve("setup.gpkg");
        Run first = child(gpkg, "create-admin-token", "管理员 张三");
        assertEquals(0, first.exit(), first.err());
        String token = first.out().strip();
        assertTrue(TokenSecret.isWellFormed(token), "stdout holds the token alone: '" + first.out() + "'");
        assertTrue(first.err().contains("shown only this once"), first.err());

        Run again = child(gpkg, "create-admin-token", "管理员 李四");
        assertEquals(1, again.exit());
        assertEquals("", again.out(), "a refusal prints no token");
        assertTrue(again.err().contains("refused") && again.err().contains("--force-another"), again.err());

        Run forced = child(gpkg, "create-admin-token", "管理员 李四", "--force-another");
        assertEquals(0, forced.exit(), forced.err());
        assertNotEquals(token, forced.out().strip());

        assertEquals(2, child(gpkg, "create-admin-token").exit(), "no holder: usage");

        GeoPackageStore store = GeoPackageStore.open(gpkg);
        List<TokenStore.Token> tokens = store.tokens().all();
        assertEquals(List.of("管理员 张三", "管理员 李四"), tokens.stream().map(TokenStore.Token::holder).toList());
        assertTrue(tokens.stream().allMatch(t -> t.role().equals("admin") && t.createdBy().equals(AdminTokenSetup.SETUP)));
        assertTrue(store.layers().size() > 5, "the setup step made the seeded store the server then serves");
        try (TestServer server = TestServer.serving(store, Settings.embedded(dir.resolve("unused.gpkg"), 0))) {
            var reply = server.send("GET", "/admin/tokens", "application/json", null);
            assertEquals(401, reply.status());
            java.net.http.HttpResponse<String> admin = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/admin/tokens"))
                            .header("Authorization", "Bearer " + token).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, admin.statusCode());
            assertTrue(admin.body().contains("管理员 张三"), admin.body());
        }
    }

    @Test
    void theSameStepWorksOnPostGisWithTheSameSettings() throws Exception {
        String url = RequiredServices.postGisUrl();
        String schema = "admin_setup_test";
        dropSchema(url, schema);
        try {
            Settings settings = Settings.fromEnvironment(Map.of("PARKGRID_DB", url, "PARKGRID_DB_SCHEMA", schema));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = AdminTokenSetup.run(List.of("create-admin-token", "管理员 张三"), settings,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
            String token = out.toString(StandardCharsets.UTF_8).strip();
            ByteArrayOutputStream refusedOut = new ByteArrayOutputStream();
            assertEquals(1, AdminTokenSetup.run(List.of("create-admin-token", "管理员 李四"), settings,
                    new PrintStream(refusedOut, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            assertEquals("", refusedOut.toString(StandardCharsets.UTF_8));
            try (PostGisStore store = PostGisStore.open(url, "postgres", "", schema)) {
                TokenStore.Token t = store.tokens().active(token).orElseThrow();
                assertEquals("管理员 张三", t.holder());
                assertEquals("admin", t.role());
                assertEquals(1, store.tokens().all().size());
            }
        } finally {
            dropSchema(url, schema);
        }
    }

    private static void dropSchema(String url, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
