package parkgrid.api;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.FeatureQuery;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.geo.BoundingBox;

/**
 * Turns the query string of {@code /collections/{id}/items} into a {@link FeatureQuery}: {@code bbox}
 * (CRS84), {@code limit} (default 1 000, larger values clamped to 10 000), {@code offset}, {@code f},
 * and one equality filter per schema property (an export takes {@code bbox}, {@code format} and the filters). Any other parameter is rejected, as OGC API – Features
 * requires for parameters the API definition does not declare.
 */
final class ItemsRequest {
    private static final Set<String> PAGED = Set.of("bbox", "limit", "offset", "f");
    private static final Set<String> EXPORT = Set.of("bbox", "format");

    private ItemsRequest() {}

    static FeatureQuery parse(Context ctx, Layer layer, boolean paged) {
        Map<String, List<String>> params = ctx.queryParamMap();
        Envelope bbox = null;
        Map<String, Object> equals = new HashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            if (e.getValue().size() > 1) throw ParkGridException.invalidParameter(name, "parameter '" + name + "' is given more than once");
            String value = e.getValue().get(0);
            if (name.equals("bbox")) {
                try {
                    bbox = BoundingBox.parse(value);
                } catch (IllegalArgumentException ex) {
                    throw ParkGridException.invalidParameter("bbox", "bbox '" + value + "': " + ex.getMessage());
                }
            } else if (!(paged ? PAGED : EXPORT).contains(name)) {
                PropertyDefinition p = layer.property(name).orElseThrow(() -> ParkGridException.invalidParameter(name,
                        "unknown parameter '" + name + "': collection '" + layer.name() + "' has no such property"));
                try {
                    equals.put(name, p.type().coerce(value));
                } catch (IllegalArgumentException ex) {
                    throw ParkGridException.invalidParameter(name, "property " + name + " is " + p.type().jsonName() + ": " + ex.getMessage());
                }
            }
        }
        long limit = paged ? limit(ctx.queryParam("limit")) : FeatureQuery.UNLIMITED;
        long offset = paged ? offset(ctx.queryParam("offset")) : 0;
        return new FeatureQuery(bbox, equals, limit, offset);
    }

    private static long limit(String text) {
        if (text == null) return OgcVocabulary.DEFAULT_LIMIT;
        if (text.trim().matches("\\d{19,}")) return OgcVocabulary.MAX_LIMIT; // beyond long: clamp like any large limit
        long v = wholeNumber("limit", text);
        if (v < 1) throw ParkGridException.invalidParameter("limit", "limit must be at least 1, got " + v);
        return Math.min(v, OgcVocabulary.MAX_LIMIT);
    }

    private static long offset(String text) {
        if (text == null) return 0;
        long v = wholeNumber("offset", text);
        if (v < 0) throw ParkGridException.invalidParameter("offset", "offset must be 0 or more, got " + v);
        return v;
    }

    private static long wholeNumber(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ParkGridException.invalidParameter(name, name + " '" + text + "' is not a whole number");
        }
    }
}
