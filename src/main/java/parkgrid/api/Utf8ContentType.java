package parkgrid.api;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Every text response says {@code charset=utf-8} in its Content-Type. ParkGrid writes all text as UTF-8, but
 * Jetty leaves the charset out for media types it assumes to be UTF-8 ({@code application/json}, which
 * {@code ctx.json()} sets) — and clients such as QGIS or a browser opening a saved file then guess. Runs as
 * an after-handler, so it sees the type a handler chose while the body is still unwritten; a streamed body
 * already committed keeps its headers (its handler sets the charset itself).
 */
public final class Utf8ContentType {
    private static final java.util.regex.Pattern CHARSET = java.util.regex.Pattern.compile("(?i)\\s*;\\s*charset=[^;]*");

    private Utf8ContentType() {}

    /**
     * Before-handler: handlers' String bodies are encoded as UTF-8 (Jetty's default is ISO-8859-1). Not for the
     * static files under {@code /static/} and {@code /webjars/}: Jetty's resource handler clears the content type
     * and would then send {@code charset=null}, even on a PNG; their types, charset included, come from the
     * static file configuration in {@code ParkGridApp}.
     */
    public static void encodeBody(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/static/") || path.startsWith("/webjars/")) return;
        ctx.res().setCharacterEncoding("UTF-8");
    }

    /** After-handler: adds {@code charset=utf-8} to a text Content-Type that lacks a charset (or has Jetty's {@code null}). */
    public static void declare(Context ctx) {
        if (ctx.res().isCommitted()) return;
        String type = ctx.res().getContentType();
        if (type == null || !isText(type)) return;
        String lower = type.toLowerCase(Locale.ROOT).replace(" ", "");
        if (lower.contains(";charset=utf-8")) return;
        // a handler that chose another charset on purpose (a GBK CSV export) keeps it
        if (lower.contains(";charset=") && !lower.contains(";charset=null")) return;
        String withoutCharset = CHARSET.matcher(type).replaceAll(""); // e.g. Jetty's "text/html;charset=null"
        ctx.res().setContentType(withoutCharset + ";charset=utf-8");
    }

    /**
     * Sets a handler's Content-Type: a binary one (GeoPackage, zipped Shapefile, FlatGeobuf …) without the charset
     * that {@link #encodeBody} would otherwise make Jetty append to it.
     */
    static void set(Context ctx, String contentType) {
        if (!isText(contentType)) ctx.res().setCharacterEncoding(null);
        ctx.contentType(contentType);
    }

    /** Whether the media type is text that a charset parameter describes. */
    static boolean isText(String contentType) {
        String media = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return media.startsWith("text/") || media.equals("application/json") || media.endsWith("+json")
                || media.equals("application/javascript") || media.endsWith("+xml") || media.equals("application/xml");
    }
}
