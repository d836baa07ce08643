package parkgrid.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.ParkGridException.Busy;
import parkgrid.feature.ParkGridException.Conflict;
import parkgrid.feature.ParkGridException.Forbidden;
import parkgrid.feature.ParkGridException.InvalidInput;
import parkgrid.feature.ParkGridException.NotFound;
import parkgrid.feature.ParkGridException.PreconditionFailed;
import parkgrid.feature.ParkGridException.PreconditionRequired;
import parkgrid.feature.ParkGridException.TimeLimitExceeded;
import parkgrid.feature.ParkGridException.Unavailable;
import parkgrid.feature.ParkGridException.TooLarge;
import parkgrid.feature.ParkGridException.Unauthorized;

/**
 * The one place errors become responses and the one place that picks HTTP statuses: each kind of
 * {@link ParkGridException} has its status and title in {@link #KINDS}; the rest of ParkGrid throws domain
 * errors and never names a status. The body is RFC 9457 {@code application/problem+json} (UTF-8) with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and, where one parameter is at fault,
 * {@code parameter}. Unexpected exceptions are logged and answered 500 without a stack trace; a wrong method on
 * a known path is 405 with {@code Allow}. What Jetty answers before Javalin sees a request (a malformed or
 * ambiguous URI, a URI or headers too long) is written by {@link JettyProblemHandler} with the same body.
 */
