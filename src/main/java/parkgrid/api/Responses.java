package parkgrid.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes a metadata document as JSON (with the given media type) or as its HTML page. */
final class Responses {
    static final ObjectMapper JSON = parkgrid.json.Json.MAPPER;

    private Responses() {}

    static void write(Context ctx, ResponseFormat format, String title, JsonNode doc, String jsonType) {
        if (format == ResponseFormat.HTML) {
            ctx.contentType(OgcVocabulary.HTML + "; charset=utf-8").result(HtmlPage.render(title, doc));
        } else {
            ctx.contentType(jsonType).result(doc.toString());
        }
    }
}
