package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkgrid.store.FeatureQuery;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;
import parkgrid.testing.TestServer.Reply;

/** Every bad request gets a 4xx problem+json naming the parameter, no stack trace, and changes nothing. */
class ProblemResponsesTest extends SeededServerTest {
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "/collections/roads                                  | 404 | collectionId",
        "/collections/roads/items                            | 404 | collectionId",
        "/collections/villages/items/999999                  | 404 | featureId",
        "/collections/villages/items/abc                     | 404 | featureId",
        "/collections/villages/items?bbox=1,2,3              | 400 | bbox",
        "/collections/villages/items?bbox=a,b,c,d            | 400 | bbox",
        "/collections/villages/items?bbox=112,34,113,95      | 400 | bbox",
        "/collections/villages/items?bbox=113,34,112,35      | 400 | bbox",
        "/collections/villages/items?bbox=112,35,113,34      | 400 | bbox",
        "/collections/villages/items?limit=0                 | 400 | limit",
        "/collections/villages/items?limit=-5                | 400 | limit",
        "/collections/villages/items?limit=ten               | 400 | limit",
        "/collections/villages/items?offset=-1               | 400 | offset",
        "/collections/villages/items?colour=red              | 400 | colour",
        "/collections/villages/items?population=many         | 400 | population",
        "/collections/villages/items?f=xml                   | 400 | f",
        "/collections/villages/export?format=shp             | 400 | format",
        "/collections?f=pdf                                  | 400 | f",
    })
    void badRequestsAreProblems(String path, int status, String parameter) {
        long before = server.store().count("villages", FeatureQuery.all());
        Reply r = server.get(path);
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType()); // the UTF-8 charset parameter may follow
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt());
        assertEquals(parameter, p.get("parameter").asText());
        assertFalse(p.get("detail").asText().isBlank());
        assertTrue(p.get("instance").asText().startsWith("/collections"));
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
        assertEquals(before, server.store().count("villages", FeatureQuery.all()));
    }

    @ParameterizedTest
    @CsvSource({"/nowhere", "/collections/villages/items/1/more"})
    void unknownPathsAreProblemsToo(String path) {
        Reply r = server.get(path);
        assertEquals(404, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType()); // the UTF-8 charset parameter may follow
    }
}