final class ProblemMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    private static final ObjectMapper JSON = parkgrid.json.Json.MAPPER;

    /** The status and title a client sees for one kind of problem. */
    record Kind(int status, String title) {}

    /** Every kind of {@link ParkGridException}, with its HTTP status and title. */
    static final Map<Class<? extends ParkGridException>, Kind> KINDS = Map.ofEntries(
            Map.entry(InvalidInput.class, new Kind(400, "Invalid parameter")),
            Map.entry(Unauthorized.class, new Kind(401, "Unauthorized")),
            Map.entry(Forbidden.class, new Kind(403, "Forbidden")),
            Map.entry(NotFound.class, new Kind(404, "Not found")),
            Map.entry(Conflict.class, new Kind(409, "Conflict")),
            Map.entry(PreconditionFailed.class, new Kind(412, "Precondition failed")),
            Map.entry(TooLarge.class, new Kind(413, "Payload too large")),
            Map.entry(PreconditionRequired.class, new Kind(428, "Precondition required")),
            Map.entry(ParkGridException.TooManyRequests.class, new Kind(429, "Too many requests")),
            Map.entry(Busy.class, new Kind(503, "Server busy")),
            Map.entry(TimeLimitExceeded.class, new Kind(503, "Analysis time limit exceeded")),
            Map.entry(Unavailable.class, new Kind(503, "Component unavailable")));

    /** Seconds a client should wait before asking again after a busy answer (Retry-After). */
    static final long BUSY_RETRY_AFTER_SECONDS = 5;

    private ProblemMapper() {}

    /** The status and title of {@code e}'s kind. */
    static Kind kindOf(ParkGridException e) {
        Kind kind = KINDS.get(e.getClass());
        if (kind == null) throw new IllegalStateException("no status for " + e.getClass().getName()); // a kind added without a row here
        return kind;
    }

    /** The status of one kind, as OpenAPI writes it ({@code "404"}). */
    static String statusOf(Class<? extends ParkGridException> kind) {
        return String.valueOf(KINDS.get(kind).status());
    }

    /**
     * A problem whose status someone else chose — Jetty's parser, Javalin's router — with no
     * {@link ParkGridException} behind it: the title comes from {@link #titleFor}, as for the mapper's own 404/405.
     */
    static String statusBody(int status, String detail, String instance) {
        return body(status, titleFor(status), null, detail, instance);
    }

    static void register(Javalin app) {
        app.exception(ParkGridException.class, (e, ctx) -> {
            Kind kind = kindOf(e);
            challenge(ctx, e);
            if (e instanceof ParkGridException.TooManyRequests t) ctx.header(Header.RETRY_AFTER, Long.toString(t.retryAfterSeconds()));
            else if (e instanceof Busy) ctx.header(Header.RETRY_AFTER, Long.toString(BUSY_RETRY_AFTER_SECONDS));
            ctx.status(kind.status()).contentType(CONTENT_TYPE)
                    .result(body(kind.status(), kind.title(), e.parameter(), e.detail(), ctx.path(), e.members()));
        });
        app.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            // Javalin names the methods "availableMethods" (or "Available methods" when the client accepts HTML)
            String allowed = e.getDetails().values().stream().findFirst().orElse("");
            if (!allowed.isEmpty()) ctx.header(Header.ALLOW, allowed);
            writeStatus(ctx, 405, ctx.method() + " is not allowed on " + decodedPath(ctx)
                    + (allowed.isEmpty() ? "" : "; allowed: " + allowed));
        });
        // Javalin's own "Endpoint GET /%E6%B1%9D not found" quotes the path still encoded
        app.exception(NotFoundResponse.class, (e, ctx) ->
                writeStatus(ctx, 404, "nothing here: " + ctx.method() + " " + decodedPath(ctx)));
        app.exception(HttpResponseException.class, (e, ctx) ->
                writeStatus(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "Internal server error", null, "the server failed to answer this request; it has been logged");
        });
        app.error(404, ctx -> {
            if (!ctx.res().isCommitted() && !isProblem(ctx)) {
                writeStatus(ctx, 404, "no resource at " + decodedPath(ctx));
            }
        });
    }

    /**
     * RFC 6750 §3: an unauthorised answer names the scheme to use, and says {@code invalid_token} when the
     * request did send a token; a forbidden one says the token's scope (role) is too low.
     */
    private static void challenge(Context ctx, ParkGridException e) {
        String realm = "Bearer realm=\"ParkGrid\"";
        if (e instanceof Unauthorized) {
            ctx.header(Header.WWW_AUTHENTICATE, ctx.header(Header.AUTHORIZATION) == null ? realm : realm + ", error=\"invalid_token\"");
        } else if (e instanceof Forbidden) {
            ctx.header(Header.WWW_AUTHENTICATE, realm + ", error=\"insufficient_scope\"");
        }
    }

    /** The request path as the client wrote it, {@code /collections/汝阳县}; the raw one if it does not decode. */
    private static String decodedPath(Context ctx) {
        try {
            return new java.net.URI(ctx.path()).getPath();
        } catch (java.net.URISyntaxException e) {
            return ctx.path();
        }
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(OgcVocabulary.PROBLEM_JSON);
    }

    private static void writeStatus(Context ctx, int status, String detail) {
        ctx.status(status).contentType(CONTENT_TYPE).result(statusBody(status, detail, ctx.path()));
    }

    static void write(Context ctx, int status, String title, String parameter, String detail) {
        ctx.status(status).contentType(CONTENT_TYPE).result(body(status, title, parameter, detail, ctx.path()));
    }

    /** The Content-Type of every problem: the media type with its charset. */
    static final String CONTENT_TYPE = OgcVocabulary.PROBLEM_JSON + ";charset=utf-8";

    /** A problem document; {@code parameter} and {@code instance} (the request path) may be null. */
    static String body(int status, String title, String parameter, String detail, String instance) {
        return body(status, title, parameter, detail, instance, Map.of());
    }

    /** A problem document with further members after the standard ones (an import's {@code report}). */
    static String body(int status, String title, String parameter, String detail, String instance, Map<String, Object> members) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) body.put("instance", instance);
        if (parameter != null) body.put("parameter", parameter);
        members.forEach((k, v) -> body.set(k, JSON.valueToTree(v)));
        return body.toString();
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 408 -> "Request timeout";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request header fields too large";
            case 500 -> "Internal server error";
            case 501 -> "Not implemented";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Server error " + status : "HTTP " + status;
        };
    }
}
