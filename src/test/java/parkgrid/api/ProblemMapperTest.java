package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import parkgrid.process.InputPaths;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parkgrid.feature.ParkGridException;
import parkgrid.json.Json;

/** Each kind of {@link ParkGridException} has one status and title, chosen by {@link ProblemMapper} alone. */
class ProblemMapperTest {

    /** Every factory, the kind it makes, and the status and title the client sees. */
    static Stream<Arguments> kinds() {
        return Stream.of(
            Arguments.of(ParkGridException.invalidParameter("radius.class", "供电分区 'Z' 不在 DL/T 5729 中"), ParkGridException.InvalidInput.class, 400, "Invalid parameter", "radius.class"),
            Arguments.of(ParkGridException.unauthorized("汝阳县 planners sign in first"), ParkGridException.Unauthorized.class, 401, "Unauthorized", null),
            Arguments.of(ParkGridException.forbidden("嵩县 planners may not edit 汝阳县 layers"), ParkGridException.Forbidden.class, 403, "Forbidden", null),
            Arguments.of(ParkGridException.notFound("feature.id", "程村 has no feature 9"), ParkGridException.NotFound.class, 404, "Not found", "feature.id"),
            Arguments.of(ParkGridException.layerNotFound("supply", "嵩县县城变电站"), ParkGridException.NotFound.class, 404, "Not found", "supply"),
            Arguments.of(ParkGridException.conflict("layer 汝阳县村庄 exists"), ParkGridException.Conflict.class, 409, "Conflict", null),
            Arguments.of(ParkGridException.preconditionFailed("If-Match", "程村 changed since version 3"), ParkGridException.PreconditionFailed.class, 412, "Precondition failed", "If-Match"),
            Arguments.of(ParkGridException.tooLarge("body", "the 汝阳县 upload is over 64 MB"), ParkGridException.TooLarge.class, 413, "Payload too large", "body"),
            Arguments.of(ParkGridException.preconditionRequired("If-Match", "say which version of 程村 you edit"), ParkGridException.PreconditionRequired.class, 428, "Precondition required", "If-Match"),
            Arguments.of(ParkGridException.tooManyRequests("5 suggestions from this client in the last hour (柏树村)", 1200), ParkGridException.TooManyRequests.class, 429, "Too many requests", null),
            Arguments.of(ParkGridException.busy("no read connection free"), ParkGridException.Busy.class, 503, "Server busy", null),
            Arguments.of(ParkGridException.timeLimit("include_areas", "嵩县 covered area not finished"), ParkGridException.TimeLimitExceeded.class, 503, "Analysis time limit exceeded", "include_areas"),
            Arguments.of(ParkGridException.unavailable("solver", "汝阳县 选址：精确求解器不可用", null), ParkGridException.Unavailable.class, 503, "Component unavailable", "solver"));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("kinds")
    void eachKindHasItsStatusTitleAndParameter(ParkGridException e, Class<?> kind, int status, String title, String parameter) {
        assertInstanceOf(kind, e);
        assertEquals(new ProblemMapper.Kind(status, title), ProblemMapper.kindOf(e));
        JsonNode body = read(ProblemMapper.body(status, title, e.parameter(), e.detail(), "/processes/coverage/execution"));
        assertEquals(status, body.get("status").asInt());
        assertEquals(title, body.get("title").asText());
        assertEquals(e.detail(), body.get("detail").asText());
        assertEquals("/processes/coverage/execution", body.get("instance").asText());
        if (parameter == null) assertFalse(body.has("parameter"), body.toString());
        else assertEquals(parameter, body.get("parameter").asText());
    }

    @Test
    void everyKindOfTheFamilyHasAStatus() {
        Class<?>[] permitted = ParkGridException.class.getPermittedSubclasses();
        assertNotNull(permitted);
        assertTrue(permitted.length >= 10, Arrays.toString(permitted));
        Set<Class<?>> mapped = Set.copyOf(ProblemMapper.KINDS.keySet());
        Set<Class<?>> missing = Arrays.stream(permitted).filter(c -> !mapped.contains(c)).collect(Collectors.toSet());
        assertEquals(Set.of(), missing, "kinds without a status in ProblemMapper.KINDS");
        Set<Class<?>> covered = kinds().<Class<?>>map(a -> (Class<?>) a.get()[1]).collect(Collectors.toSet());
        assertEquals(mapped, covered, "every mapped kind is tested above");
    }

    @Test
    void renamingTheParameterKeepsTheKindAndTheCause() {
        ParkGridException analysis = ParkGridException.invalidParameter("supply_class", "supply class 'Z' is not in rule set 'dlt5729'");
        ParkGridException client = InputPaths.RADIUS.named(analysis);
        assertInstanceOf(ParkGridException.InvalidInput.class, client);
        assertEquals("radius.class", client.parameter());
        assertEquals(analysis.detail(), client.detail());
        assertSame(analysis, client.getCause());
        ParkGridException late = ParkGridException.timeLimit(null, "coverage stopped after 30.0 s");
        assertSame(late, InputPaths.COVERAGE.named(late), "no parameter: nothing to rename");
        assertInstanceOf(ParkGridException.NotFound.class, ParkGridException.notFound("featureId", "x").at("feature.id"));
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }
}
