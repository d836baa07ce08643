package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.ReadAccess;
import parkgrid.config.Settings;
import parkgrid.process.ProcessRunner;
import parkgrid.process.Processes;
import parkgrid.store.FeatureStore;
import parkgrid.store.TokenStore;
import parkgrid.testing.TestServer;

/**
 * Access control over real HTTP, the same on both stores: every operation of the table whose role is above
 * public, called by an anonymous caller, a viewer, an editor and an admin, answers 401 (anonymous), 403 (a
 * token below the role) or neither (allowed) — the write routes are in the walk as soon as they are in the
 * table. Tokens are made and revoked through the admin API; a bad token is 401 with {@code WWW-Authenticate};
 * {@code PARKGRID_READ=token} makes reading need a viewer while the service description stays public.
 */
abstract class AccessControlContract {
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    /** A layer no store has: an allowed call then answers 404 (or 400) from its handler, never touching data. */
    private static final String NO_LAYER = "不存在的图层";
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A fresh store, seeded with the seed layers; each call gives a store of its own over the same data. */
    protected abstract FeatureStore store(Path dir) throws Exception;

    private TestServer server(ReadAccess reads) throws Exception {
        return TestServer.serving(store(dir), Settings.embedded(dir.resolve("unused.gpkg"), 0).withReadAccess(reads));
    }

    record Reply(int status, String body, String challenge) {}

    private Reply call(TestServer s, String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).header("Accept", "application/json");
        if (token != null) b.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    /** The operation's path with a value for each path parameter: a layer no store has, an id no row has. */
    private static String concrete(Operation op) {
        Matcher m = TEMPLATE.matcher(op.path());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "collectionId" -> URLEncoder.encode(NO_LAYER, StandardCharsets.UTF_8);
                case "processId" -> "coverage";
                default -> "987654";
            };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A token of each role, and anonymous (null), made straight in the store as the setup step would. */
    private static Map<Role, String> callers(FeatureStore store) {
        Map<Role, String> callers = new LinkedHashMap<>();
        callers.put(Role.PUBLIC, null);
        callers.put(Role.VIEWER, store.tokens().issue("访客 孙七", "viewer", "测试").secret());
        callers.put(Role.EDITOR, store.tokens().issue("规划员 王五", "editor", "测试").secret());
        callers.put(Role.ADMIN, store.tokens().issue("管理员 张三", "admin", "测试").secret());
        return callers;
    }

