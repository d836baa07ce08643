package parkgrid.io;

import parkgrid.feature.LayerData;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.LayerSource;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.geo.GeoJsonReader;
import parkgrid.store.LayerMetadataJson;

/**
 * Reads a GeoJSON FeatureCollection into a {@link LayerData}. ParkGrid's foreign members
 * ({@code name}, {@code title}, {@code title_zh}, {@code description}, {@code geometry_type},
 * {@code source}, {@code positional_accuracy}, {@code temporal_property}, {@code schema}, {@code article_figures}) describe the layer; without a
 * {@code schema} the property types are inferred from the values. A feature with {@code "geometry": null}
 * (RFC 7946 §3.2) is read with a null geometry; one without an {@code id} gets the next free one.
 *
 * <p>The reader only parses: property values come as the file gives them (String, Long, Double, Boolean),
 * all of a feature's properties, in the file's order. Whether ids are positive and unique, geometries fit
 * the layer and values its schema is {@link parkgrid.store.FeatureChecks}'s to say, once, when a store
 * writes the features ({@link parkgrid.store.FeatureChecks#checked} gives the typed features without one).
 *
 * <p>{@link #source} streams: a first pass over the file reads the layer members and infers the schema and
 * geometry type without keeping features (the members may come before or after {@code features}; when
 * {@code schema} and {@code geometry_type} come before it, the features are only skipped, not parsed); each
 * {@link LayerSource#forEach} then parses the file again one feature at a time. Memory is one feature's
 * JSON tree, whatever the file's size.
 */
public final class GeoJsonLayerReader {
    private static final ObjectMapper JSON = parkgrid.json.Json.MAPPER;

    private GeoJsonLayerReader() {}

    /** Opens the same bytes again on every call: a file, a spooled upload, a classpath resource. */
    @FunctionalInterface
    public interface InputSource {
        InputStream open() throws IOException;
    }

    /**
     * Reads a small collection into memory.
     *
     * @throws IllegalArgumentException naming the feature and member that is not GeoJSON or not ParkGrid's layer members
     */
    public static LayerData read(InputStream in, String defaultName) throws IOException {
        byte[] bytes = in.readAllBytes();
        LayerSource source = source(() -> new ByteArrayInputStream(bytes), defaultName);
        List<Feature> features = new ArrayList<>();
        source.forEach(features::add);
        return new LayerData(source.layer(), features);
    }

