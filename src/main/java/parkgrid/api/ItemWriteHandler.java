package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.OptionalLong;
import parkgrid.config.RequestLimits;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.SupportedCrs;
import parkgrid.store.AuditRecord;
import parkgrid.store.FeatureEdit;
import parkgrid.store.FeatureStore;
import parkgrid.store.VersionedFeature;

/**
 * Feature writes (OGC API – Features Part 4) and their history: {@code POST …/items}, {@code PUT}/{@code PATCH}/
 * {@code DELETE …/items/{featureId}} (each needing {@code If-Match}), {@code OPTIONS} on both (what this caller
 * may do, as QGIS asks), {@code GET …/history} and {@code POST …/revert}. Each write is one versioned store call
 * ({@link FeatureStore#create}, {@link FeatureStore#change}, {@link FeatureStore#revert}) made as
 * {@link Caller#of}; the answer carries the new {@code ETag}.
 */
final class ItemWriteHandler {
    /** What anyone may do on a feature or the features of a layer. */
    static final String READ_METHODS = "GET, HEAD, OPTIONS";

    private final FeatureStore store;
    private final RequestLimits limits;

    private final parkgrid.config.WritePrecondition precondition;

    ItemWriteHandler(FeatureStore store, RequestLimits limits, parkgrid.config.WritePrecondition precondition) {
        this.precondition = precondition;
        this.store = store;
        this.limits = limits;
    }

    void create(Context ctx) throws IOException {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        FeatureBody body = FeatureBody.feature(ctx, layer, limits, "new feature in '" + layer.name() + "'");
        VersionedFeature created = store.create(layer.name(), body.id(), body.geometry(), body.properties(), Caller.of(ctx).name());
        String location = new Links(ctx).url(itemPath(layer, created.feature().id()));
        ctx.status(201).header("Location", location);
        written(ctx, layer, created);
    }

    void replace(Context ctx) throws IOException {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        long id = ItemsHandler.featureId(ctx);
        String subject = subject(layer, id);
        long expected = EntityTag.match(ctx, current(layer, id).version(), subject, precondition);
        FeatureBody body = FeatureBody.feature(ctx, layer, limits, subject);
        if (body.id().isPresent() && body.id().getAsLong() != id) {
            throw ParkGridException.invalidParameter("id", subject + ": the body is feature " + body.id().getAsLong() + ", not " + id);
        }
        var edit = new FeatureEdit.Replace(new parkgrid.feature.Feature(id, body.geometry(), body.properties()));
        written(ctx, layer, store.change(layer.name(), id, expected, Caller.of(ctx).name(), edit).orElseThrow());
    }

    void patch(Context ctx) throws IOException {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        long id = ItemsHandler.featureId(ctx);
        String subject = subject(layer, id);
        long expected = EntityTag.match(ctx, current(layer, id).version(), subject, precondition);
        FeatureBody body = FeatureBody.patch(ctx, layer, limits, subject);
        if (body.id().isPresent() && body.id().getAsLong() != id) {
            throw ParkGridException.invalidParameter("id", subject + ": a patch cannot change the id (" + body.id().getAsLong() + ")");
        }
        var edit = new FeatureEdit.Patch(body.properties(), body.hasGeometry() ? body.geometry() : null);
        written(ctx, layer, store.change(layer.name(), id, expected, Caller.of(ctx).name(), edit).orElseThrow());
    }

    void delete(Context ctx) {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        long id = ItemsHandler.featureId(ctx);
        long expected = EntityTag.match(ctx, current(layer, id).version(), subject(layer, id), precondition);
        store.change(layer.name(), id, expected, Caller.of(ctx).name(), new FeatureEdit.Delete());
        ctx.status(204);
    }

    /** {@code OPTIONS …/items}: QGIS offers "add feature" when {@code Allow} lists POST. */
    void itemsOptions(Context ctx) {
        CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        allow(ctx, Caller.of(ctx).may(Role.EDITOR) ? READ_METHODS + ", POST" : READ_METHODS);
    }

