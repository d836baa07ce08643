package parkgrid.api;

import io.javalin.http.Context;
import parkgrid.config.ReadAccess;

/**
 * {@code /me}: who the server takes the caller for (the token's holder and role, or anonymous), and whether
 * reading needs a token here: what the map's sign-in control shows.
 */
final class CallerHandler {
    private final ReadAccess reads;

    CallerHandler(ReadAccess reads) {
        this.reads = reads;
    }

    void get(Context ctx) {
        Caller c = Caller.of(ctx);
        ctx.contentType(OgcVocabulary.JSON).result(Responses.JSON.createObjectNode()
                .put("name", c.name()).put("role", c.role().apiName()).put("signed_in", c.role() != Role.PUBLIC)
                .put("read", reads.name().toLowerCase(java.util.Locale.ROOT)).toString());
    }
}
