package parkgrid.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;
import parkgrid.feature.ParkGridException;
import parkgrid.store.VersionedFeature;
import parkgrid.suggestion.SuggestionBox;
import parkgrid.suggestion.SuggestionCategory;
import parkgrid.suggestion.SuggestionStatus;

/**
 * {@code POST /suggestions} (anyone), {@code GET /suggestions/form} (what the citizens' form offers) and
 * {@code POST /suggestions/{suggestionId}/answer} (editors, with {@code If-Match}). The client key is a salted
 * SHA-256 of the sender's address, never the address itself.
 */
final class SuggestionsHandler {
    /** A suggestion body is a few hundred characters; anything past this is refused unread. */
    static final int MAX_BODY_BYTES = 8 * 1024;

    private final SuggestionBox box;
    private final byte[] salt;

    SuggestionsHandler(SuggestionBox box, byte[] salt) {
        this.box = box;
        this.salt = salt.clone();
    }

    void form(Context ctx) {
        List<Map<String, String>> categories = java.util.Arrays.stream(SuggestionCategory.values())
                .map(c -> Map.of("code", c.code(), "label_zh", c.labelZh(), "label_en", c.labelEn())).toList();
        List<Map<String, String>> statuses = java.util.Arrays.stream(SuggestionStatus.values())
                .map(s -> Map.of("code", s.code(), "label_zh", s.labelZh())).toList();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("collection", box.layerName());
        form.put("categories", categories);
        form.put("statuses", statuses);
        form.put("max_text_chars", box.limits().maxTextChars());
        form.put("max_author_chars", box.limits().maxAuthorChars());
        form.put("per_client", box.limits().perClient());
        form.put("window_minutes", box.limits().window().toMinutes());
        ctx.json(form);
    }

    void submit(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode props = body.path("type").asText().equals("Feature") ? body.path("properties") : body;
        double[] lonLat = lonLat(body);
        VersionedFeature stored = box.submit(new SuggestionBox.Submission(text(props, "text"), text(props, "category"),
                text(props, "author"), lonLat[0], lonLat[1]), clientKey(ctx));
        ctx.status(201);
        ctx.header(Header.LOCATION, "/collections/" + java.net.URLEncoder.encode(box.layerName(), StandardCharsets.UTF_8).replace("+", "%20") + "/items/" + stored.feature().id());
        ctx.header(Header.ETAG, EntityTag.of(stored.version()));
        ctx.json(feature(stored));
    }

    void answer(Context ctx) {
        long id = suggestionId(ctx);
        long version = EntityTag.requireMatch(ctx, box.version(id), "suggestion " + id);
        JsonNode body = body(ctx);
        VersionedFeature changed = box.answer(id, text(body, "status"), text(body, "reply"), version, Caller.of(ctx).name());
        ctx.header(Header.ETAG, EntityTag.of(changed.version()));
        ctx.json(feature(changed));
    }

    private static long suggestionId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("suggestionId"));
        } catch (NumberFormatException e) {
            throw ParkGridException.notFound("suggestionId", "suggestion id '" + ctx.pathParam("suggestionId") + "' is not an integer");
        }
    }

    private static JsonNode body(Context ctx) {
        return JsonBody.object(ctx, MAX_BODY_BYTES, SuggestionsHandler::tooLarge, Responses.JSON.reader());
    }

    private static ParkGridException tooLarge(long bytes) {
        return ParkGridException.tooLarge("body", "a suggestion body may have " + MAX_BODY_BYTES + " bytes, this one has "
                + (bytes > MAX_BODY_BYTES ? "more than " + MAX_BODY_BYTES : bytes));
    }

    private static String text(JsonNode n, String member) {
        JsonNode v = n.get(member);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ParkGridException.invalidParameter(member, member + " must be a string, got " + v.getNodeType());
        return v.asText();
    }

    /** {@code lon}/{@code lat} members, or a GeoJSON Feature's Point geometry. */
    private static double[] lonLat(JsonNode body) {
        if (body.has("geometry")) {
            JsonNode g = body.get("geometry");
            JsonNode c = g.path("coordinates");
            if (!"Point".equals(g.path("type").asText()) || !c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
                throw ParkGridException.invalidParameter("geometry", "a suggestion is a GeoJSON Point [lon, lat]");
            }
            return new double[] {c.get(0).asDouble(), c.get(1).asDouble()};
        }
        for (String m : new String[] {"lon", "lat"}) {
            if (!body.path(m).isNumber()) throw ParkGridException.invalidParameter(m, m + " must be a number (WGS84 degrees)");
        }
        return new double[] {body.get("lon").asDouble(), body.get("lat").asDouble()};
    }

    private String clientKey(Context ctx) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(ctx.ip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The stored suggestion as a GeoJSON Feature, without the client key. */
    private static Map<String, Object> feature(VersionedFeature v) {
        Map<String, Object> props = new LinkedHashMap<>(v.feature().properties());
        props.remove("client");
        Point p = (Point) v.feature().geometry();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", v.feature().id());
        f.put("geometry", Map.of("type", "Point", "coordinates", List.of(p.getX(), p.getY())));
        f.put("properties", props);
        return f;
    }
}
