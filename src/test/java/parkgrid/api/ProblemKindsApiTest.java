package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import parkgrid.feature.ParkGridException;
import parkgrid.json.Json;

/**
 * Each kind of problem, thrown by a handler, reaches the client as UTF-8 {@code application/problem+json} with
 * the kind's status and title and the parameter as thrown. A small app with only the mapper: most kinds
 * (unauthorised, precondition …) have no route of the seeded server that throws them yet.
 */
class ProblemKindsApiTest {
    private record Case(String path, Supplier<ParkGridException> error, int status, String title, String parameter) {}

    private static final List<Case> CASES = List.of(
        new Case("/invalid", () -> ParkGridException.invalidParameter("radius.class", "供电分区 'Z' 不存在"), 400, "Invalid parameter", "radius.class"),
        new Case("/unauthorized", () -> ParkGridException.unauthorized("请先登录"), 401, "Unauthorized", null),
        new Case("/forbidden", () -> ParkGridException.forbidden("嵩县 planners may not edit 汝阳县"), 403, "Forbidden", null),
        new Case("/not-found", () -> ParkGridException.layerNotFound("supply", "嵩县县城变电站"), 404, "Not found", "supply"),
        new Case("/conflict", () -> ParkGridException.conflict("程村 already exists"), 409, "Conflict", null),
        new Case("/precondition-failed", () -> ParkGridException.preconditionFailed("If-Match", "程村 changed"), 412, "Precondition failed", "If-Match"),
        new Case("/too-large", () -> ParkGridException.tooLarge("body", "汝阳县 upload too large"), 413, "Payload too large", "body"),
        new Case("/precondition-required", () -> ParkGridException.preconditionRequired("If-Match", "give the version of 程村"), 428, "Precondition required", "If-Match"),
        new Case("/busy", () -> ParkGridException.busy("服务器忙"), 503, "Server busy", null),
        new Case("/time-limit", () -> ParkGridException.timeLimit("include_areas", "嵩县 covered area not finished"), 503, "Analysis time limit exceeded", "include_areas"));

    @Test
    void eachKindIsAProblemWithItsStatus() {
        Javalin app = Javalin.create();
        ProblemMapper.register(app);
        for (Case c : CASES) app.get(c.path(), ctx -> { throw c.error().get(); });
        assertFalse(CASES.isEmpty());
        JavalinTest.test(app, (server, client) -> {
            for (Case c : CASES) {
                try (Response r = client.get(c.path())) {
                    String text = r.body().string();
                    assertEquals(c.status(), r.code(), c.path() + ": " + text);
                    assertEquals(ProblemMapper.CONTENT_TYPE, r.header("Content-Type").replace(" ", ""), c.path());
                    JsonNode p = Json.MAPPER.readTree(text);
                    assertEquals(c.status(), p.get("status").asInt(), text);
                    assertEquals(c.title(), p.get("title").asText(), text);
                    assertEquals(c.error().get().detail(), p.get("detail").asText(), text);
                    assertEquals(c.path(), p.get("instance").asText(), text);
                    if (c.parameter() == null) assertFalse(p.has("parameter"), text);
                    else assertEquals(c.parameter(), p.get("parameter").asText(), text);
                    assertTrue(!text.contains("Exception") && !text.contains("\tat "), "no stack trace: " + text);
                }
            }
        });
    }
}
