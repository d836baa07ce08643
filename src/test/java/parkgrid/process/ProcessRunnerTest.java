package parkgrid.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import parkgrid.feature.ParkGridException;

/** The runner answers in time, refuses work beyond its bound and passes a process's own problems on unchanged. */
class ProcessRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode inputs(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void aProcessWithinTheLimitAnswersItsResult() throws Exception {
        ProcessRunner runner = new ProcessRunner(Duration.ofSeconds(5), 1, 0);
        FeatureHits hits = (FeatureHits) runner.run(new WaitingProcess(), inputs("{\"村名\":\"程村\"}"));
        assertEquals(1, hits.hits().size());
        assertEquals("程村", hits.hits().get(0).feature().properties().get("name_zh"));
    }

    @Test
    void pastTheDeadlineTheRunnerAnswersAtOnceWithATimeLimitProblem() throws Exception {
        ProcessRunner runner = new ProcessRunner(Duration.ofMillis(200), 1, 0);
        long start = System.nanoTime();
        ParkGridException e = assertThrows(ParkGridException.class,
                () -> runner.run(new WaitingProcess(), inputs("{\"村名\":\"东园头村\",\"wait_ms\":2000}")));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e instanceof ParkGridException.TimeLimitExceeded, e.getClass().getName());
        assertTrue(e.detail().contains(WaitingProcess.ID) && e.detail().contains("0.2 s"), e.detail());
        assertTrue(tookMillis < 1500, "answered after " + tookMillis + " ms, not when the wait ended");
    }

    @Test
    void aFullRunnerRefusesWithABusyProblemAndRecoversWhenAWorkerIsFree() throws Exception {
        ProcessRunner runner = new ProcessRunner(Duration.ofMillis(100), 1, 0);
        assertThrows(ParkGridException.class, () -> runner.run(new WaitingProcess(), inputs("{\"村名\":\"程村\",\"wait_ms\":1000}")));
        ParkGridException busy = assertThrows(ParkGridException.class, () -> runner.run(new WaitingProcess(), inputs("{\"村名\":\"程村\"}")));
        assertTrue(busy instanceof ParkGridException.Busy, busy.getClass().getName());
        Instant giveUp = Instant.now().plusSeconds(10);
        while (true) {
            try {
                runner.run(new WaitingProcess(), inputs("{\"村名\":\"程村\"}"));
                break;
            } catch (ParkGridException e) {
                assertTrue(e instanceof ParkGridException.Busy, e.detail());
                assertTrue(Instant.now().isBefore(giveUp), "the worker never came free");
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aProblemTheProcessThrowsReachesTheCallerUnchanged() {
        ParkGridException bad = ParkGridException.invalidParameter("村名", "input '村名' is required");
        Process failing = new Process() {
            @Override
            public ProcessDeclaration declaration() {
                return new ProcessDeclaration("failing", "失败", "always refuses", List.of(), "nothing", false);
            }

            @Override
            public ProcessResult execute(JsonNode inputs, Instant deadline) {
                throw bad;
            }
        };
        ProcessRunner runner = new ProcessRunner(Duration.ofSeconds(5), 2, 2);
        assertSame(bad, assertThrows(ParkGridException.class, () -> runner.run(failing, JSON.createObjectNode())));
    }

    @Test
    void processesRefuseTwoWithOneId() {
        assertThrows(IllegalArgumentException.class, () -> new Processes(List.of(new WaitingProcess(), new WaitingProcess())));
    }
}
