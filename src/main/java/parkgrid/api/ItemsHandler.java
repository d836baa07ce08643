package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;
import parkgrid.io.CollectionMetadata;
import parkgrid.io.EncodingOptions;
import parkgrid.io.FeatureEncoder;
import parkgrid.io.FeatureFormat;
import parkgrid.io.FeatureFormats;
import parkgrid.io.ProjectExport;
import parkgrid.feature.LayerSource;
import parkgrid.io.TextEncoding;
import parkgrid.store.FeatureStore;
import parkgrid.store.VersionedFeature;

/**
 * {@code /collections/{id}/items}, {@code /items/{featureId}} and {@code /export}. Exports are streamed feature by
 * feature from the store through the encoder the request picks ({@link FeatureFormats}), so a whole-layer export
 * needs memory for one feature at a time, not for the layer. A page is encoded by one of the {@link PageAdmission}
 * workers into a {@link HeldOutputStream} and sent once the worker is free (a page beyond its limit streams, as
 * exports do).
 */
final class ItemsHandler {
    private final FeatureStore store;
    private final parkgrid.io.EncodedFeatureCache cache;
    private final PageAdmission admission;

    ItemsHandler(FeatureStore store, parkgrid.io.EncodedFeatureCache cache, PageAdmission admission) {
        this.store = store;
        this.cache = cache;
        this.admission = admission;
    }

    void items(Context ctx) throws IOException {
        FeatureFormat format = ResponseFormat.features(ctx);
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        ItemsRequest request = ItemsRequest.parse(ctx, layer, true);
        FeatureQuery query = request.query();
        if (format != FeatureFormats.HTML) ctx.header("Content-Crs", "<" + request.crs().uri() + ">");
        Utf8ContentType.set(ctx, format.contentType());
        HeldOutputStream page = new HeldOutputStream(ctx::outputStream, HeldOutputStream.DEFAULT_LIMIT, admission.heldBudget());
        try {
            admission.run(() -> {
                try (FeatureEncoder encoder = format.encoder(page,
                        new EncodingOptions(request.crs(), CrsTransformer.AxisOrder.AUTHORITY, request.properties()))) {
                    encoder.useCache(cache);
                    store.page(layer.name(), query, matched -> {
                        long returned = Math.max(0, Math.min(query.limit(), matched - query.offset()));
                        encoder.start(CollectionMetadata.titled(layer.title() + " – features")
                                .withNumbers(matched, returned).withTimeStamp(Instant.now())
                                .withLinks(pageLinks(ctx, layer, query, matched, returned)).withLayer(layer));
                    }, encoder.rows());
                    encoder.end();
                }
                return page;
            });
            page.release();
        } finally {
            page.discard();
        }
    }

    void item(Context ctx) throws IOException {
        ResponseFormat format = ResponseFormat.of(ctx);
        SupportedCrs crs = ItemsRequest.crs(ctx, "crs");
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        long id = featureId(ctx);
        VersionedFeature versioned = store.versioned(layer.name(), id).orElseThrow(() ->
                ParkGridException.notFound("featureId", "collection '" + layer.name() + "' has no feature " + id));
        String etag = EntityTag.of(versioned.version(), format == ResponseFormat.HTML, crs);
        ctx.header("ETag", etag);
        if (EntityTag.noneMatchHolds(ctx, etag)) {
            ctx.status(304);
            return;
        }
        Feature f = versioned.feature();
        Links links = new Links(ctx);
        String path = "/collections/" + layer.name();
        ArrayNode l = Responses.JSON.createArrayNode();
        Links.add(l, links.url(path + "/items/" + id), OgcVocabulary.REL_SELF, OgcVocabulary.GEOJSON, "This feature");
        Links.add(l, links.url(path + "/items/" + id + "?f=html"), OgcVocabulary.REL_ALTERNATE, OgcVocabulary.HTML, "This feature as HTML");
        Links.add(l, links.url(path), OgcVocabulary.REL_COLLECTION, OgcVocabulary.JSON, layer.title());
        if (format == ResponseFormat.HTML) {
            ctx.contentType(FeatureFormats.HTML.contentType());
            try (FeatureEncoder page = FeatureFormats.HTML.encoder(ctx.outputStream(), EncodingOptions.crs84())) {
                page.start(CollectionMetadata.titled(layer.title() + " " + id).withLinks(l));
                page.feature(f);
                page.end();
            }
        } else {
            ObjectNode doc = (ObjectNode) Responses.JSON.readTree(new FeatureWriter(crs).toJson(f));
            doc.set("links", l);
            ctx.header("Content-Crs", "<" + crs.uri() + ">");
            ctx.contentType(OgcVocabulary.GEOJSON).result(doc.toString());
        }
    }

