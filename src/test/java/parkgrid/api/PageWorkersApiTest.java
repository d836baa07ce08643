package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.Settings;
import parkgrid.testing.TestServer;

/**
 * A server with one page worker ({@code PARKGRID_PAGE_WORKERS=1}) under 16 concurrent clients answers every page and
 * tile byte for byte as a server without the bound does: the worker is always given back, nothing waits forever, and a
 * page held until it is encoded whole is the same page streamed.
 */
class PageWorkersApiTest {
    @TempDir
    Path dir;

    private static final List<String> PATHS = List.of(
            "/collections/villages/items?limit=7",
            "/collections/villages/items?limit=5&offset=3",
            "/collections/power_lines/items?limit=10&offset=20",
            "/collections/power_lines/items?bbox=112.3,34.0,112.6,34.3&limit=1000",
            "/collections/projects/items?limit=200",
            "/collections/villages/items?f=html&limit=20",
            "/collections/villages/items?limit=3&crs=http://www.opengis.net/def/crs/EPSG/0/4490",
            "/collections/villages/items?offset=100000",
            "/collections/villages/tiles/WebMercatorQuad/10/408/831",
            "/collections/power_lines/tiles/WebMercatorQuad/12/1634/3327",
            "/tiles/WebMercatorQuad/0/0/0",
            "/tiles/WebMercatorQuad/10/408/831");

    @Test
    void oneWorkerAnswersConcurrentClientsAsAnUnboundServerDoes() throws Exception {
        try (TestServer bound = TestServer.starting(Settings.embedded(dir.resolve("bound.gpkg"), 0).withPageWorkers(1));
             TestServer free = TestServer.starting(Settings.embedded(dir.resolve("free.gpkg"), 0).withPageWorkers(0))) {
            Map<String, byte[]> expected = new LinkedHashMap<>();
            for (String path : PATHS) expected.put(path, comparable(free, path));
            assertTrue(new String(expected.get(PATHS.get(0)), StandardCharsets.UTF_8).contains("\"numberReturned\":7"));
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<?>> answers = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int first = c;
                answers.add(clients.submit(() -> {
                    for (int i = 0; i < PATHS.size() * 2; i++) {
                        String path = PATHS.get((first + i) % PATHS.size());
                        assertArrayEquals(expected.get(path), comparable(bound, path), path);
                    }
                    return null;
                }));
            }
            for (Future<?> a : answers) a.get(120, TimeUnit.SECONDS);
            clients.shutdown();
        }
    }

    /** The answer's body with its timeStamp blanked and the server's address taken out (tiles as they are). */
    private static byte[] comparable(TestServer server, String path) {
        TestServer.RawReply r = server.send("GET", path, "*/*", null);
        assertEquals(200, r.status(), path + ": " + new String(r.body(), StandardCharsets.UTF_8));
        if (path.contains("/tiles/")) return r.body();
        return new String(r.body(), StandardCharsets.UTF_8).replaceAll("\"timeStamp\":\"[^\"]*\"", "\"timeStamp\":\"\"")
                .replaceAll("<time[^>]*>[^<]*</time>", "").replace(server.baseUrl(), "").getBytes(StandardCharsets.UTF_8);
    }
}
