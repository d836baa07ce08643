package parkgrid.api;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Geometry;
import parkgrid.config.RequestLimits;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.GeometryCheck;
import parkgrid.geo.SupportedCrs;

/**
 * The body of a feature write (OGC API – Features Part 4), read once: a GeoJSON Feature for POST and PUT
 * ({@code application/geo+json} or {@code application/json}), a JSON Merge Patch of {@code properties} and/or
 * {@code geometry} for PATCH ({@code application/merge-patch+json}, or the two GeoJSON types). Coordinates are
 * in the {@code Content-Crs} header's CRS (OGC Part 2/4: {@code <uri>} or the bare URI as QGIS sends it; default
 * CRS84) in its authority axis order, and come out as CRS84 lon/lat checked by {@link GeometryCheck} (repaired
 * when {@code repair=true}). The body may be at most {@link RequestLimits#bodyBytes()} bytes.
 *
 * @param id          the id the body gives ({@code id} member), or empty
 * @param hasGeometry whether the body has a {@code geometry} member (a patch without one keeps the geometry)
 * @param geometry    CRS84 lon/lat, or null (a feature without a place)
 * @param properties  the {@code properties} member's values as String, Long, Double (or Boolean, which the
 *                    schema check refuses); a patch's nulls clear a property
 */