    /**
     * A streaming source over {@code in}: reads the file once now for the layer definition.
     *
     * @throws IllegalArgumentException naming the feature and member that is not GeoJSON or not ParkGrid's layer members
     */
    public static LayerSource source(InputSource in, String defaultName) throws IOException {
        Layer layer = readLayer(in, defaultName);
        return new LayerSource() {
            @Override
            public Layer layer() {
                return layer;
            }

            @Override
            public void forEach(FeatureSink sink) throws IOException {
                try (InputStream stream = in.open(); JsonParser p = JSON.getFactory().createParser(stream)) {
                    if (!toFeatures(p)) return;
                    long nextId = 1;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode f = p.readValueAsTree();
                        long id = f.has("id") ? featureId(f.get("id")) : nextId;
                        nextId = Math.max(nextId, id + 1);
                        Geometry g;
                        try {
                            g = GeoJsonReader.readGeometryOrNull(f.get("geometry"));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("feature " + id + ": " + e.getMessage(), e);
                        }
                        sink.accept(new Feature(id, g, properties(id, f.path("properties"))));
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) throw new IllegalArgumentException("'features' must hold objects");
                }
            }
        };
    }

    /** The first pass: every top-level member but the features, the schema and kind inferred from those. */
    private static Layer readLayer(InputSource in, String defaultName) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        SchemaInference inferred = new SchemaInference();
        boolean hasFeatures = false;
        try (InputStream stream = in.open(); JsonParser p = JSON.getFactory().createParser(stream)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("expected a GeoJSON FeatureCollection");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                JsonToken value = p.nextToken();
                if ("features".equals(member) && value == JsonToken.START_ARRAY) {
                    hasFeatures = true;
                    if (root.has("schema") && root.has("geometry_type")) {
                        p.skipChildren(); // the layer is declared: nothing to infer (forEach checks the features)
                        continue;
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("'features' must hold objects");
                        inferred.add(p.readValueAsTree());
                    }
                } else {
                    root.set(member, p.readValueAsTree());
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (!"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException("expected a GeoJSON FeatureCollection");
        }
        if (!hasFeatures) throw new IllegalArgumentException("FeatureCollection has no 'features' array");
        List<PropertyDefinition> schema = root.has("schema") ? readSchema(root.get("schema")) : inferred.schema();
        String name = root.path("name").asText(defaultName);
        GeometryKind kind = root.has("geometry_type")
                ? GeometryKind.fromName(root.get("geometry_type").asText())
                : inferred.kind();
        return new Layer(name, root.path("title").asText(name), text(root, "title_zh"), text(root, "description"),
                kind, schema, text(root, "source"), text(root, "positional_accuracy"), text(root, "temporal_property"),
                LayerMetadataJson.readFigures(root.get("article_figures")));
    }

    /** Moves the parser into the top-level {@code features} array; false when there is none. */
    private static boolean toFeatures(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) return false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken value = p.nextToken();
            if ("features".equals(member) && value == JsonToken.START_ARRAY) return true;
            p.skipChildren();
        }
        return false;
    }

    private static String text(JsonNode root, String member) {
        JsonNode n = root.get(member);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static long featureId(JsonNode id) {
        if (!id.canConvertToLong() || (id.isNumber() && !id.isIntegralNumber())) {
            throw new IllegalArgumentException("feature id " + id + " must be an integer");
        }
        return id.asLong();
    }

    /** The properties as JSON gives them; objects and arrays as their JSON text. */
    private static Map<String, Object> properties(long id, JsonNode props) {
        if (!props.isObject() && !props.isMissingNode() && !props.isNull()) {
            throw new IllegalArgumentException("feature " + id + ": 'properties' must be an object, got " + props.getNodeType());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            values.put(e.getKey(), v.isNull() ? null
                    : v.isIntegralNumber() && v.canConvertToLong() ? (Object) v.asLong()
                    : v.isNumber() ? (Object) v.asDouble()
                    : v.isBoolean() ? (Object) v.asBoolean()
                    : v.isTextual() ? v.asText() : v.toString());
        }
        return values;
    }

    private static List<PropertyDefinition> readSchema(JsonNode schema) {
        List<PropertyDefinition> defs = new ArrayList<>();
        for (JsonNode p : schema) {
            defs.add(new PropertyDefinition(p.path("name").asText(), PropertyType.fromJsonName(p.path("type").asText())));
        }
        return defs;
    }

    /** Property types and geometry kind as the features show them: the widest type a property takes. */
    private static final class SchemaInference {
        private final Map<String, PropertyType> types = new LinkedHashMap<>();
        private GeometryKind kind;

        void add(JsonNode f) {
            Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                PropertyType seen = types.get(e.getKey());
                PropertyType now = e.getValue().isNull() ? seen
                        : e.getValue().isIntegralNumber() ? PropertyType.INTEGER
                        : e.getValue().isNumber() ? PropertyType.NUMBER : PropertyType.STRING;
                types.put(e.getKey(), widen(seen, now));
            }
            JsonNode t = f.path("geometry").path("type");
            if (kind == null && t.isTextual()) kind = GeometryKind.fromName(t.asText());
        }

        List<PropertyDefinition> schema() {
            List<PropertyDefinition> defs = new ArrayList<>();
            types.forEach((n, t) -> defs.add(new PropertyDefinition(n, t == null ? PropertyType.STRING : t)));
            return defs;
        }

        GeometryKind kind() {
            if (kind == null) {
                throw new IllegalArgumentException("cannot tell the geometry type of an empty collection without 'geometry_type'");
            }
            return kind;
        }

        private static PropertyType widen(PropertyType a, PropertyType b) {
            if (a == null) return b;
            if (b == null || a == b) return a;
            if (a != PropertyType.STRING && b != PropertyType.STRING) return PropertyType.NUMBER;
            return PropertyType.STRING;
        }
    }
}
