package parkgrid.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import parkgrid.config.LayerRoles;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Identifiers;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.store.FeatureStore;

/**
 * Layers themselves, for admins: {@code POST /collections} creates an empty layer from a JSON definition,
 * {@code POST /collections/{collectionId}/properties} adds a property (existing features get null), and
 * {@code DELETE /collections/{collectionId}} deletes a layer, only when the caller confirms with
 * {@code exported=true} that the export was offered (else 428 whose detail gives the export link) and never
 * while the layer plays a role ({@link LayerRoles}).
 */
final class LayerAdminHandler {
    /** The query parameter that confirms the layer's export was offered before its deletion. */
    static final String EXPORTED = "exported";
    private static final Set<String> LAYER_MEMBERS = Set.of("name", "title", "title_zh", "description", "geometry_type", "properties");
    private static final Set<String> PROPERTY_MEMBERS = Set.of("name", "type");

    private final FeatureStore store;
    private final LayerRoles roles;
    private final CollectionsHandler collections;

    LayerAdminHandler(FeatureStore store, LayerRoles roles, CollectionsHandler collections) {
        this.store = store;
        this.collections = collections;
        this.roles = roles;
    }

    void create(Context ctx) {
        JsonNode body = JsonBody.object(ctx);
        requireKnown(body, LAYER_MEMBERS, "", "a layer has name, title, title_zh, description, geometry_type and properties");
        String name = identifier(body, "name", "name", "layer name");
        String title = optionalText(body, "title");
        String geometryType = requiredText(body, "geometry_type", "geometry_type");
        GeometryKind kind;
        try {
            kind = GeometryKind.fromName(geometryType);
        } catch (IllegalArgumentException e) {
            throw ParkGridException.invalidParameter("geometry_type", "geometry_type '" + geometryType
                    + "' is not one of Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon");
        }
        List<PropertyDefinition> properties = new ArrayList<>();
        JsonNode ps = body.get("properties");
        if (ps != null && !ps.isNull()) {
            if (!ps.isArray()) throw ParkGridException.invalidParameter("properties", "properties must be an array of {name, type}");
            for (int i = 0; i < ps.size(); i++) {
                PropertyDefinition p = property(ps.get(i), "properties[" + i + "].");
                if (properties.stream().anyMatch(d -> d.name().equals(p.name()))) {
                    throw ParkGridException.invalidParameter("properties[" + i + "].name", "property '" + p.name() + "' is given twice");
                }
                properties.add(p);
            }
        }
        Layer layer = new Layer(name, title == null ? name : title, optionalText(body, "title_zh"), optionalText(body, "description"),
                kind, properties, null, null);
        store.createLayer(layer);
        ctx.header("Location", new Links(ctx).url("/collections/" + name));
        ctx.status(HttpStatus.CREATED).contentType(OgcVocabulary.JSON).result(collections.describe(layer, new Links(ctx)).toString());
    }

    void addProperty(Context ctx) {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        PropertyDefinition p = property(JsonBody.object(ctx), "");
        Layer changed = store.addProperty(layer.name(), p);
        ctx.header("Location", new Links(ctx).url("/collections/" + layer.name()));
        ctx.status(HttpStatus.CREATED).contentType(OgcVocabulary.JSON).result(collections.describe(changed, new Links(ctx)).toString());
    }

    void delete(Context ctx) {
        String exported = ctx.queryParam(EXPORTED);
        if (exported != null && !exported.equals("true") && !exported.equals("false")) {
            throw ParkGridException.invalidParameter(EXPORTED, EXPORTED + " must be true or false, got '" + exported + "'");
        }
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        roles.asMap().forEach((role, name) -> {
            if (name.equals(layer.name())) {
                throw ParkGridException.conflict("layer '" + layer.name() + "' plays the role '" + role
                        + "' (PARKGRID_ROLES): give the role to another layer before deleting it");
            }
        });
        if (!"true".equals(exported)) {
            throw ParkGridException.preconditionRequired(EXPORTED, "deleting layer '" + layer.name() + "' cannot be undone: download it first ("
                    + new Links(ctx).url("/collections/" + layer.name() + "/export?format=geopackage") + ") and repeat the request with "
                    + EXPORTED + "=true");
        }
        store.deleteLayer(layer.name());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static PropertyDefinition property(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw ParkGridException.invalidParameter(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "a property is an object {name, type}");
        }
        requireKnown(node, PROPERTY_MEMBERS, at, "a property has name and type");
        String name = identifier(node, "name", at + "name", "property name");
        String type = requiredText(node, "type", at + "type");
        try {
            return new PropertyDefinition(name, PropertyType.fromJsonName(type));
        } catch (IllegalArgumentException e) {
            throw ParkGridException.invalidParameter(at + "type", e.getMessage());
        }
    }

    private static void requireKnown(JsonNode node, Set<String> members, String at, String what) {
        node.fieldNames().forEachRemaining(k -> {
            if (!members.contains(k)) throw ParkGridException.invalidParameter(at + k, "unknown member '" + k + "': " + what);
        });
    }

    private static String identifier(JsonNode node, String member, String parameter, String what) {
        String value = requiredText(node, member, parameter);
        if (!Identifiers.isValid(value)) {
            throw ParkGridException.invalidParameter(parameter, what + " '" + value
                    + "' must match [a-z][a-z0-9_]{0,62} (lower-case ASCII letters, digits, _) and not be fid or geom");
        }
        return value;
    }

    private static String requiredText(JsonNode node, String member, String parameter) {
        JsonNode v = node.get(member);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw ParkGridException.invalidParameter(parameter, parameter + " is required, as a string");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode node, String member) {
        JsonNode v = node.get(member);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ParkGridException.invalidParameter(member, member + " must be a string");
        return v.asText();
    }
}