record FeatureBody(OptionalLong id, boolean hasGeometry, Geometry geometry, Map<String, Object> properties) {
    static final String CONTENT_CRS = "Content-Crs";
    /** JSON with NaN and Infinity let through, so that the geometry check names them instead of a parse error. */
    private static final ObjectReader READER = parkgrid.json.Json.MAPPER.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);

    /** A whole GeoJSON Feature (POST, PUT). */
    static FeatureBody feature(Context ctx, Layer layer, RequestLimits limits, String subject) {
        requireType(ctx, false);
        JsonNode body = read(ctx, limits);
        if (!body.path("type").asText("").equals("Feature")) {
            throw ParkGridException.invalidParameter("type", subject + ": the body must be a GeoJSON Feature (\"type\": \"Feature\"), got "
                    + (body.has("type") ? "\"" + body.path("type").asText() + "\"" : "no type"));
        }
        JsonNode properties = body.path("properties");
        if (!properties.isMissingNode() && !properties.isNull() && !properties.isObject()) {
            throw ParkGridException.invalidParameter("properties", subject + ": properties must be a JSON object");
        }
        return new FeatureBody(id(body, subject), true, geometry(ctx, body.get("geometry"), layer, limits, subject), values(properties, subject));
    }

    /** A JSON Merge Patch (RFC 7396) of a feature's {@code properties} and {@code geometry} (PATCH). */
    static FeatureBody patch(Context ctx, Layer layer, RequestLimits limits, String subject) {
        requireType(ctx, true);
        JsonNode body = read(ctx, limits);
        var names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("properties") && !name.equals("geometry") && !name.equals("type") && !name.equals("id")) {
                throw ParkGridException.invalidParameter(name, subject + ": a patch may set properties and geometry, not '" + name + "'");
            }
        }
        JsonNode properties = body.path("properties");
        if (!properties.isMissingNode() && !properties.isObject()) {
            throw ParkGridException.invalidParameter("properties", subject + ": properties must be a JSON object of the values to change");
        }
        JsonNode g = body.get("geometry");
        if (g != null && g.isNull()) {
            throw ParkGridException.invalidParameter("geometry", subject + ": a patch cannot remove the geometry; PUT the feature with \"geometry\": null");
        }
        return new FeatureBody(id(body, subject), g != null, g == null ? null : geometry(ctx, g, layer, limits, subject), values(properties, subject));
    }

    /** The body's {@code repair} choice: {@code repair=true} asks for an invalid geometry to be repaired. */
    static boolean repair(Context ctx) {
        String v = ctx.queryParam("repair");
        if (v == null || v.equals("false")) return false;
        if (v.equals("true")) return true;
        throw ParkGridException.invalidParameter("repair", "repair must be true or false, got '" + v + "'");
    }

    private static void requireType(Context ctx, boolean patch) {
        String type = ctx.header("Content-Type");
        if (type == null || type.isBlank()) return;
        String media = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (media.equals(OgcVocabulary.GEOJSON) || media.equals(OgcVocabulary.JSON)) return;
        if (patch && media.equals(OgcVocabulary.MERGE_PATCH_JSON)) return;
        throw ParkGridException.invalidParameter("Content-Type", "a " + (patch ? "patch" : "feature") + " is sent as "
                + (patch ? OgcVocabulary.MERGE_PATCH_JSON + ", " : "") + OgcVocabulary.GEOJSON + " or " + OgcVocabulary.JSON + ", not " + type);
    }

    private static JsonNode read(Context ctx, RequestLimits limits) {
        return JsonBody.object(ctx, limits.bodyBytes(), n -> tooLarge(n, limits), READER);
    }

    private static ParkGridException tooLarge(long declared, RequestLimits limits) {
        return ParkGridException.tooLarge("body", "the request body is " + (declared > 0 ? declared + " bytes" : "larger than that")
                + "; at most " + limits.bodyBytes() + " bytes are accepted (PARKGRID_MAX_BODY_BYTES)");
    }

    private static OptionalLong id(JsonNode body, String subject) {
        JsonNode id = body.get("id");
        if (id == null || id.isNull()) return OptionalLong.empty();
        if (id.isIntegralNumber() && id.canConvertToLong()) return OptionalLong.of(id.asLong());
        if (id.isTextual() && id.asText().matches("\\d{1,18}")) return OptionalLong.of(Long.parseLong(id.asText()));
        throw ParkGridException.invalidParameter("id", subject + ": id must be a positive integer, got " + id);
    }

    private static Geometry geometry(Context ctx, JsonNode node, Layer layer, RequestLimits limits, String subject) {
        Geometry raw;
        try {
            raw = GeoJsonReader.readGeometryOrNull(node);
        } catch (IllegalArgumentException e) {
            throw ParkGridException.invalidParameter("geometry", subject + ": " + e.getMessage());
        }
        if (raw == null) return null;
        GeometryCheck check = new GeometryCheck(layer.geometryKind(), layer.name(), limits.verticesPerGeometry());
        check.requireVertices(raw, subject);
        SupportedCrs crs = contentCrs(ctx);
        Geometry lonLat = crs.isStorageCrs() ? raw : new CrsTransformer(crs).toCrs84(raw, CrsTransformer.AxisOrder.AUTHORITY);
        return check.checked(lonLat, repair(ctx), subject);
    }

    /** The CRS of the body's coordinates: {@code Content-Crs} ({@code <uri>} or a bare URI), CRS84 without one. */
    static SupportedCrs contentCrs(Context ctx) {
        String header = ctx.header(CONTENT_CRS);
        if (header == null || header.isBlank()) return SupportedCrs.CRS84;
        String v = header.trim();
        if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1).trim();
        String given = v;
        return SupportedCrs.find(given).orElseThrow(() -> ParkGridException.invalidParameter(CONTENT_CRS,
                "unsupported Content-Crs '" + given + "': use one of " + SupportedCrs.supportedList()));
    }

    private static Map<String, Object> values(JsonNode properties, String subject) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (properties == null || !properties.isObject()) return out;
        properties.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            Object value;
            if (v.isNull()) value = null;
            else if (v.isIntegralNumber()) value = v.asLong();
            else if (v.isNumber()) value = v.asDouble();
            else if (v.isBoolean()) value = v.asBoolean();
            else if (v.isTextual()) value = v.asText();
            else throw ParkGridException.invalidParameter(e.getKey(), subject + ": property '" + e.getKey() + "' must be a string, number or null, not "
                        + (v.isArray() ? "an array" : "an object"));
            out.put(e.getKey(), value);
        });
        return out;
    }
}
