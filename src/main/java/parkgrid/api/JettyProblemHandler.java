package parkgrid.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The errors Jetty answers itself, before or around Javalin — a request the HTTP parser rejects (an ambiguous
 * or malformed URI such as {@code /collections/..%2F..%2Fetc/items}: 400; a URI too long: 414; headers too
 * large: 431) and any error a servlet dispatch produces — as the same UTF-8 {@code application/problem+json}
 * {@link ProblemMapper} writes — its body and its title for the status ({@link ProblemMapper#statusBody}) —
 * instead of Jetty's HTML page. Jetty's reason is given in {@code detail} for
 * 4xx only: a 5xx reason may carry internals, so it is replaced by a fixed sentence.
 */
public final class JettyProblemHandler extends ErrorHandler {

    /** Requests Jetty's parser rejects never reach a handler: no path is known, so the problem has no instance. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ProblemMapper.CONTENT_TYPE));
        String body = ProblemMapper.statusBody(status, detail(status, reason), null);
        return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Every method gets a body, not only GET, POST and HEAD as in Jetty's default. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int status = response.getStatus() < 400 ? 500 : response.getStatus();
        Object message = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_MESSAGE);
        String reason = message == null ? null : message.toString();
        String body = ProblemMapper.statusBody(status, detail(status, reason), request.getRequestURI());
        baseRequest.setHandled(true);
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(ProblemMapper.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String detail(int status, String reason) {
        if (status >= 500) return "the server failed to answer this request; it has been logged";
        String why = reason == null || reason.isBlank() ? ProblemMapper.titleFor(status) : reason;
        return switch (status) {
            case 400 -> "the request is malformed and was rejected before reaching ParkGrid (" + why
                    + "); an encoded '/' in a path segment, for one, is never accepted";
            case 414 -> "the request URI is longer than the server accepts; send large inputs in a POST body";
            case 431 -> "the request headers are larger than the server accepts";
            default -> why;
        };
    }
}
