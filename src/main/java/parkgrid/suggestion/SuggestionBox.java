package parkgrid.suggestion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.filter.FilterBinder;
import parkgrid.geo.LonLat;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;
import parkgrid.store.VersionedFeature;

/**
 * The rules of public suggestions over the layer playing the {@code suggestions} role: a submission is a
 * point inside the planning area (the data's extent and 20 km around it) with a text of at most
 * {@link SuggestionLimits#maxTextChars()} characters and a category; one client may post
 * {@link SuggestionLimits#perClient()} within {@link SuggestionLimits#window()}, counted in the store itself
 * (so several server instances share the count); editors move a suggestion forward through
 * {@link SuggestionStatus} with a reply. Every write goes through the store's versioned, audited writes.
 */
public final class SuggestionBox {
    /** The properties the layer must have, besides those the seed gives it. */
    static final List<String> PROPERTIES = List.of("text", "category", "status", "created_at", "author", "position_source",
            "client", "reply", "answered_at", "answered_by");
    /** How far outside the data's extent a suggestion may be, in degrees (≈ 20 km). */
    private static final double AREA_MARGIN_DEG = 0.2;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final FeatureStore store;
    private final String layerName;
    private final SuggestionLimits limits;
    private final Clock clock;

    /** What a citizen sends: the text, a category code, an optional signature and the point (WGS84 lon/lat). */
    public record Submission(String text, String category, String author, double lon, double lat) {}

    public SuggestionBox(FeatureStore store, String layerName, SuggestionLimits limits, Clock clock) {
        this.store = store;
        this.layerName = layerName;
        this.limits = limits;
        this.clock = clock;
    }

    public SuggestionLimits limits() {
        return limits;
    }

    public String layerName() {
        return layerName;
    }