    /** The {@code featureId} path parameter; 404 when it is not an integer (no feature can have it). */
    static long featureId(Context ctx) {
        String idText = ctx.pathParam("featureId");
        try {
            return Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw ParkGridException.notFound("featureId", "feature id '" + idText + "' is not an integer, so no feature has it");
        }
    }

    /**
     * The whole layer (filters apply, no paging) as a file download in a {@code format} the registry writes
     * as files (GeoJSON by default). In CRS84 a GeoJSON file is RFC 7946 (no {@code crs} member). In another
     * CRS it says which with GeoJSON's legacy {@code crs} member and writes positions easting (longitude)
     * first, the order GDAL and QGIS read under that member, so {@code ogrinfo} reports the CRS and the right
     * extent; no {@code Content-Crs} is sent then, since that header would promise the authority axis order
     * of OGC API Part 2.
     */
    void export(Context ctx) throws IOException {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        FeatureFormat format = exportFormat(ctx.queryParam("format"));
        ItemsRequest request = ItemsRequest.parse(ctx, layer, false);
        SupportedCrs crs = request.crs();
        TextEncoding encoding = encoding(ctx.queryParam("encoding"));
        Utf8ContentType.set(ctx, encoding != null && format.mediaType().startsWith("text/")
                ? format.mediaType() + "; charset=" + encoding.charset().name().toLowerCase(java.util.Locale.ROOT) : format.contentType());
        if (crs.isStorageCrs()) ctx.header("Content-Crs", "<" + crs.uri() + ">");
        ctx.header("Content-Disposition", "attachment; filename=\"" + layer.name() + "." + format.fileExtension() + "\"");
        try (FeatureEncoder encoder = format.encoder(ctx.outputStream(),
                new EncodingOptions(crs, CrsTransformer.AxisOrder.EAST_NORTH, request.properties(), encoding))) {
            encoder.useCache(cache);
            encoder.start(CollectionMetadata.titled(layer.title()).withName(layer.name()).withLayer(layer));
            store.forEachStored(layer.name(), request.query(), encoder.rows());
            encoder.end();
        }
    }

    /**
     * Every layer in one download ({@code GET /export}): a GeoPackage with a table per layer, or a zip with a
     * file per layer in {@code format}; in {@code crs} (default CRS84) with all properties and features.
     */
    void exportProject(Context ctx) throws IOException {
        List<FeatureFormat> formats = ProjectExport.formats();
        String name = ctx.queryParam("format");
        FeatureFormat format = name == null ? FeatureFormats.GEOPACKAGE : formats.stream().filter(f -> f.isNamed(name)).findFirst()
                .orElseThrow(() -> ParkGridException.invalidParameter("format", "unknown project export format '" + name + "': use "
                        + String.join(", ", formats.stream().map(FeatureFormat::name).toList())));
        ProjectExport export = new ProjectExport(format, new EncodingOptions(ItemsRequest.crs(ctx, "crs"),
                CrsTransformer.AxisOrder.EAST_NORTH, null, encoding(ctx.queryParam("encoding"))));
        List<LayerSource> layers = store.layers().stream().<LayerSource>map(layer -> new LayerSource() {
            @Override public Layer layer() { return layer; }
            @Override public void forEach(parkgrid.feature.FeatureSink sink) throws IOException {
                store.forEach(layer.name(), FeatureQuery.all(), sink);
            }
        }).toList();
        Utf8ContentType.set(ctx, export.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + export.fileName("parkgrid") + "\"");
        export.write(layers, ctx.outputStream());
    }

    /** The text encoding {@code encoding=} names; null (the format's default) without one. */
    private static TextEncoding encoding(String name) {
        if (name == null) return null;
        return TextEncoding.find(name).orElseThrow(() -> ParkGridException.invalidParameter("encoding",
                "unknown encoding '" + name + "': use " + String.join(", ", TextEncoding.parameterValues())));
    }

    /** The file format {@code format=} names; GeoJSON without one. */
    private static FeatureFormat exportFormat(String name) {
        if (name == null) return FeatureFormats.GEOJSON;
        List<FeatureFormat> files = FeatureFormats.STANDARD.files();
        return files.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
                ParkGridException.invalidParameter("format", "unknown export format '" + name + "': use "
                        + String.join(", ", files.stream().map(FeatureFormat::name).toList())));
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
