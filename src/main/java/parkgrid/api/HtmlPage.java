package parkgrid.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import parkgrid.io.HtmlDocument;

/**
 * The HTML representation of metadata resources (OGC API – Features "HTML" conformance class): a plain
 * page that shows a JSON document as nested lists, with its links as anchors. Feature collections have
 * their own page, written from the features by {@link parkgrid.io.HtmlEncoder}.
 */
final class HtmlPage {
    private HtmlPage() {}

    static String render(String title, JsonNode doc) {
        StringBuilder b = new StringBuilder(4096);
        try {
            HtmlDocument.head(b, title);
            if (doc.has("links")) HtmlDocument.links(b, doc.get("links"));
            b.append("<h2>Details</h2>");
            if (!doc.isObject()) {
                HtmlDocument.value(b, doc);
                HtmlDocument.foot(b);
                return b.toString();
            }
            b.append("<dl>");
            Iterator<Map.Entry<String, JsonNode>> it = doc.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("links")) HtmlDocument.definition(b, e.getKey(), e.getValue());
            }
            b.append("</dl>");
            HtmlDocument.foot(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return b.toString();
    }
}
