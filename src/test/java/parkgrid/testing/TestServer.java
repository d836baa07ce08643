package parkgrid.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import parkgrid.app.ParkGridApp;
import parkgrid.config.Settings;
import parkgrid.store.FeatureStore;

/** A real ParkGrid on a free port, and a plain HTTP client for it. */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ParkGridApp app;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(ParkGridApp app) {
        this.app = app;
    }

    /** The embedded default, seeded into a fresh GeoPackage in {@code dir}. */
    public static TestServer embedded(Path dir) {
        return new TestServer(ParkGridApp.start(Settings.embedded(dir.resolve("server.gpkg"), 0)));
    }

    /** The embedded default with a different analysis time limit. */
    public static TestServer embedded(Path dir, java.time.Duration analysisTimeLimit) {
        return new TestServer(ParkGridApp.start(Settings.embedded(dir.resolve("server.gpkg"), 0).withAnalysisTimeLimit(analysisTimeLimit)));
    }

    /** Serves a store the test prepared. */
    public static TestServer serving(FeatureStore store, Path dir) {
        return new TestServer(ParkGridApp.start(Settings.embedded(dir.resolve("unused.gpkg"), 0), store));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public FeatureStore store() {
        return app.store();
    }

    public Reply get(String pathAndQuery) {
        return get(pathAndQuery, "application/json");
    }

    public Reply get(String pathAndQuery, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).header("Accept", accept).GET().build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return Reply.of(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    /** An HTTP answer. */
    public record Reply(int status, String contentType, String body) {
        /**
         * The answer with its media type: every body is UTF-8 and says so ({@code ;charset=utf-8}), which is
         * left off so tests compare media types; any other charset stays and fails them.
         */
        public static Reply of(java.net.http.HttpResponse<String> r) {
            String type = r.headers().firstValue("Content-Type").orElse("").replaceFirst("(?i);\\s*charset=utf-8$", "");
            return new Reply(r.statusCode(), type, r.body());
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
