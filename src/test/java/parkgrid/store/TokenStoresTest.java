package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import parkgrid.feature.ParkGridException;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;

/**
 * Tokens on both stores: the table keeps the SHA-256 of a token and never its text (read back through plain
 * JDBC, and for the GeoPackage through the file's bytes), a revoked token stops being found, and the
 * holder's Chinese name comes back as written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenStoresTest {
    private static final String SCHEMA = "token_store_test";
    @TempDir
    static Path dir;
    private String url;
    private GeoPackageStore geoPackage;
    private PostGisStore postGis;

    @BeforeAll
    void open() throws Exception {
        geoPackage = GeoPackageStore.open(dir.resolve("tokens.gpkg"));
        url = RequiredServices.postGisUrl();
        dropSchema();
        postGis = PostGisStore.open(url, "postgres", "", SCHEMA);
    }

    @AfterAll
    void close() throws Exception {
        if (geoPackage != null) geoPackage.close();
        if (postGis != null) postGis.close();
        if (url != null) dropSchema();
    }

    /** The stores by kind: a store itself as an argument would be closed by JUnit after the test (it is AutoCloseable). */
    Stream<String> stores() {
        return Stream.of("geopackage", "postgis");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void theTableKeepsTheHashAndNeverTheTokenText(String kind) throws Exception {
        FeatureStore store = store(kind);
        TokenStore.Issued issued = store.tokens().issue("规划员 王五", "editor", "管理员 张三");
        String secret = issued.secret();
        assertTrue(TokenSecret.isWellFormed(secret), secret);
        assertEquals(4 + 43, secret.length(), "pgt_ and 256 bits in base64url");
        List<String> rows = tokenRows(store);
        String row = rows.stream().filter(r -> r.contains(TokenSecret.hash(secret))).findFirst().orElseThrow(
                () -> new AssertionError("no row holds the token's SHA-256: " + rows));
        assertTrue(row.contains("规划员 王五") && row.contains("editor") && row.contains("管理员 张三"), row);
        for (String r : rows) assertFalse(r.contains(secret.substring(4)), "a row holds the token's text: " + r);
        if (store == geoPackage) {
            geoPackage.close();
            String bytes = readAll(dir.resolve("tokens.gpkg"));
            assertTrue(bytes.contains(TokenSecret.hash(secret)));
            assertFalse(bytes.contains(secret.substring(4)), "the GeoPackage file holds the token's text");
            geoPackage = GeoPackageStore.open(dir.resolve("tokens.gpkg"));
        }
        TokenStore.Token found = current(store).tokens().active(secret).orElseThrow();
        assertEquals(issued.token(), found);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aRevokedTokenIsNoLongerFoundAndKeepsItsFirstRevocationTime(String kind) {
        FeatureStore store = store(kind);
        TokenStore.Issued issued = store.tokens().issue("调度员 李四", "viewer", "管理员 张三");
        assertTrue(store.tokens().active(issued.secret()).isPresent());
        TokenStore.Token revoked = store.tokens().revoke(issued.token().id());
        assertTrue(revoked.isRevoked());
        assertTrue(store.tokens().active(issued.secret()).isEmpty());
        assertEquals(revoked.revokedAt(), store.tokens().revoke(issued.token().id()).revokedAt(), "revoking again changes nothing");
        TokenStore.Token listed = store.tokens().all().stream().filter(t -> t.id() == issued.token().id()).findFirst().orElseThrow();
        assertEquals(revoked, listed);
        var missing = assertThrows(ParkGridException.NotFound.class, () -> store.tokens().revoke(987_654));
        assertEquals("tokenId", missing.parameter());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void unknownAndMalformedTokensAreNotFoundAndBadRolesAreRefused(String kind) {
        FeatureStore store = store(kind);
        String other = store.tokens().issue("测绘员 赵六", "admin", "setup").secret();
        String flipped = other.substring(0, other.length() - 1) + (other.endsWith("A") ? "B" : "A");
        assertTrue(store.tokens().active(flipped).isEmpty());
        for (String bad : new String[] {"", "pgt_", "管理员", other + " ", other.substring(4), "' OR 1=1 --"}) {
            assertTrue(store.tokens().active(bad).isEmpty(), bad);
        }
        assertEquals("role", assertThrows(ParkGridException.InvalidInput.class,
                () -> store.tokens().issue("规划员 王五", "public", "setup")).parameter());
        assertEquals("name", assertThrows(ParkGridException.InvalidInput.class,
                () -> store.tokens().issue("  ", "viewer", "setup")).parameter());
        assertTrue(store.tokens().hasActive("admin"));
    }

    @Test
    void twoTokensNeverShareAText() {
        String a = geoPackage.tokens().issue("规划员 王五", "viewer", "setup").secret();
        String b = geoPackage.tokens().issue("规划员 王五", "viewer", "setup").secret();
        assertNotEquals(a, b);
        assertNotEquals(TokenSecret.hash(a), TokenSecret.hash(b));
        assertNull(geoPackage.tokens().active(a).orElseThrow().revokedAt());
    }

    private FeatureStore store(String kind) {
        return kind.equals("postgis") ? postGis : geoPackage;
    }

    /** The store object currently open (the GeoPackage is reopened in one test). */
    private FeatureStore current(FeatureStore store) {
        return store instanceof PostGisStore ? postGis : geoPackage;
    }

    /** Every row of parkgrid_token, all columns as text, read with plain JDBC. */
    private List<String> tokenRows(FeatureStore store) throws Exception {
        try (Connection c = store instanceof PostGisStore ? DriverManager.getConnection(url, "postgres", "")
                : DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tokens.gpkg"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + (store instanceof PostGisStore ? SCHEMA + "." : "") + "parkgrid_token")) {
            List<String> rows = new ArrayList<>();
            ResultSetMetaData m = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= m.getColumnCount(); i++) row.append(m.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                rows.add(row.toString());
            }
            return rows;
        }
    }

    private static String readAll(Path file) throws Exception {
        StringBuilder all = new StringBuilder(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        for (String suffix : new String[] {"-wal", "-journal"}) {
            Path p = Path.of(file + suffix);
            if (Files.exists(p)) all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }

    private void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