    /**
     * Stores a new suggestion at status {@code new}.
     *
     * @param client an opaque key of the sender (a salted hash of the address), stored to count its posts
     * @throws ParkGridException invalid input naming {@code text}, {@code category}, {@code author}, {@code lon}/{@code lat};
     *         too many requests when the client has posted its allowance within the window
     */
    public synchronized VersionedFeature submit(Submission s, String client) {
        Layer layer = layer();
        String text = s.text() == null ? "" : s.text().strip();
        if (text.isEmpty()) throw ParkGridException.invalidParameter("text", "say what you suggest: text is empty");
        int chars = text.codePointCount(0, text.length());
        if (chars > limits.maxTextChars()) {
            throw ParkGridException.invalidParameter("text", "text has " + chars + " characters; at most " + limits.maxTextChars() + " are taken");
        }
        SuggestionCategory category = SuggestionCategory.of(s.category()).orElseThrow(() -> ParkGridException.invalidParameter("category",
                "category '" + s.category() + "' is not one of " + java.util.Arrays.stream(SuggestionCategory.values()).map(SuggestionCategory::code).toList()));
        String author = s.author() == null || s.author().isBlank() ? null : s.author().strip();
        if (author != null && author.codePointCount(0, author.length()) > limits.maxAuthorChars()) {
            throw ParkGridException.invalidParameter("author", "the signature is longer than " + limits.maxAuthorChars() + " characters");
        }
        if (!Double.isFinite(s.lon()) || !Double.isFinite(s.lat())) throw ParkGridException.invalidParameter("lon", "lon and lat must be numbers");
        LonLat.require(s.lon(), s.lat(), "lon", "the point (" + s.lon() + ", " + s.lat() + ")");
        Envelope area = planningArea();
        if (area != null && !area.contains(s.lon(), s.lat())) {
            throw ParkGridException.invalidParameter("lon", String.format(java.util.Locale.ROOT,
                    "(%.5f, %.5f) is outside the planning area (%.2f–%.2f E, %.2f–%.2f N)", s.lon(), s.lat(),
                    area.getMinX(), area.getMaxX(), area.getMinY(), area.getMaxY()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        refuseWhenOverAllowance(layer, client, now);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", text);
        values.put("category", category.code());
        values.put("status", SuggestionStatus.NEW.code());
        values.put("created_at", now.toString());
        values.put("author", author);
        values.put("position_source", "placed by the submitter on the map");
        values.put("client", client);
        return store.create(layerName, java.util.OptionalLong.empty(), GEOMETRY.createPoint(new Coordinate(s.lon(), s.lat())), values,
                author == null ? "public" : "public: " + author);
    }

    /** The version of suggestion {@code id} now (its ETag). @throws ParkGridException not found */
    public long version(long id) {
        layer();
        return store.versioned(layerName, id).orElseThrow(() -> ParkGridException.notFound("suggestionId", "no suggestion " + id)).version();
    }

    /**
     * Moves suggestion {@code id} to {@code status} with {@code reply} (required for {@code answered}).
     *
     * @throws ParkGridException invalid input naming {@code status} or {@code reply}; not found; precondition failed
     *         when the suggestion is not at {@code expectedVersion}
     */
    public VersionedFeature answer(long id, String status, String reply, long expectedVersion, String who) {
        layer();
        SuggestionStatus next = SuggestionStatus.of(status).orElseThrow(() -> ParkGridException.invalidParameter("status",
                "status '" + status + "' is not one of new, under_review, answered"));
        VersionedFeature current = store.versioned(layerName, id)
                .orElseThrow(() -> ParkGridException.notFound("suggestionId", "no suggestion " + id));
        SuggestionStatus now = SuggestionStatus.of((String) current.feature().properties().get("status")).orElse(SuggestionStatus.NEW);
        if (!now.mayBecome(next)) {
            throw ParkGridException.invalidParameter("status", "a suggestion that is " + now.code() + " cannot become " + next.code());
        }
        String text = reply == null ? null : reply.strip();
        if (next == SuggestionStatus.ANSWERED && (text == null || text.isEmpty())) {
            throw ParkGridException.invalidParameter("reply", "an answered suggestion needs a reply to the citizen");
        }
        if (text != null && text.codePointCount(0, text.length()) > 2 * limits.maxTextChars()) {
            throw ParkGridException.invalidParameter("reply", "the reply is longer than " + 2 * limits.maxTextChars() + " characters");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", next.code());
        if (text != null && !text.isEmpty()) changes.put("reply", text);
        if (next == SuggestionStatus.ANSWERED) {
            changes.put("answered_at", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
            changes.put("answered_by", who);
        }
        return store.patch(layerName, id, changes, null, expectedVersion, who);
    }

    private Layer layer() {
        Layer layer = store.layer(layerName).orElseThrow(() -> ParkGridException.notFound(null,
                "there is no suggestions layer '" + layerName + "' (see PARKGRID_ROLES)"));
        List<String> missing = new ArrayList<>();
        for (String p : PROPERTIES) if (layer.property(p).isEmpty()) missing.add(p);
        if (!missing.isEmpty()) {
            throw ParkGridException.conflict("the suggestions layer '" + layerName + "' lacks the properties " + missing
                    + " that suggestions need");
        }
        return layer;
    }

    /** The client's posts within the window: at the allowance, the answer says when the oldest leaves it. */
    private void refuseWhenOverAllowance(Layer layer, String client, Instant now) {
        Instant since = now.minus(limits.window());
        String cql = "client = '" + client.replace("'", "''") + "' AND created_at >= '" + since + "'";
        FeatureQuery recent = new FeatureQuery(null, Map.of(), FilterBinder.parseAndBind(cql, layer),
                List.of(new FeatureQuery.SortKey("created_at", true)), 1, 0);
        long posted = store.count(layerName, recent);
        if (posted < limits.perClient()) return;
        Instant oldest = readFirst(recent).map(f -> Instant.parse((String) f.properties().get("created_at"))).orElse(now);
        long wait = Math.max(1, Duration.between(now, oldest.plus(limits.window())).toSeconds());
        throw ParkGridException.tooManyRequests(posted + " suggestions from this client in the last "
                + limits.window().toMinutes() + " minutes; at most " + limits.perClient() + " are taken. Try again in "
                + wait + " s", wait);
    }

    private Optional<Feature> readFirst(FeatureQuery q) {
        List<Feature> first = new ArrayList<>(1);
        try {
            store.forEach(layerName, q, first::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return first.stream().findFirst();
    }

    /** The extent of every other layer with 20 km around it; null when no layer has a feature with a place. */
    private Envelope planningArea() {
        Envelope all = new Envelope();
        for (Layer l : store.layers()) {
            if (!l.name().equals(layerName)) store.extent(l.name()).ifPresent(all::expandToInclude);
        }
        if (all.isNull()) return null;
        all.expandBy(AREA_MARGIN_DEG);
        return all;
    }
}
