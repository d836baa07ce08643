package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import parkgrid.config.Settings;
import parkgrid.process.ProcessRunner;
import parkgrid.process.Processes;
import parkgrid.process.WaitingProcess;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/**
 * Every execution goes through one handler and the one runner: a process registered in a test app (a
 * waiting process, not an analysis) is listed, described and checked from its declaration, and the runner's
 * time limit and bound reach the client as problems while the server keeps answering.
 */
class ProcessExecutionApiTest extends SeededServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A server with the standard processes and the waiting one, on a runner of one worker and no waiting place. */
    private static final class TestApp implements AutoCloseable {
        final Javalin javalin;

        TestApp(Duration timeLimit) {
            javalin = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.router.ignoreTrailingSlashes = true;
                c.http.prefer405over404 = true;
            });
            Routes.register(javalin, server.store(), Settings.embedded(dir.resolve("unused.gpkg"), 0),
                    Processes.standard(server.store(), parkgrid.config.LayerRoles.seed()).with(new WaitingProcess()), new ProcessRunner(timeLimit, 1, 0));
            javalin.after(Utf8ContentType::declare);
            javalin.start("127.0.0.1", 0);
        }

        String url(String path) {
            return "http://127.0.0.1:" + javalin.port() + path;
        }

        @Override
        public void close() {
            javalin.stop();
        }
    }

    private TestServer.Reply get(TestApp app, String path) throws Exception {
        return TestServer.Reply.of(http.send(HttpRequest.newBuilder(URI.create(app.url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private TestServer.Reply execute(TestApp app, String process, String body) throws Exception {
        String path = "/processes/" + URLEncoder.encode(process, StandardCharsets.UTF_8) + "/execution";
        return TestServer.Reply.of(http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void processesListsEveryRegisteredProcessWithInputsFromItsDeclaration() throws Exception {
        try (TestApp app = new TestApp(Duration.ofSeconds(10))) {
            JsonNode list = get(app, "/processes").json();
            List<String> ids = new ArrayList<>();
            list.get("processes").forEach(p -> ids.add(p.get("id").asText()));
            assertEquals(List.of("spatial-query", "coverage", "supply-radius", "compliance", "facility-location", "siting", WaitingProcess.ID), ids);
            JsonNode waiting = get(app, "/processes/" + WaitingProcess.ID).json();
            assertEquals("测试：等待", waiting.get("title").asText());
            assertEquals(1, waiting.at("/inputs/村名/minOccurs").asInt());
            assertEquals("返回的村名", waiting.at("/inputs/村名/description").asText());
            assertEquals("integer", waiting.at("/inputs/wait_ms/schema/type").asText());
            JsonNode coverage = get(app, "/processes/coverage").json();
            assertTrue(coverage.at("/inputs/radius/schema/properties").has("class_property"), coverage.toString());
            JsonNode body = get(app, "/api").json().at("/paths/~1processes~1" + WaitingProcess.ID + "~1execution/post/requestBody");
            assertFalse(body.isMissingNode(), "the registered process has its execution in the API document");
            assertTrue(body.toString().contains("村名"), body.toString());
        }
    }

    @Test
    void aRegisteredProcessRunsAndItsAnswerIsWrittenInUtf8() throws Exception {
        try (TestApp app = new TestApp(Duration.ofSeconds(10))) {
            TestServer.Reply r = execute(app, WaitingProcess.ID, "{\"inputs\":{\"村名\":\"程村\",\"wait_ms\":0}}");
            assertEquals(200, r.status(), r.body());
            assertEquals(OgcVocabulary.GEOJSON, r.mediaType());
            assertEquals("程村", r.json().at("/features/0/properties/name_zh").asText());
            assertEquals("程村", r.json().at("/summary/village").asText());
        }
    }

    @Test
    void anUndeclaredInputIsAProblemNamingIt() throws Exception {
        try (TestApp app = new TestApp(Duration.ofSeconds(10))) {
            TestServer.Reply r = execute(app, WaitingProcess.ID, "{\"村民\":\"程村\"}");
            assertEquals(400, r.status(), r.body());
            assertEquals(OgcVocabulary.PROBLEM_JSON, r.mediaType());
            assertEquals("村民", r.json().get("parameter").asText());
            assertTrue(r.json().get("detail").asText().contains("村名"), r.body());
        }
    }

    @Test
    void anUnknownProcessIsANotFoundProblem() throws Exception {
        try (TestApp app = new TestApp(Duration.ofSeconds(10))) {
            TestServer.Reply executed = execute(app, "嵩县选址", "{\"村名\":\"程村\"}");
            assertEquals(404, executed.status(), executed.body());
            assertEquals(OgcVocabulary.PROBLEM_JSON, executed.mediaType());
            assertTrue(executed.json().get("detail").asText().contains("嵩县选址"), executed.body());
            TestServer.Reply described = get(app, "/processes/" + URLEncoder.encode("嵩县选址", StandardCharsets.UTF_8));
            assertEquals(404, described.status(), described.body());
            assertEquals("processId", described.json().get("parameter").asText());
        }
    }

    @Test
    void pastTheTimeLimitTheAnswerIsATimeLimitProblemAndTheServerKeepsAnswering() throws Exception {
        try (TestApp app = new TestApp(Duration.ofMillis(500))) {
            long start = System.nanoTime();
            TestServer.Reply slow = execute(app, WaitingProcess.ID, "{\"村名\":\"东园头村\",\"wait_ms\":4000}");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, slow.status(), slow.body());
            assertEquals(OgcVocabulary.PROBLEM_JSON, slow.mediaType());
            assertTrue(slow.json().get("title").asText().contains("time limit"), slow.body());
            assertTrue(tookMillis < 3000, "answered after " + tookMillis + " ms, not at the limit");

            assertEquals(200, get(app, "/collections").status(), "the server still answers");
            assertEquals(200, get(app, "/processes").status());

            // the one worker still waits out the first execution: the bound refuses rather than queues
            TestServer.Reply busy = execute(app, WaitingProcess.ID, "{\"村名\":\"程村\"}");
            assertEquals(503, busy.status(), busy.body());
            assertEquals(OgcVocabulary.PROBLEM_JSON, busy.mediaType());
            assertEquals("Server busy", busy.json().get("title").asText(), busy.body());

            Instant giveUp = Instant.now().plusSeconds(15);
            TestServer.Reply again;
            do {
                Thread.sleep(100);
                again = execute(app, WaitingProcess.ID, "{\"村名\":\"程村\"}");
            } while (again.status() == 503 && Instant.now().isBefore(giveUp));
            assertEquals(200, again.status(), "once the worker is free executions run again: " + again.body());
            assertEquals("程村", again.json().at("/summary/village").asText());
        }
    }

    @Test
    void coverageRunsOnTheRunnerLikeAnyProcess() throws Exception {
        try (TestApp app = new TestApp(Duration.ofSeconds(30))) {
            TestServer.Reply r = execute(app, "coverage", "{\"supply\":\"transformers\",\"demand\":\"villages\","
                    + "\"radius\":{\"type\":\"constant\",\"metres\":2000},\"include_areas\":false}");
            assertEquals(200, r.status(), r.body());
            assertTrue(r.json().at("/summary/demand_count").asInt() > 0, r.body());
            assertEquals("include_areas is false", r.json().at("/summary/coverage_area_omitted").asText());
        }
    }
}