    /** Walks every operation above public × every caller; @return how many operations were walked */
    private int walk(TestServer s, Settings settings) throws Exception {
        Map<Role, String> callers = callers(s.store());
        List<Operation> table = new Operations(s.store(), settings, Processes.standard(s.store(), settings.roles()),
                ProcessRunner.withTimeLimit(Duration.ofSeconds(5))).all();
        List<String> wrong = new ArrayList<>();
        int walked = 0;
        for (Operation op : table) {
            if (op.role() == Role.PUBLIC) continue;
            walked++;
            String method = op.method().name();
            String body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "{}" : null;
            for (Map.Entry<Role, String> caller : callers.entrySet()) {
                Reply r = call(s, method, concrete(op), caller.getValue(), body);
                boolean allowed = caller.getKey().grants(op.role());
                String what = method + " " + op.path() + " as " + caller.getKey().apiName() + " → " + r.status() + " " + r.body();
                if (allowed && (r.status() == 401 || r.status() == 403 || r.status() >= 500)) wrong.add("allowed but " + what);
                if (!allowed && caller.getKey() == Role.PUBLIC && (r.status() != 401 || r.challenge() == null
                        || !r.challenge().startsWith("Bearer"))) wrong.add("anonymous must be 401 with a Bearer challenge: " + what);
                if (!allowed && caller.getKey() != Role.PUBLIC && r.status() != 403) wrong.add("a token below the role must be 403: " + what);
                // a HEAD answer has the problem's headers and no body (RFC 9110 §9.3.2)
                if (!allowed && !method.equals("HEAD") && !r.body().contains("\"status\":" + r.status())) wrong.add("not a problem+json: " + what);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        return walked;
    }

    @Test
    void everyOperationAbovePublicAnswersEachCallerByItsRole() throws Exception {
        try (TestServer s = server(ReadAccess.PUBLIC)) {
            int walked = walk(s, Settings.embedded(dir.resolve("unused.gpkg"), 0));
            assertTrue(walked >= 3, "at least the three token operations; walked " + walked);
        }
    }

    @Test
    void withReadTokenEveryReadingOperationNeedsAViewerAndTheServiceDescriptionStaysPublic() throws Exception {
        Settings settings = Settings.embedded(dir.resolve("unused.gpkg"), 0).withReadAccess(ReadAccess.TOKEN);
        try (TestServer s = server(ReadAccess.TOKEN)) {
            int walked = walk(s, settings);
            assertTrue(walked >= 20, "every reading operation is walked too; walked " + walked);
            for (String open : new String[] {"/", "/conformance", "/health", "/me", "/static/app.js", "/static/http.js"}) {
                assertEquals(200, call(s, "GET", open, null, null).status(), open + " stays public");
            }
            Reply items = call(s, "GET", "/collections/villages/items?name_zh=" + URLEncoder.encode("程村", StandardCharsets.UTF_8), null, null);
            assertEquals(401, items.status());
            assertEquals("Bearer realm=\"ParkGrid\"", items.challenge());
            String viewer = s.store().tokens().issue("访客 孙七", "viewer", "测试").secret();
            Reply read = call(s, "GET", "/collections/villages/items?name_zh=" + URLEncoder.encode("程村", StandardCharsets.UTF_8), viewer, null);
            assertEquals(200, read.status());
            assertTrue(read.body().contains("程村"), read.body());
            JsonNode me = json(call(s, "GET", "/me", null, null));
            assertEquals("token", me.get("read").asText());
            assertEquals("public", me.get("role").asText());
            assertEquals("viewer", json(call(s, "GET", "/api", viewer, null))
                    .at("/paths/~1collections~1{collectionId}~1items/get/x-parkgrid-role").asText());
        }
    }

    @Test
    void anAdminMakesListsAndRevokesTokensAndARevokedTokenIsRefusedAtOnce() throws Exception {
        try (TestServer s = server(ReadAccess.PUBLIC)) {
            String admin = s.store().tokens().issue("管理员 张三", "admin", "测试").secret();
            Reply made = call(s, "POST", "/admin/tokens", admin, "{\"name\": \"规划员 王五\", \"role\": \"editor\"}");
            assertEquals(201, made.status(), made.body());
            JsonNode token = json(made);
            String secret = token.get("token").asText();
            assertEquals("规划员 王五", token.get("name").asText());
            assertEquals("管理员 张三", token.get("created_by").asText());

            JsonNode me = json(call(s, "GET", "/me", secret, null));
            assertEquals("规划员 王五", me.get("name").asText());
            assertEquals("editor", me.get("role").asText());
            assertTrue(me.get("signed_in").asBoolean());

            Reply list = call(s, "GET", "/admin/tokens", admin, null);
            assertEquals(200, list.status());
            assertFalse(list.body().contains(secret.substring(4)), "the list shows no secret: " + list.body());
            assertFalse(list.body().contains("\"token\"") || list.body().contains("hash"), list.body());
            assertTrue(list.body().contains("规划员 王五"), list.body());

            long id = token.get("id").asLong();
            assertEquals(204, call(s, "DELETE", "/admin/tokens/" + id, admin, null).status());
            Reply refused = call(s, "GET", "/me", secret, null);
            assertEquals(401, refused.status());
            assertEquals("Bearer realm=\"ParkGrid\", error=\"invalid_token\"", refused.challenge());
            assertEquals(401, call(s, "GET", "/collections", secret, null).status(), "a revoked token is refused on public reads too");
            JsonNode revoked = null;
            for (JsonNode t : json(call(s, "GET", "/admin/tokens", admin, null)).get("tokens")) if (t.get("id").asLong() == id) revoked = t;
            assertFalse(revoked.get("revoked_at").isNull());
            assertEquals(404, call(s, "DELETE", "/admin/tokens/987654", admin, null).status());
        }
    }

    @Test
    void aBadTokenOrRequestIsAProblemNamingWhatIsWrong() throws Exception {
        try (TestServer s = server(ReadAccess.PUBLIC)) {
            String admin = s.store().tokens().issue("管理员 张三", "admin", "测试").secret();
            for (String bad : new String[] {"Basic 5byg5LiJOuWvhueggQ==", "Bearer", "Bearer pgt_notatoken", "Token " + admin, "Bearer " + admin + "x"}) {
                Reply r = call(s, "GET", "/me", bad, null);
                assertEquals(401, r.status(), bad);
                assertTrue(r.challenge().contains("invalid_token"), bad + ": " + r.challenge());
            }
            String viewer = s.store().tokens().issue("访客 孙七", "viewer", "测试").secret();
            Reply forbidden = call(s, "GET", "/admin/tokens", viewer, null);
            assertEquals(403, forbidden.status());
            assertTrue(json(forbidden).get("detail").asText().contains("访客 孙七"), forbidden.body());
            assertTrue(forbidden.challenge().contains("insufficient_scope"), forbidden.challenge());
            Reply badRole = call(s, "POST", "/admin/tokens", admin, "{\"name\": \"规划员 王五\", \"role\": \"超级\"}");
            assertEquals(400, badRole.status());
            assertEquals("role", json(badRole).get("parameter").asText());
            Reply unknown = call(s, "POST", "/admin/tokens", admin, "{\"name\": \"规划员 王五\", \"role\": \"viewer\", \"有效期\": 7}");
            assertEquals("有效期", json(unknown).get("parameter").asText());
            assertEquals(400, call(s, "DELETE", "/admin/tokens/十", admin, null).status());
        }
    }

    @Test
    void theApiDocumentDeclaresTheBearerSchemeAndEachOperationsRole() throws Exception {
        try (TestServer s = server(ReadAccess.PUBLIC)) {
            JsonNode api = json(call(s, "GET", "/api", null, null));
            assertEquals("bearer", api.at("/components/securitySchemes/bearerToken/scheme").asText());
            assertEquals("admin", api.at("/paths/~1admin~1tokens/post/x-parkgrid-role").asText());
            assertTrue(api.at("/paths/~1admin~1tokens/post/security/0").has("bearerToken"));
            assertTrue(api.at("/paths/~1admin~1tokens~1{tokenId}/delete/responses").has("403"));
            assertTrue(api.at("/paths/~1admin~1tokens~1{tokenId}/delete/responses").has("204"));
            assertTrue(api.at("/paths/~1collections/get/security").isMissingNode(), "public reads need no token");
        }
    }

    private static JsonNode json(Reply r) {
        try {
            return parkgrid.json.Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }
}
