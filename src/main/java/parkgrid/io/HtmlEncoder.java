package parkgrid.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import parkgrid.feature.Feature;
import parkgrid.geo.GeoJsonWriter;

/**
 * The HTML page of a feature collection, UTF-8: a table row per feature (id, geometry type, the
 * non-null properties), written from the features themselves as they stream by, then the links and a
 * "Details" list of the other members ({@code numberMatched}, {@code numberReturned}, extra members).
 * Positions are not shown, so the options' CRS does not matter; their property selection does.
 */
public final class HtmlEncoder implements FeatureEncoder {
    private static final ObjectMapper JSON = parkgrid.json.Json.MAPPER;

    private final Writer out;
    private final EncodingOptions options;
    private CollectionMetadata metadata;

    public HtmlEncoder(OutputStream out, EncodingOptions options) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.options = options;
    }

    @Override
    public void start(CollectionMetadata m) throws IOException {
        if (metadata != null) throw new IllegalStateException("start() was already called");
        metadata = m;
        HtmlDocument.head(out, m.title() == null ? "Features" : m.title());
        out.append("<table><tr><th>id</th><th>geometry</th><th>properties</th></tr>");
    }

    @Override
    public void feature(Feature stored) throws IOException {
        row(options.select(stored));
    }

    private void row(Feature f) throws IOException {
        out.append("<tr><td>").append(Long.toString(f.id())).append("</td><td>")
           .append(f.hasGeometry() ? HtmlDocument.escape(GeoJsonWriter.typeName(f.geometry())) : "").append("</td><td>");
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
            if (e.getValue() == null) continue;
            out.append("<b>").append(HtmlDocument.escape(e.getKey())).append("</b>: ")
               .append(HtmlDocument.escape(e.getValue().toString())).append("<br>");
        }
        out.append("</td></tr>");
    }

    @Override
    public void end(Map<String, Object> trailing) throws IOException {
        if (metadata == null) throw new IllegalStateException("start() was not called");
        out.append("</table>");
        if (metadata.links() != null) HtmlDocument.links(out, metadata.links());
        out.append("<h2>Details</h2><dl>");
        if (metadata.numberMatched() != null) HtmlDocument.definition(out, "numberMatched", JSON.valueToTree(metadata.numberMatched()));
        if (metadata.numberReturned() != null) HtmlDocument.definition(out, "numberReturned", JSON.valueToTree(metadata.numberReturned()));
        for (Map.Entry<String, Object> e : metadata.extra().entrySet()) member(e.getKey(), e.getValue());
        for (Map.Entry<String, Object> e : trailing.entrySet()) member(e.getKey(), e.getValue());
        out.append("</dl>");
        HtmlDocument.foot(out);
    }

    private void member(String name, Object value) throws IOException {
        if (value instanceof FeatureSet set) {
            out.append("<dt>").append(HtmlDocument.escape(name)).append("</dt><dd>");
            out.append("<table><tr><th>id</th><th>geometry</th><th>properties</th></tr>");
            for (Feature f : set.features()) row(f);
            out.append("</table></dd>");
        } else {
            HtmlDocument.definition(out, name, value instanceof JsonNode n ? n : JSON.valueToTree(value));
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
