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

    /** Starts the server these settings describe (its store seeded from them, as Main does). */
    public static TestServer starting(Settings settings) {
        return new TestServer(ParkGridApp.start(settings));
    }

    /** Serves a store the test prepared. */
    public static TestServer serving(FeatureStore store, Path dir) {
        return new TestServer(ParkGridApp.start(Settings.embedded(dir.resolve("unused.gpkg"), 0), store));
    }

    /** Serves a store the test prepared, with these import limits. */
    public static TestServer serving(FeatureStore store, Path dir, parkgrid.config.ImportLimits limits) {
        return new TestServer(ParkGridApp.start(Settings.embedded(dir.resolve("unused.gpkg"), 0).withImportLimits(limits), store));
    }

    /** Serves a store the test prepared, with the layers playing {@code roles}. */
    public static TestServer serving(FeatureStore store, Path dir, parkgrid.config.LayerRoles roles) {
        return new TestServer(ParkGridApp.start(Settings.embedded(dir.resolve("unused.gpkg"), 0).withRoles(roles), store));
    }

    /** Serves a store the test prepared with the given settings (their store settings are not used). */
    public static TestServer serving(FeatureStore store, Settings settings) {
        return new TestServer(ParkGridApp.start(settings, store));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Every route the server registered, e.g. {@code GET /collections/{collectionId}}. */
    public java.util.List<ParkGridApp.Route> routes() {
        return app.routes();
    }

    /**
     * Sends any request and keeps the body's bytes as they came, undecoded. {@code pathAndQuery} must already be
     * percent-encoded; {@code body} (UTF-8 JSON) may be null; {@code headers} come in pairs (name, value).
     */
    public RawReply send(String method, String pathAndQuery, String accept, String body) {
        return send(method, pathAndQuery, accept, body, new String[0]);
    }

    /** {@link #send(String, String, String, String)} with {@code Authorization: Bearer <token>} when the token is not null. */
    public RawReply send(String method, String pathAndQuery, String accept, String body, String token) {
        return token == null ? send(method, pathAndQuery, accept, body, new String[0])
                : send(method, pathAndQuery, accept, body, new String[] {"Authorization", "Bearer " + token});
    }

    /** Sends the request with {@code headers} in pairs (name, value). */
    public RawReply send(String method, String pathAndQuery, String accept, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).header("Accept", accept);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new RawReply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer with its body as bytes. */
    public record RawReply(int status, String contentType, byte[] body) {}

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
        /** The media type without parameters ({@code application/geo+json}, not {@code …;charset=utf-8}). */
        public String mediaType() {
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        }

        /** The answer as received (its Content-Type with any charset; see {@link #mediaType()}). */
        public static Reply of(java.net.http.HttpResponse<String> r) {
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
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
