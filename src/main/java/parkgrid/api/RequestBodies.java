package parkgrid.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.PropertyType;
import parkgrid.process.Schema;
import parkgrid.suggestion.SuggestionCategory;
import parkgrid.suggestion.SuggestionLimits;
import parkgrid.suggestion.SuggestionStatus;

/**
 * The JSON Schemas of the API's JSON request bodies that are neither a feature, a file nor a process's inputs
 * (those have theirs elsewhere), for the OpenAPI document. The handlers check the same members and answer
 * problem+json naming the one that is wrong; the allowed values are read from the same enums. A schema is
 * {@code closed()} where its handler refuses other members.
 */
final class RequestBodies {
    private RequestBodies() {}

    /** {@code POST /admin/tokens}. */
    static Schema token() {
        LinkedHashMap<String, Schema> p = new LinkedHashMap<>();
        p.put("name", Schema.string().describedAs("who holds the token, e.g. 汝阳县自然资源局 张工"));
        p.put("role", Schema.string().enumOf(Arrays.stream(Role.values()).filter(r -> r != Role.PUBLIC).map(Role::apiName).toList()));
        return Schema.objectOf(p, "name", "role").closed();
    }

    /** {@code POST /suggestions} as JSON (a GeoJSON Point Feature with these properties is taken too). */
    static Schema suggestion(SuggestionLimits limits) {
        LinkedHashMap<String, Schema> p = new LinkedHashMap<>();
        p.put("text", Schema.string().maxLength(limits.maxTextChars()).describedAs("the suggestion, e.g. 请在龙腾社区旁建一个口袋公园"));
        p.put("category", Schema.string().enumOf(Arrays.stream(SuggestionCategory.values()).map(SuggestionCategory::code).toList()));
        p.put("author", Schema.string().maxLength(limits.maxAuthorChars()).describedAs("an optional signature"));
        p.put("lon", Schema.number().minimum(-180).maximum(180).describedAs("WGS84 longitude, inside the planning area"));
        p.put("lat", Schema.number().minimum(-90).maximum(90).describedAs("WGS84 latitude, inside the planning area"));
        return Schema.objectOf(p, "text", "category", "lon", "lat");
    }

    /** {@code POST /suggestions/{id}/answer}. */
    static Schema suggestionAnswer() {
        LinkedHashMap<String, Schema> p = new LinkedHashMap<>();
        p.put("status", Schema.string().enumOf(Arrays.stream(SuggestionStatus.values()).filter(s -> s != SuggestionStatus.NEW)
                .map(SuggestionStatus::code).toList()));
        p.put("reply", Schema.string().describedAs("the answer to the citizen; required when the status is answered"));
        return Schema.objectOf(p, "status");
    }

    /** {@code POST /collections}. */
    static Schema layer() {
        LinkedHashMap<String, Schema> p = new LinkedHashMap<>();
        p.put("name", Schema.string().describedAs("the collection id: [a-z][a-z0-9_]{0,62}"));
        p.put("title", Schema.string());
        p.put("title_zh", Schema.string().describedAs("e.g. 规划变电站"));
        p.put("description", Schema.string());
        p.put("geometry_type", Schema.string().enumOf(Arrays.stream(GeometryKind.values()).map(GeometryKind::geoJsonName).toList()));
        p.put("properties", Schema.arrayOf(property()));
        return Schema.objectOf(p, "name", "geometry_type").closed();
    }

    /** A property of a layer, and {@code POST /collections/{id}/properties}. */
    static Schema property() {
        LinkedHashMap<String, Schema> p = new LinkedHashMap<>();
        p.put("name", Schema.string().describedAs("[a-z][a-z0-9_]{0,62}"));
        p.put("type", Schema.string().enumOf(Arrays.stream(PropertyType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList()));
        return Schema.objectOf(p, "name", "type").closed();
    }
}
