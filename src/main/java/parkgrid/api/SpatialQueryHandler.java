package parkgrid.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.Neighbour;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.SupportedCrs;
import parkgrid.io.CollectionMetadata;
import parkgrid.io.EncodingOptions;
import parkgrid.io.FeatureEncoder;
import parkgrid.io.FeatureFormat;
import parkgrid.io.FeatureFormats;
import parkgrid.geo.LonLat;
import parkgrid.store.FeatureStore;

/**
 * {@code GET /collections/{id}/nearest} (k nearest to a point), and the writer of neighbour answers it shares
 * with the spatial-query process ({@link parkgrid.process.SpatialQueryProcess}). Answers are GeoJSON with each
 * hit's {@code distance_m} among its properties: metres on the WGS84 ellipsoid, as PostGIS {@code geography}
 * measures them.
 */
final class SpatialQueryHandler {
    /** The most neighbours one {@code /nearest} request returns. */
    static final int MAX_NEAREST = 1000;
    private final FeatureStore store;

    SpatialQueryHandler(FeatureStore store) {
        this.store = store;
    }

    void nearest(Context ctx) throws IOException {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        Coordinate point = point(ctx.queryParam("point"));
        int k = ctx.queryParam("k") == null ? 5 : count("k", ctx.queryParam("k"), MAX_NEAREST);
        SupportedCrs crs = ItemsRequest.crs(ctx, "crs");
        List<Neighbour> hits = store.nearest(layer.name(), point, k);
        write(ctx, crs, hits, Map.of("collection", layer.name(), "point", List.of(point.x, point.y), "k", k), false);
    }

    /** The hits as GeoJSON (nearest first), {@code distance_m} rounded to the centimetre, then the {@code summary} (a process) or {@code query} member. */
    static void write(Context ctx, SupportedCrs crs, List<Neighbour> hits, Map<String, Object> summary,
                      boolean withSummary) throws IOException {
        FeatureFormat format = FeatureFormats.GEOJSON;
        ctx.contentType(format.contentType());
        try (FeatureEncoder encoder = format.encoder(ctx.outputStream(), EncodingOptions.inCrs(crs))) {
            encoder.start(CollectionMetadata.titled(summary.get("collection") + " – spatial query")
                    .withNumbers(null, (long) hits.size()).with(withSummary ? "summary" : "query", summary));
            for (Neighbour n : hits) {
                Map<String, Object> props = new LinkedHashMap<>(n.feature().properties());
                props.put("distance_m", Math.round(n.distanceMetres() * 100) / 100.0);
                encoder.feature(new Feature(n.feature().id(), n.feature().geometry(), props));
            }
            encoder.end();
        }
    }

    private static Coordinate point(String text) {
        if (text == null) throw ParkGridException.invalidParameter("point", "point=lon,lat is required");
        String[] parts = text.split(",");
        if (parts.length != 2) throw ParkGridException.invalidParameter("point", "point must be lon,lat, got '" + text + "'");
        try {
            double lon = Double.parseDouble(parts[0].trim()), lat = Double.parseDouble(parts[1].trim());
            LonLat.require(lon, lat, "point", "point " + text);
            return new Coordinate(lon, lat);
        } catch (NumberFormatException e) {
            throw ParkGridException.invalidParameter("point", "point must be two numbers lon,lat, got '" + text + "'");
        }
    }

    private static int count(String name, String text, int max) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v < 1 || v > max) throw ParkGridException.invalidParameter(name, name + " must be 1.." + max + ", got " + v);
            return v;
        } catch (NumberFormatException e) {
            throw ParkGridException.invalidParameter(name, name + " '" + text + "' is not a whole number");
        }
    }
}
