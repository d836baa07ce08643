package parkgrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.GeoJsonCrsMember;
import parkgrid.geo.SupportedCrs;
import parkgrid.store.FeatureStore;

/**
 * {@code /collections/{id}/items}, {@code /items/{featureId}} and {@code /export}. GeoJSON pages and
 * exports are streamed feature by feature from the store to the response, so a whole-layer export needs
 * memory for one feature at a time, not for the layer.
 */
final class ItemsHandler {
    private final FeatureStore store;

    ItemsHandler(FeatureStore store) {
        this.store = store;
    }

    void items(Context ctx) throws IOException {
        ResponseFormat format = ResponseFormat.of(ctx);
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        ItemsRequest request = ItemsRequest.parse(ctx, layer, true);
        FeatureQuery query = request.query();
        FeatureWriter writer = new FeatureWriter(request.crs(), request.properties());
        long matched = store.count(layer.name(), query);
        long returned = Math.max(0, Math.min(query.limit(), matched - query.offset()));
        ArrayNode links = pageLinks(ctx, layer, query, matched, returned);
        if (format == ResponseFormat.HTML) {
            ObjectNode doc = Responses.JSON.createObjectNode();
            doc.put("numberMatched", matched).put("numberReturned", returned);
            ArrayNode fs = doc.putArray("features");
            store.forEach(layer.name(), query, f -> fs.add(Responses.JSON.readTree(writer.toJson(f))));
            doc.set("links", links);
            Responses.write(ctx, format, layer.title() + " – features", doc, OgcVocabulary.GEOJSON);
            return;
        }
        ctx.contentType(OgcVocabulary.GEOJSON);
        ctx.header("Content-Crs", "<" + request.crs().uri() + ">");
        try (OutputStream out = ctx.outputStream(); JsonGenerator g = Responses.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeNumberField("numberMatched", matched);
            g.writeNumberField("numberReturned", returned);
            g.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            g.writeArrayFieldStart("features");
            store.forEach(layer.name(), query, f -> writer.write(g, f));
            g.writeEndArray();
            g.writeFieldName("links");
            g.writeTree(links);
            g.writeEndObject();
        }
    }

    void item(Context ctx) throws IOException {
        ResponseFormat format = ResponseFormat.of(ctx);
        SupportedCrs crs = ItemsRequest.crs(ctx, "crs");
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        String idText = ctx.pathParam("featureId");
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw ParkGridException.notFound("featureId", "feature id '" + idText + "' is not an integer, so no feature has it");
        }
        Feature f = store.feature(layer.name(), id).orElseThrow(() ->
                ParkGridException.notFound("featureId", "collection '" + layer.name() + "' has no feature " + id));
        ObjectNode doc = (ObjectNode) Responses.JSON.readTree(new FeatureWriter(crs).toJson(f));
        Links links = new Links(ctx);
        String path = "/collections/" + layer.name();
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url(path + "/items/" + id), OgcVocabulary.REL_SELF, OgcVocabulary.GEOJSON, "This feature");
        Links.add(l, links.url(path + "/items/" + id + "?f=html"), OgcVocabulary.REL_ALTERNATE, OgcVocabulary.HTML, "This feature as HTML");
        Links.add(l, links.url(path), OgcVocabulary.REL_COLLECTION, OgcVocabulary.JSON, layer.title());
        if (format == ResponseFormat.HTML) {
            ObjectNode page = Responses.JSON.createObjectNode();
            page.putArray("features").add(doc.deepCopy().without("links"));
            page.set("links", l);
            Responses.write(ctx, format, layer.title() + " " + id, page, OgcVocabulary.GEOJSON);
        } else {
            ctx.header("Content-Crs", "<" + crs.uri() + ">");
            ctx.contentType(OgcVocabulary.GEOJSON).result(doc.toString());
        }
    }

    /**
     * The whole layer (filters apply, no paging) as a GeoJSON file download. In CRS84 the file is RFC 7946
     * (no {@code crs} member). In another CRS it says which with GeoJSON's legacy {@code crs} member and
     * writes positions easting (longitude) first, the order GDAL and QGIS read under that member, so
     * {@code ogrinfo} reports the CRS and the right extent; no {@code Content-Crs} is sent then, since that
     * header would promise the authority axis order of OGC API Part 2.
     */
    void export(Context ctx) throws IOException {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("geojson")) {
            throw ParkGridException.invalidParameter("format", "unknown export format '" + format + "': use geojson");
        }
        ItemsRequest request = ItemsRequest.parse(ctx, layer, false);
        SupportedCrs crs = request.crs();
        FeatureWriter writer = new FeatureWriter(crs, request.properties(), CrsTransformer.AxisOrder.EAST_NORTH);
        ctx.contentType(OgcVocabulary.GEOJSON);
        if (crs.isStorageCrs()) ctx.header("Content-Crs", "<" + crs.uri() + ">");
        ctx.header("Content-Disposition", "attachment; filename=\"" + layer.name() + ".geojson\"");
        try (OutputStream out = ctx.outputStream(); JsonGenerator g = Responses.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", layer.name());
            if (!crs.isStorageCrs()) GeoJsonCrsMember.write(g, crs);
            g.writeArrayFieldStart("features");
            store.forEach(layer.name(), request.query(), f -> writer.write(g, f));
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static ArrayNode pageLinks(Context ctx, Layer layer, FeatureQuery q, long matched, long returned) {
        Links links = new Links(ctx);
        String path = "/collections/" + layer.name() + "/items";
        ArrayNode l = Responses.JSON.createArrayNode();
        Links.add(l, links.url(path, params(ctx, q.offset(), null)), OgcVocabulary.REL_SELF, OgcVocabulary.GEOJSON, "This page");
        Links.add(l, links.url(path, params(ctx, q.offset(), "html")), OgcVocabulary.REL_ALTERNATE, OgcVocabulary.HTML, "This page as HTML");
        if (q.offset() + returned < matched) {
            Links.add(l, links.url(path, params(ctx, q.offset() + q.limit(), null)), OgcVocabulary.REL_NEXT, OgcVocabulary.GEOJSON, "Next page");
        }
        if (q.offset() > 0) {
            Links.add(l, links.url(path, params(ctx, Math.max(0, q.offset() - q.limit()), null)), OgcVocabulary.REL_PREV,
                    OgcVocabulary.GEOJSON, "Previous page");
        }
        Links.add(l, links.url("/collections/" + layer.name()), OgcVocabulary.REL_COLLECTION, OgcVocabulary.JSON, layer.title());
        return l;
    }

    /**
     * The request's own query with another offset, and {@code f} only for the HTML alternate: a GeoJSON link
     * without {@code f} stays GeoJSON (JSON is the default) and works for a client that extends it.
     */
    private static Map<String, List<String>> params(Context ctx, long offset, String f) {
        Map<String, List<String>> p = new LinkedHashMap<>(ctx.queryParamMap());
        p.remove("offset");
        p.remove("f");
        if (offset > 0) p.put("offset", List.of(Long.toString(offset)));
        if (f != null) p.put("f", List.of(f));
        return p;
    }
}