    /**
     * {@code OPTIONS …/items/{featureId}}: QGIS enables editing and deleting from PUT, PATCH and DELETE here. It
     * asks with its first feature's id, or {@code unknown_id} for an empty layer, so any id gets an answer.
     */
    void itemOptions(Context ctx) {
        CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        allow(ctx, Caller.of(ctx).may(Role.EDITOR) ? READ_METHODS + ", PUT, PATCH, DELETE" : READ_METHODS);
    }

    /** Every recorded change of one feature, oldest first: who, when, version, action, before and after. */
    void history(Context ctx) throws IOException {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        long id = ItemsHandler.featureId(ctx);
        var records = store.history(layer.name(), id);
        if (records.isEmpty() && store.feature(layer.name(), id).isEmpty()) {
            throw ParkGridException.notFound("featureId", "collection '" + layer.name() + "' has no feature " + id + " and no record of one");
        }
        ObjectNode doc = Responses.JSON.createObjectNode();
        doc.put("collection", layer.name());
        doc.put("featureId", id);
        ArrayNode changes = doc.putArray("changes");
        for (AuditRecord r : records) {
            ObjectNode c = changes.addObject();
            c.put("version", r.version());
            c.put("action", r.action().name().toLowerCase(java.util.Locale.ROOT));
            c.put("who", r.who());
            c.put("at", r.at().toString());
            c.set("before", r.before() == null ? null : Responses.JSON.readTree(r.before()));
            c.set("after", r.after() == null ? null : Responses.JSON.readTree(r.after()));
        }
        Links links = new Links(ctx);
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url(itemPath(layer, id) + "/history"), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, "Changes of this feature");
        Links.add(l, links.url(itemPath(layer, id)), OgcVocabulary.REL_ITEMS, OgcVocabulary.GEOJSON, "The feature");
        ctx.contentType(OgcVocabulary.JSON).result(doc.toString());
    }

    /** Puts the feature back as it was at {@code version=N}; {@code If-Match}, when sent, must name the current version. */
    void revert(Context ctx) throws IOException {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        long id = ItemsHandler.featureId(ctx);
        String text = ctx.queryParam("version");
        if (text == null) throw ParkGridException.invalidParameter("version", "name the version to go back to: ?version=N (see …/history)");
        long version;
        try {
            version = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ParkGridException.invalidParameter("version", "version must be a whole number, got '" + text + "'");
        }
        OptionalLong expected = EntityTag.optionalMatch(ctx);
        written(ctx, layer, store.revert(layer.name(), id, version, expected, Caller.of(ctx).name()));
    }

    private VersionedFeature current(Layer layer, long id) {
        return store.versioned(layer.name(), id).orElseThrow(() ->
                ParkGridException.notFound("featureId", "collection '" + layer.name() + "' has no feature " + id));
    }

    /** The feature as stored after a write, in CRS84, with its ETag. */
    private static void written(Context ctx, Layer layer, VersionedFeature f) throws IOException {
        ObjectNode doc = (ObjectNode) Responses.JSON.readTree(new FeatureWriter(SupportedCrs.CRS84).toJson(f.feature()));
        ArrayNode l = doc.putArray("links");
        Links.add(l, new Links(ctx).url(itemPath(layer, f.feature().id())), OgcVocabulary.REL_SELF, OgcVocabulary.GEOJSON, "This feature");
        ctx.header("ETag", EntityTag.of(f.version()));
        ctx.header("Content-Crs", "<" + SupportedCrs.CRS84.uri() + ">");
        ctx.contentType(OgcVocabulary.GEOJSON).result(doc.toString());
    }

    private static void allow(Context ctx, String methods) {
        ctx.header("Allow", methods);
        ctx.status(204);
    }

    private static String subject(Layer layer, long id) {
        return "feature " + id + " in '" + layer.name() + "'";
    }

    static String itemPath(Layer layer, long id) {
        return "/collections/" + layer.name() + "/items/" + id;
    }
}
