package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Layer;
import parkgrid.filter.BoundFilter;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.WebMercatorQuad;
import parkgrid.store.FeatureStore;
import parkgrid.store.TileQuery;

/**
 * OGC API – Tiles for vector tiles: the tilesets of a collection, the tileset metadata, the WebMercatorQuad tile
 * matrix set (OGC 2DTMS), and Mapbox Vector Tiles of one collection or of several (one MVT layer per collection,
 * named by its id). A tile's ETag is a hash of its bytes, so an edit changes exactly the tiles it touches.
 */
final class TilesHandler {
    static final String CACHE_CONTROL = "public, max-age=60";
    private static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    private static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

    private final FeatureStore store;
    private final Duration timeLimit;
    private final PageAdmission admission;

    TilesHandler(FeatureStore store, Duration timeLimit, PageAdmission admission) {
        this.store = store;
        this.timeLimit = timeLimit;
        this.admission = admission;
    }

    void tilesets(Context ctx) {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        Links links = new Links(ctx);
        ObjectNode doc = Responses.JSON.createObjectNode();
        ObjectNode set = doc.putArray("tilesets").addObject();
        set.put("title", layer.title() + " – " + WebMercatorQuad.ID).put("dataType", "vector").put("crs", WebMercatorQuad.CRS)
                .put("tileMatrixSetURI", WebMercatorQuad.URI);
        ArrayNode l = set.putArray("links");
        String base = "/collections/" + layer.name() + "/tiles";
        Links.add(l, links.url(base + "/" + WebMercatorQuad.ID), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, "The tileset");
        Links.add(l, links.url("/tileMatrixSets/" + WebMercatorQuad.ID), REL_TILING_SCHEME, OgcVocabulary.JSON, "The tile matrix set");
        ArrayNode dl = doc.putArray("links");
        Links.add(dl, links.url(base), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, "These tilesets");
        Links.add(dl, links.url("/collections/" + layer.name()), OgcVocabulary.REL_COLLECTION, OgcVocabulary.JSON, layer.title());
        Responses.write(ctx, ResponseFormat.of(ctx), layer.title() + " – tilesets", doc, OgcVocabulary.JSON);
    }

