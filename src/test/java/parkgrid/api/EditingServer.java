package parkgrid.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import parkgrid.config.RequestLimits;
import parkgrid.config.Settings;
import parkgrid.store.FeatureStore;

/**
 * The API's routes on a store the test prepared, with the real access check: a request may say who calls in
 * {@value #CALLER} ({@code name;role}, percent-encoded); {@link #send} turns that into a bearer token issued by the
 * store for that holder and role (none for {@code PUBLIC}), so every write goes through the token lookup and the
 * role check as a client's would. Nothing else differs from {@link Routes}.
 */
final class EditingServer implements AutoCloseable {
    static final String CALLER = "X-Test-Caller";
    private final Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final FeatureStore store;
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    EditingServer(FeatureStore store, Path dir, RequestLimits limits) {
        this.store = store;
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.router.ignoreTrailingSlashes = true;
            c.http.prefer405over404 = true;
        });
        Routes.register(app, store, Settings.embedded(dir.resolve("unused.gpkg"), 0).withLimits(limits));
        app.after(Utf8ContentType::declare);
        app.start("127.0.0.1", 0);
    }

    /** The header value naming {@code name} with {@code role}. */
    static String caller(String name, Role role) {
        return URLEncoder.encode(name + ";" + role.name(), StandardCharsets.UTF_8);
    }

    /** One request; {@code headers} in pairs (name, value). */
    Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals(CALLER)) {
                String token = tokenFor(headers[i + 1]);
                if (token != null) b.header("Authorization", "Bearer " + token);
            } else {
                b.header(headers[i], headers[i + 1]);
            }
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token of the store for {@code name;ROLE} (one per caller, issued on first use); null for PUBLIC. */
    private String tokenFor(String caller) {
        String[] parts = URLDecoder.decode(caller, StandardCharsets.UTF_8).split(";");
        Role role = Role.valueOf(parts[1]);
        if (role == Role.PUBLIC) return null;
        return tokens.computeIfAbsent(caller, c -> store.tokens().issue(parts[0], role.apiName(), "test").secret());
    }

    @Override
    public void close() {
        app.stop();
    }

    record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return parkgrid.json.Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
