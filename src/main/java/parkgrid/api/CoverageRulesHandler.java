package parkgrid.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import parkgrid.process.RadiusInput;

/** {@code GET /processes/coverage/rules}: the supply-radius rule sets a coverage execution may name, to read and edit. */
final class CoverageRulesHandler {
    void rules(Context ctx) {
        ObjectNode doc = Responses.JSON.createObjectNode();
        RadiusInput.NAMED_RULES.forEach((name, rules) -> doc.set(name, RadiusInput.rulesJson(rules)));
        Responses.write(ctx, ResponseFormat.JSON, "Supply radius rules", doc, OgcVocabulary.JSON);
    }
}
