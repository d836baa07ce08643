package parkgrid.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The pieces of ParkGrid's plain HTML pages (OGC API – Features "HTML" conformance class): page head
 * and foot, a list of links, and any JSON value as nested lists. Every text is escaped for HTML, so
 * names such as 程村 pass unchanged and markup in data cannot inject anything.
 */
public final class HtmlDocument {
    private HtmlDocument() {}

    /** The page up to and including the {@code h1} heading. */
    public static void head(Appendable b, String title) throws IOException {
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
         .append(" – ParkGrid</title><link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">")
         .append("<style>body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;max-width:70em}table{border-collapse:collapse}")
         .append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}dt{font-weight:600}</style>")
         .append("</head><body><p><a href=\"/?f=html\">ParkGrid map</a> · <a href=\"/collections?f=html\">collections</a></p><h1>")
         .append(escape(title)).append("</h1>");
    }

    public static void foot(Appendable b) throws IOException {
        b.append("</body></html>");
    }

    /** A "Links" section from an array of link objects (href, rel, type, title). */
    public static void links(Appendable b, JsonNode links) throws IOException {
        b.append("<h2>Links</h2><ul>");
        for (JsonNode l : links) {
            b.append("<li><a href=\"").append(escape(l.path("href").asText())).append("\">")
             .append(escape(l.path("title").asText(l.path("rel").asText()))).append("</a> <small>")
             .append(escape(l.path("rel").asText())).append(' ').append(escape(l.path("type").asText(""))).append("</small></li>");
        }
        b.append("</ul>");
    }

    /** Any JSON value: objects as definition lists, arrays as ordered lists, http(s) texts as anchors. */
    public static void value(Appendable b, JsonNode n) throws IOException {
        if (n.isObject()) {
            b.append("<dl>");
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                definition(b, e.getKey(), e.getValue());
            }
            b.append("</dl>");
        } else if (n.isArray()) {
            b.append("<ol>");
            for (JsonNode v : n) {
                b.append("<li>");
                value(b, v);
                b.append("</li>");
            }
            b.append("</ol>");
        } else {
            String text = n.asText();
            if (text.startsWith("http://") || text.startsWith("https://")) {
                b.append("<a href=\"").append(escape(text)).append("\">").append(escape(text)).append("</a>");
            } else {
                b.append(escape(text));
            }
        }
    }

    /** One {@code dt}/{@code dd} pair of a definition list. */
    public static void definition(Appendable b, String term, JsonNode value) throws IOException {
        b.append("<dt>").append(escape(term)).append("</dt><dd>");
        value(b, value);
        b.append("</dd>");
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