    void tileset(Context ctx) {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        tileMatrixSet(ctx);
        Links links = new Links(ctx);
        String base = "/collections/" + layer.name() + "/tiles/" + WebMercatorQuad.ID;
        ObjectNode doc = Responses.JSON.createObjectNode();
        doc.put("title", layer.title() + " – " + WebMercatorQuad.ID).put("dataType", "vector").put("crs", WebMercatorQuad.CRS)
                .put("tileMatrixSetURI", WebMercatorQuad.URI);
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url(base), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, "This tileset");
        Links.add(l, links.url("/tileMatrixSets/" + WebMercatorQuad.ID), REL_TILING_SCHEME, OgcVocabulary.JSON, "The tile matrix set");
        Links.add(l, links.url("/collections/" + layer.name()), OgcVocabulary.REL_COLLECTION, OgcVocabulary.JSON, layer.title());
        l.addObject().put("href", links.url(base) + "/{tileMatrix}/{tileRow}/{tileCol}").put("rel", "item")
                .put("type", OgcVocabulary.MVT).put("templated", true).put("title", "Mapbox Vector Tiles");
        ObjectNode vectorLayer = doc.putArray("layers").addObject();
        vectorLayer.put("id", layer.name()).put("title", layer.title()).put("dataType", "vector")
                .put("geometryType", layer.geometryKind().sqlName().toLowerCase(java.util.Locale.ROOT))
                .put("minTileMatrix", "0").put("maxTileMatrix", Integer.toString(WebMercatorQuad.MAX_ZOOM));
        ObjectNode props = vectorLayer.putObject("propertiesSchema").put("type", "object").putObject("properties");
        layer.properties().forEach(p -> props.putObject(p.name()).put("type", p.type().jsonName()));
        Optional<Envelope> extent = store.extent(layer.name());
        ArrayNode limits = doc.putArray("tileMatrixSetLimits");
        extent.ifPresent(e -> {
            double minX = WebMercatorQuad.x(e.getMinX()), maxX = WebMercatorQuad.x(e.getMaxX());
            double minY = WebMercatorQuad.y(e.getMinY()), maxY = WebMercatorQuad.y(e.getMaxY());
            for (int z = 0; z <= WebMercatorQuad.MAX_ZOOM; z++) {
                double w = WebMercatorQuad.tileWidth(z);
                long last = WebMercatorQuad.matrixSize(z) - 1;
                limits.addObject().put("tileMatrix", Integer.toString(z))
                        .put("minTileRow", clamp((long) Math.floor((WebMercatorQuad.ORIGIN - maxY) / w), last))
                        .put("maxTileRow", clamp((long) Math.floor((WebMercatorQuad.ORIGIN - minY) / w), last))
                        .put("minTileCol", clamp((long) Math.floor((minX + WebMercatorQuad.ORIGIN) / w), last))
                        .put("maxTileCol", clamp((long) Math.floor((maxX + WebMercatorQuad.ORIGIN) / w), last));
            }
        });
        Responses.write(ctx, ResponseFormat.of(ctx), layer.title() + " – " + WebMercatorQuad.ID, doc, OgcVocabulary.JSON);
    }

    private static long clamp(long v, long last) {
        return Math.max(0, Math.min(last, v));
    }

    void tileMatrixSets(Context ctx) {
        Links links = new Links(ctx);
        ObjectNode doc = Responses.JSON.createObjectNode();
        ObjectNode one = doc.putArray("tileMatrixSets").addObject();
        one.put("id", WebMercatorQuad.ID).put("title", "Google Maps Compatible for the World").put("uri", WebMercatorQuad.URI)
                .put("crs", WebMercatorQuad.CRS);
        Links.add(one.putArray("links"), links.url("/tileMatrixSets/" + WebMercatorQuad.ID), REL_TILING_SCHEME, OgcVocabulary.JSON,
                WebMercatorQuad.ID);
        Links.add(doc.putArray("links"), links.url("/tileMatrixSets"), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, "Tile matrix sets");
        Responses.write(ctx, ResponseFormat.of(ctx), "Tile matrix sets", doc, OgcVocabulary.JSON);
    }

    /** The 2DTMS definition of WebMercatorQuad. */
    void tileMatrixSetDefinition(Context ctx) {
        tileMatrixSet(ctx);
        ObjectNode doc = Responses.JSON.createObjectNode();
        doc.put("id", WebMercatorQuad.ID).put("title", "Google Maps Compatible for the World").put("uri", WebMercatorQuad.URI)
                .put("crs", WebMercatorQuad.CRS);
        doc.putArray("orderedAxes").add("E").add("N");
        doc.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        ArrayNode matrices = doc.putArray("tileMatrices");
        for (int z = 0; z <= WebMercatorQuad.MAX_ZOOM; z++) {
            ObjectNode m = matrices.addObject();
            m.put("id", Integer.toString(z)).put("scaleDenominator", WebMercatorQuad.scaleDenominator(z))
                    .put("cellSize", WebMercatorQuad.cellSize(z)).put("cornerOfOrigin", "topLeft");
            m.putArray("pointOfOrigin").add(-WebMercatorQuad.ORIGIN).add(WebMercatorQuad.ORIGIN);
            m.put("tileWidth", WebMercatorQuad.TILE_PIXELS).put("tileHeight", WebMercatorQuad.TILE_PIXELS)
                    .put("matrixWidth", WebMercatorQuad.matrixSize(z)).put("matrixHeight", WebMercatorQuad.matrixSize(z));
        }
        Responses.write(ctx, ResponseFormat.of(ctx), WebMercatorQuad.ID, doc, OgcVocabulary.JSON);
    }

    /** One collection's tile; {@code properties}, {@code filter} (CQL2) and {@code datetime} apply as for items. */
    void tile(Context ctx) {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        TileAddress a = address(ctx);
        BoundFilter filter = ItemsRequest.tileFilter(ctx, layer);
        List<String> properties = ItemsRequest.properties(ctx.queryParam("properties"), layer);
        send(ctx, admission.run(() -> cut(layer.name(), new TileQuery(a.zoom, a.row, a.col, filter, properties, deadline()))));
    }

    /** Several collections in one tile ({@code collections=a,b}, default every collection), one MVT layer each. */
    void multiLayerTile(Context ctx) {
        TileAddress a = address(ctx);
        List<Layer> layers = new ArrayList<>();
        String names = ctx.queryParam("collections");
        if (names == null) {
            layers.addAll(store.layers());
        } else {
            for (String name : names.split(",")) {
                String n = name.trim();
                if (n.isEmpty()) continue;
                layers.add(store.layer(n).orElseThrow(() -> ParkGridException.invalidParameter("collections",
                        "collections names '" + n + "', which is no collection")));
            }
            if (layers.isEmpty()) throw ParkGridException.invalidParameter("collections", "collections '" + names + "' names no collection");
        }
        send(ctx, admission.run(() -> {
            Instant deadline = deadline(); // from the worker's start: the wait for one is not the tile's time
            ByteArrayOutputStream tile = new ByteArrayOutputStream();
            for (Layer layer : layers) tile.writeBytes(cut(layer.name(), new TileQuery(a.zoom, a.row, a.col, null, null, deadline)));
            return tile.toByteArray();
        }));
    }

    /** The store's tile; one cut off at its deadline says which limit cut it (the stores know only the deadline). */
    private byte[] cut(String layer, TileQuery q) {
        try {
            return store.tile(layer, q);
        } catch (ParkGridException.TimeLimitExceeded e) {
            throw ParkGridException.timeLimit(e.parameter(), e.detail() + " (the time limit is " + timeLimit.toMillis()
                    + " ms, PARKGRID_ANALYSIS_SECONDS)");
        }
    }

    private Instant deadline() {
        return Instant.now().plus(timeLimit);
    }

    private static void send(Context ctx, byte[] tile) {
        String etag = "\"" + sha256(tile) + "\"";
        ctx.header("ETag", etag).header("Cache-Control", CACHE_CONTROL);
        if (EntityTag.noneMatchHolds(ctx, etag)) {
            ctx.status(304);
            return;
        }
        ctx.result(tile);
        ctx.res().setCharacterEncoding(null); // binary: no charset (Javalin sets UTF-8 on every response)
        ctx.res().setContentType(OgcVocabulary.MVT);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    private record TileAddress(int zoom, long row, long col) {}

    /** The tile matrix set, zoom, row and column of the path; 404 for any the set does not have. */
    private static TileAddress address(Context ctx) {
        tileMatrixSet(ctx);
        String zText = ctx.pathParam("tileMatrix"), rowText = ctx.pathParam("tileRow"), colText = ctx.pathParam("tileCol");
        int z = (int) number("tileMatrix", zText, WebMercatorQuad.MAX_ZOOM, "a zoom of WebMercatorQuad (0.." + WebMercatorQuad.MAX_ZOOM + ")");
        long last = WebMercatorQuad.matrixSize(z) - 1;
        long row = number("tileRow", rowText, last, "a row of tile matrix " + z + " (0.." + last + ")");
        long col = number("tileCol", colText, last, "a column of tile matrix " + z + " (0.." + last + ")");
        return new TileAddress(z, row, col);
    }

    private static long number(String parameter, String text, long max, String what) {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 0 || v > max) throw ParkGridException.notFound(parameter, "'" + text + "' is not " + what);
        return v;
    }

    private static void tileMatrixSet(Context ctx) {
        String id = ctx.pathParam("tileMatrixSetId");
        if (!id.equals(WebMercatorQuad.ID)) {
            throw ParkGridException.notFound("tileMatrixSetId", "no tile matrix set '" + id + "': this server has " + WebMercatorQuad.ID);
        }
    }
}
