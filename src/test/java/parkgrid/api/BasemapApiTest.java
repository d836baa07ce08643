package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.Settings;
import parkgrid.testing.TestServer;

/**
 * {@code PARKGRID_BASEMAP=mbtiles:<file>}: ParkGrid serves a tile package the user supplies under
 * {@code /basemap/{z}/{x}/{y}} (XYZ, y down; the file's rows are TMS, y up) and tells the map page about it
 * in {@code /map/config}. Files made here with sqlite-jdbc (the spec's tables) and with GDAL's MBTiles driver.
 */
class BasemapApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aRasterPackageIsServedWithItsRowsFlippedAndItsEmptyTilesAsNoContent() throws Exception {
        Path file = dir.resolve("底图.mbtiles");
        byte[] png = png(Color.ORANGE);
        try (Connection c = mbtiles(file, "png", 0, 2, "112.0,33.8,112.9,34.5")) {
            // XYZ z=2 x=3 y=1 is TMS row 2^2-1-1 = 2
            insert(c, 2, 3, 2, png);
        }
        try (TestServer server = TestServer.starting(settings(file))) {
            HttpResponse<byte[]> tile = get(server, "/basemap/2/3/1");
            assertEquals(200, tile.statusCode());
            assertEquals("image/png", tile.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(png, tile.body());
            assertEquals(Color.ORANGE.getRGB(), ImageIO.read(new ByteArrayInputStream(tile.body())).getRGB(10, 10));

            assertEquals(204, get(server, "/basemap/2/3/2").statusCode(), "the TMS row 2 is XYZ y 1, not y 2");
            assertEquals(204, get(server, "/basemap/0/0/0").statusCode(), "no tile stored there");

            HttpResponse<byte[]> outside = get(server, "/basemap/2/4/1");
            assertEquals(404, outside.statusCode());
            assertTrue(outside.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(new String(outside.body(), StandardCharsets.UTF_8).contains("column 4 is outside 0..3"), new String(outside.body(), StandardCharsets.UTF_8));

            HttpResponse<byte[]> chinese = get(server, "/basemap/" + URLEncoder.encode("汝阳县", StandardCharsets.UTF_8) + "/0/0");
            assertEquals(404, chinese.statusCode());
            assertTrue(new String(chinese.body(), StandardCharsets.UTF_8).contains("汝阳县"), "the problem names the value as written");

            JsonNode basemap = server.get("/map/config").json().get("basemap");
            assertEquals("mbtiles", basemap.get("name").asText());
            assertEquals("/basemap/{z}/{x}/{y}", basemap.get("url").asText());
            assertEquals(2, basemap.get("maxNativeZoom").asInt());
            assertEquals(false, basemap.get("vector").asBoolean());
            assertEquals(112.9, basemap.at("/bounds/2").asDouble(), 1e-9);
            assertEquals("测试底图 test", basemap.get("attribution").asText());
        }
    }

    @Test
    void aVectorPackageAnswersItsGzippedTilesAsStoredAndNamesItsLayers() throws Exception {
        Path file = dir.resolve("vector.mbtiles");
        byte[] mvt = {0x1a, 0x02, 0x78, 0x02}; // a few protobuf bytes; the server does not decode them
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(mvt);
        }
        try (Connection c = mbtiles(file, "pbf", 0, 14, null)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metadata VALUES ('json', ?)")) {
                ps.setString(1, "{\"vector_layers\":[{\"id\":\"roads\"},{\"id\":\"water\"}]}");
                ps.executeUpdate();
            }
            insert(c, 0, 0, 0, gz.toByteArray());
        }
        try (TestServer server = TestServer.starting(settings(file))) {
            HttpResponse<byte[]> tile = get(server, "/basemap/0/0/0");
            assertEquals(200, tile.statusCode());
            assertEquals("application/vnd.mapbox-vector-tile", tile.headers().firstValue("Content-Type").orElse(""));
            assertEquals("gzip", tile.headers().firstValue("Content-Encoding").orElse(""));
            assertArrayEquals(gz.toByteArray(), tile.body());
            JsonNode basemap = server.get("/map/config").json().get("basemap");
            assertEquals(true, basemap.get("vector").asBoolean());
            assertEquals("[\"roads\",\"water\"]", basemap.get("vectorLayers").toString());
        }
    }

    @Test
    void aPackageMadeByGdalIsServedAtItsOwnZooms() throws Exception {
        Path tif = dir.resolve("ruyang.tif");
        Path file = dir.resolve("ruyang.mbtiles");
        run("gdal_create", "-of", "GTiff", "-outsize", "512", "512", "-bands", "3", "-ot", "Byte", "-burn", "30", "-burn", "120", "-burn", "200",
                "-a_srs", "EPSG:4326", "-a_ullr", "112.3", "34.3", "112.6", "34.0", tif.toString());
        run("gdal_translate", "-q", "-of", "MBTILES", "-co", "TILE_FORMAT=PNG", tif.toString(), file.toString());
        try (TestServer server = TestServer.starting(settings(file))) {
            JsonNode basemap = server.get("/map/config").json().get("basemap");
            assertEquals("png", basemap.get("format").asText());
            int z = basemap.get("maxNativeZoom").asInt();
            assertTrue(z >= 8 && z <= 12, "GDAL picks the zoom of the raster's resolution: " + basemap);
            // the tile holding the raster's centre (112.45 E, 34.15 N) at the package's deepest zoom
            double n = Math.pow(2, z);
            int x = (int) Math.floor((112.45 + 180) / 360 * n);
            double lat = Math.toRadians(34.15);
            int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
            HttpResponse<byte[]> tile = get(server, "/basemap/" + z + "/" + x + "/" + y);
            assertEquals(200, tile.statusCode(), "the centre tile " + z + "/" + x + "/" + y);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(tile.body()));
            assertNotNull(image, "a PNG");
            assertEquals(new Color(30, 120, 200).getRGB(), image.getRGB(128, 128) | 0xff000000, "the raster's colour");
            // one row further north in XYZ (y - 1) lies north of 34.3 N only if the raster ends there: the flipped row
            // would be the mirror tile in the south, which GDAL did not write either way: check it is the XYZ north
            HttpResponse<byte[]> farNorth = get(server, "/basemap/" + z + "/" + x + "/" + (y - (int) Math.ceil(0.3 / (360 / n)) - 2));
            assertEquals(204, farNorth.statusCode(), "north of the raster the package is empty");
        }
    }

    @Test
    void aFileThatIsNotAPackageStopsTheStartNamingIt() throws Exception {
        Path file = dir.resolve("not.mbtiles");
        Files.writeString(file, "not sqlite");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestServer.starting(settings(file)).close());
        assertTrue(e.getMessage().contains("not.mbtiles"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings(dir.resolve("missing.mbtiles")));
    }

    private Settings settings(Path mbtiles) {
        return Settings.embedded(dir.resolve("server.gpkg"), 0).withBasemap(Settings.MBTILES_PREFIX + mbtiles);
    }

    private static HttpResponse<byte[]> get(TestServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A new MBTiles file with the spec's two tables; bounds may be null. */
    private static Connection mbtiles(Path file, String format, int minZoom, int maxZoom, String bounds) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE metadata (name text, value text)");
            s.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
            s.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO metadata VALUES (?, ?)")) {
            String[][] rows = {{"name", "测试底图"}, {"format", format}, {"minzoom", String.valueOf(minZoom)},
                    {"maxzoom", String.valueOf(maxZoom)}, {"attribution", "测试底图 test"}, {"bounds", bounds}};
            for (String[] row : rows) {
                if (row[1] == null) continue;
                ps.setString(1, row[0]);
                ps.setString(2, row[1]);
                ps.executeUpdate();
            }
        }
        return c;
    }

    private static void insert(Connection c, int z, int x, int tmsRow, byte[] data) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, z);
            ps.setInt(2, x);
            ps.setInt(3, tmsRow);
            ps.setBytes(4, data);
            ps.executeUpdate();
        }
    }

    private static byte[] png(Color color) throws Exception {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + output);
    }
}
