package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.filter.Queryables;
import java.util.Locale;
import parkgrid.geo.SupportedCrs;
import parkgrid.store.FeatureStore;
import parkgrid.store.ItemCount;

/**
 * {@code /collections}, {@code /collections/{collectionId}}, its {@code /schema} (Part 5) and its
 * {@code /queryables} (Part 3). Links to JSON resources carry no {@code f=} (the Accept header picks JSON by
 * default), so a client may append {@code /{featureId}} to an items link; only HTML alternates say {@code f=html}.
 */
final class CollectionsHandler {
    private final FeatureStore store;

    CollectionsHandler(FeatureStore store) {
        this.store = store;
    }

    void list(Context ctx) {
        Links links = new Links(ctx);
        ObjectNode doc = Responses.JSON.createObjectNode();
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url("/collections"), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, "Layers");
        Links.add(l, links.url("/collections?f=html"), OgcVocabulary.REL_ALTERNATE, OgcVocabulary.HTML, "Layers as HTML");
        ArrayNode cs = doc.putArray("collections");
        for (Layer layer : store.layers()) cs.add(describe(layer, links));
        Responses.write(ctx, ResponseFormat.of(ctx), "Layers", doc, OgcVocabulary.JSON);
    }

    void one(Context ctx) {
        ResponseFormat format = ResponseFormat.of(ctx);
        Layer layer = layer(store, ctx.pathParam("collectionId"));
        Responses.write(ctx, format, layer.title(), describe(layer, new Links(ctx)), OgcVocabulary.JSON);
    }

    /** OGC API – Features Part 5 style JSON Schema of the layer's properties. */
    void schema(Context ctx) {
        Layer layer = layer(store, ctx.pathParam("collectionId"));
        Responses.write(ctx, ResponseFormat.of(ctx), layer.title() + " schema", schemaOf(layer, new Links(ctx)), OgcVocabulary.SCHEMA_JSON);
    }

    /** OGC API – Features Part 3 queryables: the properties a {@code filter} may name, and the geometry. */
    void queryables(Context ctx) {
        Layer layer = layer(store, ctx.pathParam("collectionId"));
        Responses.write(ctx, ResponseFormat.of(ctx), layer.title() + " queryables", Responses.JSON.valueToTree(Queryables.of(layer, new Links(ctx).url("/collections/" + layer.name() + "/queryables"))),
                OgcVocabulary.SCHEMA_JSON);
    }

    /** The layer of path parameter {@code collectionId}. @throws ParkGridException.NotFound naming {@code collectionId} */
    static Layer layer(FeatureStore store, String id) {
        return layer(store, id, "collectionId");
    }

    /** The layer named {@code id}, given as {@code parameter}. @throws ParkGridException.NotFound naming {@code parameter} */
    static Layer layer(FeatureStore store, String id, String parameter) {
        return store.layer(id).orElseThrow(() -> ParkGridException.layerNotFound(parameter, id));
    }

    /** Exact number of features in the collection (the member OGC API – Records / Features drafts use). */
    static final String ITEM_COUNT = "itemCount";
    /** ParkGrid's member for a big PostGIS layer instead of {@link #ITEM_COUNT}: the database's estimate, never exact. */
    static final String ITEM_COUNT_ESTIMATE = "itemCountEstimate";

    /** JSON Schema of a collection document, as far as clients rely on it (for the API document). */
    static ObjectNode collectionSchema() {
        ObjectNode s = Responses.JSON.createObjectNode().put("type", "object");
        s.putArray("required").add("id").add("links");
        ObjectNode p = s.putObject("properties");
        p.putObject("id").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("title_zh").put("type", "string");
        p.putObject("geometryType").put("type", "string");
        p.putObject(ITEM_COUNT).put("type", "integer").put("minimum", 0).put("description",
                "how many features the collection holds now (exact); absent when " + ITEM_COUNT_ESTIMATE + " is given");
        p.putObject(ITEM_COUNT_ESTIMATE).put("type", "integer").put("minimum", 0).put("description",
                "instead of " + ITEM_COUNT + " for a PostGIS layer of a million rows or more: the planner's estimate (pg_class.reltuples), not exact");
        p.putObject("extent").put("type", "object");
        p.putObject("links").put("type", "array");
        return s;
    }

    /** JSON Schema of {@code /collections}: its collections are {@link #collectionSchema()}. */
    static ObjectNode collectionsSchema() {
        ObjectNode s = Responses.JSON.createObjectNode().put("type", "object");
        s.putArray("required").add("collections").add("links");
        ObjectNode p = s.putObject("properties");
        p.putObject("collections").put("type", "array").set("items", collectionSchema());
        p.putObject("links").put("type", "array");
        return s;
    }

    /** The collection document of {@code layer} ({@code /collections/{id}}). */
    ObjectNode describe(Layer layer, Links links) {
        String path = "/collections/" + layer.name();
        ObjectNode c = Responses.JSON.createObjectNode();
        c.put("id", layer.name());
        c.put("title", layer.title());
        if (layer.titleZh() != null) c.put("title_zh", layer.titleZh());
        if (layer.description() != null) c.put("description", layer.description());
        c.put("itemType", "feature");
        c.put("geometryType", layer.geometryKind().geoJsonName());
        ItemCount count = store.itemCount(layer.name());
        c.put(count.exact() ? ITEM_COUNT : ITEM_COUNT_ESTIMATE, count.value());
        if (layer.source() != null) c.put("source", layer.source());
        if (layer.positionalAccuracy() != null) c.put("positional_accuracy", layer.positionalAccuracy());
        if (!layer.figures().isEmpty()) c.set("article_figures", parkgrid.store.LayerMetadataJson.writeFigures(layer.figures()));
        ArrayNode crs = c.putArray("crs");
        SupportedCrs.ALL.forEach(x -> crs.add(x.uri()));
        c.put("storageCrs", OgcVocabulary.CRS84);
        ObjectNode spatial = c.putObject("extent").putObject("spatial");
        ArrayNode box = spatial.putArray("bbox");
        store.extent(layer.name()).ifPresent(e ->
                box.addArray().add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY()));
        if (box.isEmpty()) box.addArray().add(-180).add(-90).add(180).add(90);
        spatial.put("crs", OgcVocabulary.CRS84);
        TemporalExtent.of(store, layer).ifPresent(t -> c.withObject("/extent").set("temporal", t));
        ObjectNode props = c.putObject("properties");
        for (PropertyDefinition p : layer.properties()) props.putObject(p.name()).put("type", p.type().jsonName());
        ArrayNode l = c.putArray("links");
        Links.add(l, links.url(path), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, layer.title());
        Links.add(l, links.url(path + "?f=html"), OgcVocabulary.REL_ALTERNATE, OgcVocabulary.HTML, layer.title() + " as HTML");
        Links.add(l, links.url(path + "/items"), OgcVocabulary.REL_ITEMS, OgcVocabulary.GEOJSON, "Features");
        Links.add(l, links.url(path + "/items?f=html"), OgcVocabulary.REL_ITEMS, OgcVocabulary.HTML, "Features as HTML");
        Links.add(l, links.url(path + "/schema"), OgcVocabulary.REL_DESCRIBEDBY, OgcVocabulary.SCHEMA_JSON, "Property schema");
        Links.add(l, links.url(path + "/queryables"), OgcVocabulary.REL_QUERYABLES, OgcVocabulary.SCHEMA_JSON, "Queryables");
        Links.add(l, links.url(path + "/export?format=geojson"), OgcVocabulary.REL_ENCLOSURE, OgcVocabulary.GEOJSON,
                "Whole layer as a GeoJSON file");
        return c;
    }

    private ObjectNode schemaOf(Layer layer, Links links) {
        ObjectNode s = Responses.JSON.createObjectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("$id", links.url("/collections/" + layer.name() + "/schema"));
        s.put("title", layer.title());
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        props.putObject("geom").put("x-ogc-role", "primary-geometry").put("format", geometryFormat(layer));
        for (PropertyDefinition p : layer.properties()) {
            ObjectNode n = props.putObject(p.name());
            n.putArray("type").add(p.type().jsonName()).add("null");
            if (p.name().equals(layer.temporalProperty())) n.put("x-ogc-role", "primary-instant");
        }
        return s;
    }

    /** JSON Schema format of the layer's geometry (OGC API – Features Part 5), e.g. {@code geometry-linestring}. */
    private static String geometryFormat(Layer layer) {
        return "geometry-" + layer.geometryKind().name().toLowerCase(Locale.ROOT);
    }
}
