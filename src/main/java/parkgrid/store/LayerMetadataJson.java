package parkgrid.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.feature.StatedFigure;

/**
 * How both stores keep a {@link Layer} definition in their metadata table: one JSON document per layer.
 * {@code temporal_property} is written only when the layer has one, and a document without it (written
 * before layers had time) reads as a layer without one.
 */
public final class LayerMetadataJson {
    private static final ObjectMapper JSON = parkgrid.json.Json.MAPPER;

    private LayerMetadataJson() {}

    public static String write(Layer layer) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", layer.name());
        n.put("title", layer.title());
        n.put("title_zh", layer.titleZh());
        n.put("description", layer.description());
        n.put("geometry_type", layer.geometryKind().geoJsonName());
        n.put("source", layer.source());
        n.put("positional_accuracy", layer.positionalAccuracy());
        if (layer.temporalProperty() != null) n.put("temporal_property", layer.temporalProperty());
        ArrayNode schema = n.putArray("schema");
        for (PropertyDefinition p : layer.properties()) {
            schema.addObject().put("name", p.name()).put("type", p.type().jsonName());
        }
        if (!layer.figures().isEmpty()) n.set("article_figures", writeFigures(layer.figures()));
        return n.toString();
    }

    /** The figures as the JSON array of the seed files' {@code article_figures} member. */
    public static ArrayNode writeFigures(List<StatedFigure> figures) {
        ArrayNode out = JSON.createArrayNode();
        for (StatedFigure f : figures) {
            ObjectNode o = out.addObject();
            o.put("key", f.key());
            o.put("label", f.label());
            o.put("label_zh", f.labelZh());
            o.put("value", f.value());
            o.put("unit", f.unit());
            o.put("qualifier", f.qualifier());
            if (f.year() == null) o.putNull("year"); else o.put("year", f.year());
            o.put("scope", f.scope());
            o.put("quote_zh", f.quoteZh());
            o.put("source", f.source());
            if (f.measure() == null) {
                o.putNull("measure");
                continue;
            }
            ObjectNode m = o.putObject("measure");
            ObjectNode where = m.putObject("where");
            f.measure().where().forEach((k, v) -> where.set(k, JSON.valueToTree(v)));
            m.put("sum", f.measure().sum());
            m.put("tolerance", f.measure().tolerance());
        }
        return out;
    }

    /**
     * Reads an {@code article_figures} array (null or missing: none).
     *
     * @throws IllegalArgumentException naming the figure and member that is wrong
     */
    public static List<StatedFigure> readFigures(JsonNode figures) {
        List<StatedFigure> out = new ArrayList<>();
        if (figures == null || figures.isNull()) return out;
        if (!figures.isArray()) throw new IllegalArgumentException("'article_figures' must be an array");
        for (JsonNode f : figures) {
            String key = f.path("key").asText(null);
            if (key == null || !f.path("value").isNumber() || !f.path("quote_zh").isTextual() || !f.path("source").isTextual()) {
                throw new IllegalArgumentException("figure " + key + " needs a key, a number value, quote_zh and source");
            }
            StatedFigure.Measure measure = null;
            JsonNode m = f.get("measure");
            if (m != null && !m.isNull()) {
                Map<String, Object> where = new LinkedHashMap<>();
                m.path("where").fields().forEachRemaining(e -> where.put(e.getKey(), scalar(e.getValue())));
                measure = new StatedFigure.Measure(where, textOrNull(m, "sum"), m.path("tolerance").asDouble(0));
            }
            out.add(new StatedFigure(key, f.path("label").asText(key), textOrNull(f, "label_zh"), f.get("value").asDouble(),
                    textOrNull(f, "unit"), textOrNull(f, "qualifier"), f.path("year").isIntegralNumber() ? f.get("year").asInt() : null,
                    textOrNull(f, "scope"), f.get("quote_zh").asText(), f.get("source").asText(), measure));
        }
        return out;
    }

    private static Object scalar(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isNumber()) return v.asDouble();
        return v.asText();
    }

    public static Layer read(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            List<PropertyDefinition> props = new ArrayList<>();
            for (JsonNode p : n.path("schema")) {
                props.add(new PropertyDefinition(p.path("name").asText(), PropertyType.fromJsonName(p.path("type").asText())));
            }
            return new Layer(n.path("name").asText(), n.path("title").asText(), textOrNull(n, "title_zh"),
                    textOrNull(n, "description"), GeometryKind.fromName(n.path("geometry_type").asText()), props,
                    textOrNull(n, "source"), textOrNull(n, "positional_accuracy"), textOrNull(n, "temporal_property"),
                    readFigures(n.get("article_figures")));
        } catch (Exception e) {
            throw new IllegalStateException("corrupt layer metadata: " + json, e);
        }
    }

    private static String textOrNull(JsonNode n, String member) {
        JsonNode v = n.get(member);
        return v == null || v.isNull() ? null : v.asText();
    }
}
