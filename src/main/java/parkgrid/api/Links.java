package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Builds absolute link URLs from the request's own scheme and host. */
final class Links {
    private final String base;

    Links(Context ctx) {
        String proto = headerOr(ctx, "X-Forwarded-Proto", ctx.scheme());
        String host = headerOr(ctx, "X-Forwarded-Host", ctx.host());
        this.base = proto + "://" + host + ctx.contextPath().replaceAll("/$", "");
    }

    private static String headerOr(Context ctx, String header, String fallback) {
        String v = ctx.header(header);
        return v == null || v.isBlank() ? fallback : v.split(",")[0].trim();
    }

    String url(String path) {
        return base + path;
    }

    /** {@code path} with the given query parameters (first value of each, in map order). */
    String url(String path, Map<String, List<String>> query) {
        if (query.isEmpty()) return url(path);
        StringJoiner q = new StringJoiner("&", "?", "");
        query.forEach((k, vs) -> vs.forEach(v -> q.add(encode(k) + "=" + encode(v))));
        return url(path) + q;
    }

    static void add(ArrayNode links, String href, String rel, String type, String title) {
        var l = links.addObject().put("href", href).put("rel", rel);
        if (type != null) l.put("type", type);
        if (title != null) l.put("title", title);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",");
    }
}
