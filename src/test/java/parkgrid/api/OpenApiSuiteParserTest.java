package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.reprezen.kaizen.oasparser.OpenApi3Parser;
import com.reprezen.kaizen.oasparser.model3.OpenApi3;
import com.reprezen.kaizen.oasparser.model3.Operation;
import com.reprezen.kaizen.oasparser.model3.Parameter;
import com.reprezen.kaizen.oasparser.model3.Path;
import com.reprezen.kaizen.oasparser.model3.Schema;
import com.reprezen.kaizen.oasparser.val.ValidationResults;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parkgrid.testing.SeededServerTest;

/**
 * {@code /api} as the OGC API – Features conformance suite (ets-ogcapi-features10) reads it: found through
 * the landing page's {@code service-desc} link and parsed, with validation, by the same OpenAPI 3 parser the
 * suite uses (KaiZen 4.0.4). Then the suite's parameter-definition requirements for every collection's items
 * path: {@code /req/core/fc-limit-definition}, {@code /req/core/fc-bbox-definition} and
 * {@code /req/core/fc-time-definition}.
 */
class OpenApiSuiteParserTest extends SeededServerTest {
    private static OpenApi3 model;

    @BeforeAll
    static void parseTheServiceDescription() throws Exception {
        String href = null;
        for (JsonNode l : server.get("/").json().get("links")) {
            if (l.get("rel").asText().equals("service-desc")) href = l.get("href").asText();
        }
        assertNotNull(href, "the landing page links its service-desc");
        model = new OpenApi3Parser().parse(new URL(href), true);
    }

    @Test
    void theSuitesParserFindsNoErrorOrWarning() {
        List<String> problems = new ArrayList<>();
        for (ValidationResults.ValidationItem item : model.getValidationResults().getItems()) {
            if (item.getSeverity().ordinal() >= ValidationResults.Severity.WARNING.ordinal()) problems.add(item.toString());
        }
        assertTrue(problems.isEmpty(), "validation messages: " + problems);
        assertTrue(model.isValid());
        assertEquals("3.0.3", model.getOpenApi());
    }

    @Test
    void everyItemsPathDefinesLimitBboxAndDatetimeAsThePartOneRequirementsSay() throws Exception {
        List<String> itemsPaths = new ArrayList<>();
        for (Path p : model.getPaths().values()) {
            if (!p.getPathString().matches("/collections/[^/]+/items")) continue;
            itemsPaths.add(p.getPathString());
            Operation get = p.getGet();
            assertNotNull(get, p.getPathString());
            checkLimit(p.getPathString(), parameter(get, "limit"));
            checkBbox(p.getPathString(), parameter(get, "bbox"));
            checkDatetime(p.getPathString(), parameter(get, "datetime"));
        }
        int collections = server.get("/collections").json().get("collections").size();
        assertTrue(collections > 0 && itemsPaths.size() >= collections,
                "an items path for every one of the " + collections + " collections: " + itemsPaths);
    }

    @Test
    void jsonRequestBodiesNameTheirMembers() {
        Schema token = model.getPath("/admin/tokens").getPost().getRequestBody().getContentMediaType("application/json").getSchema();
        assertEquals(List.of("name", "role"), token.getRequiredFields());
        assertEquals(List.of("viewer", "editor", "admin"), token.getProperty("role").getEnums());
        Schema suggestion = model.getPath("/suggestions").getPost().getRequestBody().getContentMediaType("application/json").getSchema();
        assertEquals(List.of("text", "category", "lon", "lat"), suggestion.getRequiredFields());
        assertEquals(500, suggestion.getProperty("text").getMaxLength());
        Schema answer = model.getPath("/suggestions/{suggestionId}/answer").getPost().getRequestBody()
                .getContentMediaType("application/json").getSchema();
        assertEquals(List.of("under_review", "answered"), answer.getProperty("status").getEnums());
        Schema layer = model.getPath("/collections").getPost().getRequestBody().getContentMediaType("application/json").getSchema();
        assertEquals(List.of("string", "integer", "number"),
                layer.getProperty("properties").getItemsSchema().getProperty("type").getEnums());
        // an upload stays a binary body
        assertEquals("binary", model.getPath("/imports").getPost().getRequestBody()
                .getContentMediaType("application/octet-stream").getSchema().getFormat());
    }

    private static Parameter parameter(Operation op, String name) {
        for (Parameter p : op.getParameters()) {
            if (name.equals(p.getName())) return p;
        }
        throw new AssertionError("no parameter '" + name + "' in " + op.getOperationId());
    }

    private static void checkLimit(String path, Parameter limit) {
        assertEquals("query", limit.getIn(), path);
        assertFalse(limit.getRequired(), path);
        assertEquals("form", limit.getStyle(), path);
        assertFalse(limit.getExplode(), path);
        Schema s = limit.getSchema();
        assertEquals("integer", s.getType(), path);
        assertEquals(1, s.getMinimum().intValue(), path);
        assertEquals(10_000, s.getMaximum().intValue(), path);
        assertEquals(1_000, ((Number) s.getDefault()).intValue(), path);
    }

    private static void checkBbox(String path, Parameter bbox) {
        assertEquals("query", bbox.getIn(), path);
        assertFalse(bbox.getRequired(), path);
        assertEquals("form", bbox.getStyle(), path);
        assertFalse(bbox.getExplode(), path);
        Schema s = bbox.getSchema();
        assertEquals("array", s.getType(), path);
        assertEquals(4, s.getMinItems().intValue(), path);
        assertEquals(6, s.getMaxItems().intValue(), path);
        assertEquals("number", s.getItemsSchema().getType(), path);
    }

    private static void checkDatetime(String path, Parameter datetime) {
        assertEquals("query", datetime.getIn(), path);
        assertFalse(datetime.getRequired(), path);
        assertEquals("form", datetime.getStyle(), path);
        assertFalse(datetime.getExplode(), path);
        assertEquals("string", datetime.getSchema().getType(), path);
    }
}
