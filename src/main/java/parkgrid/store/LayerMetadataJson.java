package parkgrid.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;

/**
 * How both stores keep a {@link Layer} definition in their metadata table: one JSON document per layer.
 * {@code temporal_property} is written only when the layer has one, and a document without it (written
 * before layers had time) reads as a layer without one.
 */
public final class LayerMetadataJson {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        return n.toString();
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
                    textOrNull(n, "source"), textOrNull(n, "positional_accuracy"), textOrNull(n, "temporal_property"));
        } catch (Exception e) {
            throw new IllegalStateException("corrupt layer metadata: " + json, e);
        }
    }

    private static String textOrNull(JsonNode n, String member) {
        JsonNode v = n.get(member);
        return v == null || v.isNull() ? null : v.asText();
    }
}
