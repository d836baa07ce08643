package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.geo.SupportedCrs;
import parkgrid.store.FeatureStore;

/** {@code /collections}, {@code /collections/{collectionId}} and its {@code /schema}. */
final class CollectionsHandler {
    private final FeatureStore store;

    CollectionsHandler(FeatureStore store) {
        this.store = store;
    }

    void list(Context ctx) {
        Links links = new Links(ctx);
        ObjectNode doc = Responses.JSON.createObjectNode();
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url("/collections?f=json"), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, "Layers");
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

    static Layer layer(FeatureStore store, String id) {
        return store.layer(id).orElseThrow(() -> ParkGridException.notFound("collectionId", "no collection named '" + id + "'"));
    }

    private ObjectNode describe(Layer layer, Links links) {
        String path = "/collections/" + layer.name();
        ObjectNode c = Responses.JSON.createObjectNode();
        c.put("id", layer.name());
        c.put("title", layer.title());
        if (layer.titleZh() != null) c.put("title_zh", layer.titleZh());
        if (layer.description() != null) c.put("description", layer.description());
        c.put("itemType", "feature");
        c.put("geometryType", layer.geometryKind().geoJsonName());
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
        ObjectNode props = c.putObject("properties");
        for (PropertyDefinition p : layer.properties()) props.putObject(p.name()).put("type", p.type().jsonName());
        ArrayNode l = c.putArray("links");
        Links.add(l, links.url(path + "?f=json"), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, layer.title());
        Links.add(l, links.url(path + "?f=html"), OgcVocabulary.REL_ALTERNATE, OgcVocabulary.HTML, layer.title() + " as HTML");
        Links.add(l, links.url(path + "/items?f=json"), OgcVocabulary.REL_ITEMS, OgcVocabulary.GEOJSON, "Features");
        Links.add(l, links.url(path + "/items?f=html"), OgcVocabulary.REL_ITEMS, OgcVocabulary.HTML, "Features as HTML");
        Links.add(l, links.url(path + "/schema"), OgcVocabulary.REL_DESCRIBEDBY, OgcVocabulary.SCHEMA_JSON, "Property schema");
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
        props.putObject("geom").put("x-ogc-role", "primary-geometry").put("format", "geometry-" + layer.geometryKind().name().toLowerCase());
        for (PropertyDefinition p : layer.properties()) {
            props.putObject(p.name()).putArray("type").add(p.type().jsonName()).add("null");
        }
        return s;
    }
}
