package parkgrid.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkgrid.feature.ParkGridException;

/**
 * The one place errors become responses: RFC 9457 {@code application/problem+json} with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and, where one parameter is at fault,
 * {@code parameter}. Unexpected exceptions are logged and answered 500 without a stack trace.
 */
final class ProblemMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemMapper() {}

    static void register(Javalin app) {
        app.exception(ParkGridException.class, (e, ctx) -> write(ctx, e.status(), e.title(), e.parameter(), e.detail()));
        app.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, e.getStatus(), titleFor(e.getStatus()), null, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "Internal server error", null, "the server failed to answer this request; it has been logged");
        });
        app.error(404, ctx -> {
            if (!ctx.res().isCommitted() && !isProblem(ctx)) {
                write(ctx, 404, "Not found", null, "no resource at " + ctx.path());
            }
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(OgcVocabulary.PROBLEM_JSON);
    }

    static void write(Context ctx, int status, String title, String parameter, String detail) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        if (parameter != null) body.put("parameter", parameter);
        ctx.status(status).contentType(OgcVocabulary.PROBLEM_JSON).result(body.toString());
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Payload too large";
            default -> "HTTP " + status;
        };
    }
}
