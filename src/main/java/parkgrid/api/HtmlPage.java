package parkgrid.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The HTML representation of API resources (OGC API – Features "HTML" conformance class): a plain page
 * that shows a JSON document as nested lists, with links as anchors and features as a table.
 */
final class HtmlPage {
    private HtmlPage() {}

    static String render(String title, JsonNode doc) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
         .append(" – ParkGrid</title><link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">")
         .append("<style>body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;max-width:70em}table{border-collapse:collapse}")
         .append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}dt{font-weight:600}</style>")
         .append("</head><body><p><a href=\"/?f=html\">ParkGrid map</a> · <a href=\"/collections?f=html\">collections</a></p><h1>")
         .append(escape(title)).append("</h1>");
        if (doc.has("features") && doc.get("features").isArray()) {
            featureTable(b, doc.get("features"));
        }
        if (doc.has("links")) {
            b.append("<h2>Links</h2><ul>");
            for (JsonNode l : doc.get("links")) {
                b.append("<li><a href=\"").append(escape(l.path("href").asText())).append("\">")
                 .append(escape(l.path("title").asText(l.path("rel").asText()))).append("</a> <small>")
                 .append(escape(l.path("rel").asText())).append(' ').append(escape(l.path("type").asText(""))).append("</small></li>");
            }
            b.append("</ul>");
        }
        b.append("<h2>Details</h2>");
        value(b, doc, true);
        return b.append("</body></html>").toString();
    }

    private static void featureTable(StringBuilder b, JsonNode features) {
        b.append("<table><tr><th>id</th><th>geometry</th><th>properties</th></tr>");
        for (JsonNode f : features) {
            b.append("<tr><td>").append(escape(f.path("id").asText())).append("</td><td>")
             .append(escape(f.path("geometry").path("type").asText())).append("</td><td>");
            Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) continue;
                b.append("<b>").append(escape(e.getKey())).append("</b>: ").append(escape(e.getValue().asText())).append("<br>");
            }
            b.append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void value(StringBuilder b, JsonNode n, boolean top) {
        if (n.isObject()) {
            b.append("<dl>");
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (top && (e.getKey().equals("links") || e.getKey().equals("features"))) continue;
                b.append("<dt>").append(escape(e.getKey())).append("</dt><dd>");
                value(b, e.getValue(), false);
                b.append("</dd>");
            }
            b.append("</dl>");
        } else if (n.isArray()) {
            b.append("<ol>");
            for (JsonNode v : n) {
                b.append("<li>");
                value(b, v, false);
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

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
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
