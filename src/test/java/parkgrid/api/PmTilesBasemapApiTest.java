package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.Settings;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.TestServer;

/**
 * {@code PARKGRID_BASEMAP=pmtiles:<file>}. The archives are not written by ParkGrid: GDAL makes an MBTiles package,
 * {@code src/test/resources/pmtiles/mbtiles_to_pmtiles.py} (Python standard library, written from the PMTiles v3
 * spec) converts it, protomaps' own JavaScript reader (npm {@code pmtiles}) must read every tile of it back, and
 * then ParkGrid must serve every tile byte for byte as it serves the MBTiles package.
 */
class PmTilesBasemapApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path RESOURCES = Path.of("src/test/resources/pmtiles");

    @TempDir
    Path dir;

    @Test
    void everyTileOfAGdalPackageConvertedToPmTilesIsServedAsTheMbTilesOneAndAsProtomapsReadsIt() throws Exception {
        Path mbtiles = gdalPackage();
        List<int[]> addresses = addresses(mbtiles);
        assertTrue(addresses.size() > 100, "a package of several zooms: " + addresses.size());
        try (TestServer reference = TestServer.starting(settings("mbtiles:" + mbtiles, "ref"))) {
            for (String[] variant : new String[][] {{"gzip", "0"}, {"none", "0"}, {"gzip", "7"}, {"none", "3"}}) {
                Path pmtiles = dir.resolve("汝阳底图-" + variant[0] + "-" + variant[1] + ".pmtiles");
                JsonNode made = convert(mbtiles, pmtiles, variant[0], Integer.parseInt(variant[1]));
                assertTrue(made.get("entries").asInt() < made.get("tiles").asInt(), "run-length entries: " + made);
                assertTrue(made.get("contents").asInt() < made.get("entries").asInt(), "repeated offsets: " + made);
                JsonNode js = protomapsReads(pmtiles, addresses);
                try (TestServer server = TestServer.starting(settings("pmtiles:" + pmtiles, variant[0] + variant[1]))) {
                    for (int[] a : addresses) {
                        String path = "/basemap/" + a[0] + "/" + a[1] + "/" + a[2];
                        HttpResponse<byte[]> expected = get(reference, path), actual = get(server, path);
                        assertEquals(200, actual.statusCode(), pmtiles.getFileName() + path);
                        assertEquals("image/png", actual.headers().firstValue("Content-Type").orElse(""));
                        assertArrayEquals(expected.body(), actual.body(), pmtiles.getFileName() + path);
                        assertEquals(sha256(expected.body()), js.at("/tiles/" + a[0] + "~1" + a[1] + "~1" + a[2]).asText(),
                                "protomaps' reader, " + path);
                    }
                    // around the package: nothing stored (204, as for MBTiles), or no such tile (404 problem)
                    assertEquals(204, get(server, "/basemap/13/0/0").statusCode());
                    assertEquals(204, get(server, "/basemap/3/6/3").statusCode(), "below the package's zooms");
                    HttpResponse<byte[]> outside = get(server, "/basemap/2/4/1");
                    assertEquals(404, outside.statusCode());
                    assertTrue(outside.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                    JsonNode basemap = server.get("/map/config").json().get("basemap");
                    assertEquals("pmtiles", basemap.get("name").asText());
                    assertEquals(reference.get("/map/config").json().at("/basemap/maxNativeZoom"), basemap.get("maxNativeZoom"));
                    assertEquals(112.3, basemap.at("/bounds/0").asDouble(), 1e-6);
                }
            }
        }
    }

    @Test
    void aVectorArchiveAnswersItsGzippedTilesWithTheirEncodingAndNamesItsLayers() throws Exception {
        Path mbtiles = dir.resolve("矢量.mbtiles");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[] {0x1a, 0x02, 0x78, 0x02});
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mbtiles); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE metadata (name text, value text)");
            s.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
            s.execute("INSERT INTO metadata VALUES ('format', 'pbf'), ('name', '矢量底图'), ('attribution', '© 测试'),"
                    + " ('json', '{\"vector_layers\":[{\"id\":\"道路\"},{\"id\":\"水系\"}]}')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (1, 1, 0, ?)")) {
                ps.setBytes(1, gz.toByteArray());
                ps.executeUpdate();
            }
        }
        Path pmtiles = dir.resolve("矢量.pmtiles");
        convert(mbtiles, pmtiles, "gzip", 0);
        assertEquals(2, protomapsReads(pmtiles, List.<int[]>of(new int[] {1, 1, 1})).at("/header/tileCompression").asInt(),
                "protomaps' reader finds the tiles marked gzip (2)");
        try (TestServer server = TestServer.starting(settings("pmtiles:" + pmtiles, "vector"))) {
            HttpResponse<byte[]> tile = get(server, "/basemap/1/1/1"); // TMS row 0 at zoom 1 is XYZ y 1
            assertEquals(200, tile.statusCode());
            assertEquals("application/vnd.mapbox-vector-tile", tile.headers().firstValue("Content-Type").orElse(""));
            assertEquals("gzip", tile.headers().firstValue("Content-Encoding").orElse(""));
            assertArrayEquals(gz.toByteArray(), tile.body());
            JsonNode basemap = server.get("/map/config").json().get("basemap");
            assertEquals("[\"道路\",\"水系\"]", basemap.get("vectorLayers").toString());
            assertEquals("© 测试", basemap.get("attribution").asText());
            assertEquals(true, basemap.get("vector").asBoolean());
        }
    }

    @Test
    void aCorruptArchiveStopsTheStartSayingWhatIsWrong() throws Exception {
        Path good = dir.resolve("好.pmtiles");
        convert(gdalPackage(), good, "gzip", 5);
        byte[] bytes = Files.readAllBytes(good);

        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertStartFails(magic, "坏-magic.pmtiles", "PMTiles magic");
        byte[] version = bytes.clone();
        version[7] = 2;
        assertStartFails(version, "坏-version.pmtiles", "version 2");
        assertStartFails(java.util.Arrays.copyOf(bytes, 300), "坏-truncated.pmtiles", "past the end");
        byte[] brotli = bytes.clone();
        brotli[97] = 3;
        assertStartFails(brotli, "坏-brotli.pmtiles", "brotli");
        byte[] root = bytes.clone();
        root[128] ^= 0x55; // inside the gzip stream of the root directory
        assertStartFails(root, "坏-root.pmtiles", "root directory");
        assertThrows(IllegalArgumentException.class, () -> settings("pmtiles:" + dir.resolve("无.pmtiles"), "missing"));
    }

    private void assertStartFails(byte[] bytes, String name, String reason) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestServer.starting(settings("pmtiles:" + file, "bad")).close());
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(reason), e.getMessage());
    }

    /** A 3-band raster over Ruyang made into MBTiles by GDAL, with overviews: zooms 9..13, many identical tiles. */
    private Path gdalPackage() throws Exception {
        Path tif = dir.resolve("ruyang.tif"), file = dir.resolve("ruyang.mbtiles");
        if (Files.exists(file)) return file;
        run(RequiredServices.executable("/usr/bin/gdal_create").toString(), "-of", "GTiff", "-outsize", "2048", "2048", "-bands", "3",
                "-ot", "Byte", "-burn", "30", "-burn", "120", "-burn", "200", "-a_srs", "EPSG:4326", "-a_ullr", "112.3", "34.3", "112.6", "34.0",
                tif.toString());
        run("gdal_translate", "-q", "-of", "MBTILES", "-co", "TILE_FORMAT=PNG", tif.toString(), file.toString());
        run("gdaladdo", "-q", file.toString(), "2", "4", "8", "16");
        return file;
    }

    private static List<int[]> addresses(Path mbtiles) throws Exception {
        List<int[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mbtiles);
             ResultSet rs = c.createStatement().executeQuery("SELECT zoom_level, tile_column, tile_row FROM tiles")) {
            while (rs.next()) out.add(new int[] {rs.getInt(1), rs.getInt(2), (1 << rs.getInt(1)) - 1 - rs.getInt(3)});
        }
        return out;
    }

    private static JsonNode convert(Path mbtiles, Path pmtiles, String internal, int leafEntries) throws Exception {
        List<String> command = new ArrayList<>(List.of(RequiredServices.executable("/usr/bin/python3").toString(),
                RESOURCES.resolve("mbtiles_to_pmtiles.py").toString(), mbtiles.toString(), pmtiles.toString(), "--internal", internal));
        if (leafEntries > 0) command.addAll(List.of("--leaf-entries", String.valueOf(leafEntries)));
        return new ObjectMapper().readTree(run(command.toArray(String[]::new)));
    }

    /** What protomaps' JavaScript reader finds in the archive: header, metadata, SHA-256 of each tile. */
    private static JsonNode protomapsReads(Path pmtiles, List<int[]> addresses) throws Exception {
        Path node = RequiredServices.executable("/usr/bin/node");
        List<String> command = new ArrayList<>(List.of(node.toString(), RESOURCES.resolve("read_with_pmtiles_js.mjs").toString(),
                Path.of("node_modules").toAbsolutePath().toString(), pmtiles.toString()));
        for (int[] a : addresses) command.add(a[0] + "/" + a[1] + "/" + a[2]);
        return new ObjectMapper().readTree(run(command.toArray(String[]::new)));
    }

    private Settings settings(String basemap, String name) {
        return Settings.embedded(dir.resolve("server-" + name + ".gpkg"), 0).withBasemap(basemap);
    }

    private static HttpResponse<byte[]> get(TestServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command[0] + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", List.of(command).subList(0, Math.min(command.length, 4))) + ": " + output);
        return output;
    }
}
