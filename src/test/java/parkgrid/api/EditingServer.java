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
 * The API's routes on a store the test prepared, with a stand-in for the access check (built elsewhere): a
 * request may say who calls in {@value #CALLER} ({@code name;role}, percent-encoded), and that {@link Caller}
 * is put on the request as the access check will. Nothing else differs from {@link Routes}.
 */
final class EditingServer implements AutoCloseable {
    static final String CALLER = "X-Test-Caller";
    private final Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    EditingServer(FeatureStore store, Path dir, RequestLimits limits) {
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.router.ignoreTrailingSlashes = true;
            c.http.prefer405over404 = true;
        });
        app.before(ctx -> {
            String caller = ctx.header(CALLER);
            if (caller == null) return;
            String[] parts = URLDecoder.decode(caller, StandardCharsets.UTF_8).split(";");
            ctx.attribute(Caller.ATTRIBUTE, new Caller(parts[0], Role.valueOf(parts[1])));
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
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
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
