package parkgrid.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import parkgrid.geo.WebMercatorQuad;

/**
 * Warms a just started server up by asking it, over HTTP on its own port, what the map page asks on its first
 * load: the page and its module, {@code /me}, {@code /map/config}, {@code /collections}, a page of each collection's features
 * and, for each, one vector tile in the middle of its extent (zoom {@value #TILE_ZOOM}, a street-level tile that
 * stays small on any layer). The answers are read and dropped. What a cold JVM pays on its first requests (class
 * loading, the first JSON, GeoJSON, MVT and gzip writers, the first prepared statements) is then paid before the
 * first user arrives. Under {@code PARKGRID_READ=token} the data routes answer 401 without a token and are warmed
 * only that far: the warm-up holds no credentials.
 */
final class ServerWarmUp {
    static final int TILE_ZOOM = 14;
    /** Features asked of each collection: enough to run the GeoJSON writer, few enough for any layer. */
    static final int PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the warm-up did: requests sent, how many answered 2xx, and how long it took in all. */
    record Report(int requests, int succeeded, long millis) {}

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private int requests, succeeded;

    ServerWarmUp(String host, int port) {
        boolean wildcard = host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String h = wildcard ? "127.0.0.1" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        this.base = "http://" + h + ":" + port;
    }

    Report run() {
        long t0 = System.nanoTime();
        get("/", "text/html");
        get("/static/app.js", "*/*");
        get("/me", "application/json");
        get("/map/config", "application/json");
        JsonNode collections = get("/collections", "application/json");
        for (String path : dataPaths(collections)) get(path, "application/geo+json, application/json;q=0.9");
        return new Report(requests, succeeded, (System.nanoTime() - t0) / 1_000_000);
    }

    /** A feature page and a tile of each listed collection (none when the list was refused). */
    static List<String> dataPaths(JsonNode collections) {
        List<String> paths = new ArrayList<>();
        if (collections == null) return paths;
        for (JsonNode c : collections.path("collections")) {
            String id = URLEncoder.encode(c.path("id").asText(), StandardCharsets.UTF_8);
            paths.add("/collections/" + id + "/items?limit=" + PAGE);
            JsonNode box = c.at("/extent/spatial/bbox/0");
            if (box.size() < 4) continue;
            double lon = (box.get(0).asDouble() + box.get(box.size() / 2).asDouble()) / 2;
            double lat = (box.get(1).asDouble() + box.get(box.size() / 2 + 1).asDouble()) / 2;
            double width = WebMercatorQuad.tileWidth(TILE_ZOOM);
            long col = (long) Math.floor((WebMercatorQuad.x(lon) + WebMercatorQuad.ORIGIN) / width);
            long row = (long) Math.floor((WebMercatorQuad.ORIGIN - WebMercatorQuad.y(lat)) / width);
            if (WebMercatorQuad.exists(TILE_ZOOM, row, col)) {
                paths.add("/collections/" + id + "/tiles/" + WebMercatorQuad.ID + "/" + TILE_ZOOM + "/" + row + "/" + col);
            }
        }
        return paths;
    }

    /** The answer as JSON when it is a 2xx JSON answer, else null; a failed request only counts as one. */
    private JsonNode get(String path, String accept) {
        requests++;
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                    .header("Accept", accept).header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) return null;
            succeeded++;
            boolean json = r.headers().firstValue("Content-Type").orElse("").contains("json");
            boolean gzipped = r.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
            if (!json) return null;
            byte[] body = gzipped ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes() : r.body();
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
