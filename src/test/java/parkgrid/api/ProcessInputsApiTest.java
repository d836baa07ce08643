package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/**
 * Process execution bodies are checked against the declared inputs at every level the declaration
 * knows, and the process descriptions, the OpenAPI request bodies and the accepted keys are one list.
 */
class ProcessInputsApiTest extends SeededServerTest {
    private static final String COVERAGE = "\"supply\":\"transformers\",\"demand\":\"villages\"";

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "coverage      | {" + COVERAGE + ",\"radius\":{\"type\":\"rule\",\"klass\":\"D\"}}                    | radius.klass",
        "coverage      | {\"inputs\":{" + COVERAGE + ",\"radius\":{\"type\":\"constant\",\"metres\":500,\"米\":1}}} | radius.米",
        "coverage      | {" + COVERAGE + ",\"radius\":{\"type\":\"constant\",\"metres\":500},\"modus\":\"network\"} | modus",
        "coverage      | {\"inputs\":{" + COVERAGE + "},\"mode\":\"network\"}                                    | mode",
        "supply-radius | {\"inputs\":{\"voltage_kv\":10,\"klass\":\"D\"}}                                       | klass",
        "supply-radius | {\"voltage_kv\":10,\"线路\":\"power_lines\"}                                            | 线路",
        "spatial-query | {\"collection\":\"villages\",\"feature\":{\"collection\":\"villages\",\"编号\":1}}       | feature.编号",
        "spatial-query | {\"collection\":\"villages\",\"relation\":\"within-distance\",\"distanz\":100}           | distanz",
    })
    void unknownKeysAreRefusedNamingThePathTheClientWrote(String process, String body, String parameter) throws Exception {
        TestServer.Reply r = CoverageApiTest.post(server, process, body);
        assertEquals(400, r.status(), r.body());
        assertEquals("application/problem+json", r.mediaType());
        JsonNode p = r.json();
        assertEquals(parameter, p.get("parameter").asText());
        assertTrue(p.get("detail").asText().contains(parameter), p.get("detail").asText());
    }

    @Test
    void declaredInputsAreAcceptedIncludingTheNetworkBounds() throws Exception {
        TestServer.Reply r = CoverageApiTest.post(server, "coverage", "{\"inputs\":{" + COVERAGE + ",\"radius\":{\"type\":\"rule\","
                + "\"rules\":\"dlt5729\",\"voltage_kv\":0.4,\"class\":\"D\"},\"mode\":\"network\",\"network\":\"power_lines\","
                + "\"network_filter\":\"voltage_kv = 0.4\",\"max_access_m\":300,\"include_areas\":false},\"response\":\"document\"}");
        assertEquals(200, r.status(), r.body());
        TestServer.Reply check = CoverageApiTest.post(server, "supply-radius",
                "{\"voltage_kv\":10,\"class\":\"D\",\"network_filter\":\"voltage_kv = 10\",\"max_access_m\":300}");
        assertEquals(200, check.status(), check.body());
        TestServer.Reply near = CoverageApiTest.post(server, "spatial-query",
                "{\"collection\":\"villages\",\"feature\":{\"collection\":\"villages\",\"id\":1},\"relation\":\"within-distance\","
                        + "\"distance\":3000,\"limit\":5}");
        assertEquals(200, near.status(), near.body());
        assertTrue(near.json().get("features").size() >= 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"spatial-query", "coverage", "supply-radius"})
    void theDescriptionTheOpenApiBodyAndTheAcceptedKeysAreOneList(String process) throws Exception {
        JsonNode description = server.get("/processes/" + process).json();
        Set<String> described = new TreeSet<>();
        description.get("inputs").fieldNames().forEachRemaining(described::add);
        assertFalse(described.isEmpty());
        description.get("inputs").forEach(in -> assertTrue(in.has("schema") && in.has("description"), in.toString()));
        JsonNode body = server.get("/api").json().at("/paths/~1processes~1" + process + "~1execution/post/requestBody/content/"
                + "application~1json/schema/oneOf/1");
        Set<String> inOpenApi = new TreeSet<>();
        body.get("properties").fieldNames().forEachRemaining(inOpenApi::add);
        assertEquals(described, inOpenApi);
        assertFalse(body.get("additionalProperties").asBoolean(true));
        for (String input : described) {
            // every declared key gets past the key check (it may still be refused for its value or for a missing input)
            TestServer.Reply r = CoverageApiTest.post(server, process, "{\"" + input + "\":null}");
            assertFalse(r.body().contains("unknown input"), input + ": " + r.body());
        }
    }

    @Test
    void coverageDeclaresTheNetworkInputsAndTheRadiusMembers() {
        JsonNode inputs = server.get("/processes/coverage").json().get("inputs");
        assertEquals("number", inputs.at("/max_access_m/schema/type").asText());
        assertEquals("string", inputs.at("/network_filter/schema/type").asText());
        assertEquals(1, inputs.at("/radius/minOccurs").asInt());
        JsonNode radius = inputs.at("/radius/schema");
        assertFalse(radius.get("additionalProperties").asBoolean(true));
        for (String member : new String[] {"type", "metres", "property", "rules", "voltage_kv", "class", "class_property"}) {
            assertTrue(radius.get("properties").has(member), member);
        }
        assertTrue(server.get("/processes/supply-radius").json().get("inputs").has("max_access_m"));
    }
}
