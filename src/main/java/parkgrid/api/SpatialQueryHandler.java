package parkgrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.Layer;
import parkgrid.feature.Neighbour;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeoJsonCrsMember;
import parkgrid.geo.LonLat;
import parkgrid.query.SpatialQuery;
import parkgrid.query.SpatialRelation;
import parkgrid.store.FeatureStore;

/**
 * Spatial questions: {@code GET /collections/{id}/nearest} (k nearest to a point) and
 * {@code POST /processes/spatial-query/execution} (features in a relation to a geometry or to a stored
 * feature). Answers are GeoJSON with each hit's {@code distance_m} among its properties: metres on the
 * WGS84 ellipsoid, as PostGIS {@code geography} measures them. A drawn {@code geometry} is lon/lat unless
 * it carries a GeoJSON {@code crs} member ({@link GeoJsonCrsMember}: positions then easting first).
 */
final class SpatialQueryHandler {
    static final int MAX_RESULTS = 10_000;
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
        FeatureWriter writer = new FeatureWriter(ItemsRequest.crs(ctx, "crs"));
        List<Neighbour> hits = store.nearest(layer.name(), point, k);
        write(ctx, writer, hits, Map.of("collection", layer.name(), "point", List.of(point.x, point.y), "k", k), false);
    }

    void execute(Context ctx) throws IOException {
        JsonNode in = JsonBody.inputs(ctx, ProcessDeclarations.SPATIAL_QUERY);
        Layer layer = CollectionsHandler.layer(store, JsonBody.text(in, "collection", null), "collection");
        SpatialRelation relation;
        try {
            relation = SpatialRelation.fromApiName(JsonBody.text(in, "relation", "intersects"));
        } catch (IllegalArgumentException e) {
            throw ParkGridException.invalidParameter("relation", e.getMessage());
        }
        double distance = JsonBody.number(in, "distance", Double.NaN);
        int limit = (int) Math.min(MAX_RESULTS, Math.max(1, JsonBody.number(in, "limit", MAX_RESULTS)));
        SpatialQuery query = new SpatialQuery(queryGeometry(in), relation, distance);
        List<Neighbour> hits = new ArrayList<>();
        boolean[] truncated = {false};
        store.forEach(layer.name(), new FeatureQuery(query.candidateEnvelope(), Map.of(), FeatureQuery.UNLIMITED, 0), f -> {
            Optional<Neighbour> hit = query.test(f);
            if (hit.isPresent()) {
                if (hits.size() < limit) hits.add(hit.get()); else truncated[0] = true;
            }
        });
        hits.sort((a, b) -> Double.compare(a.distanceMetres(), b.distanceMetres()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("collection", layer.name());
        summary.put("relation", relation.apiName());
        if (relation == SpatialRelation.WITHIN_DISTANCE) summary.put("distance_m", distance);
        summary.put("truncated", truncated[0]);
        write(ctx, new FeatureWriter(ItemsRequest.crs(ctx, "crs")), hits, summary, true);
    }

    private Geometry queryGeometry(JsonNode in) {
        if (in.hasNonNull("geometry")) {
            try {
                return GeoJsonCrsMember.readGeometryToCrs84(in.get("geometry"));
            } catch (IllegalArgumentException e) {
                throw ParkGridException.invalidParameter("geometry", "geometry: " + e.getMessage());
            }
        }
        JsonNode ref = in.get("feature");
        if (ref == null || !ref.isObject()) {
            throw ParkGridException.invalidParameter("geometry", "give a GeoJSON 'geometry' or a 'feature': {\"collection\": …, \"id\": …}");
        }
        Layer other = CollectionsHandler.layer(store, JsonBody.text(ref, "feature.collection", null), "feature.collection");
        if (!ref.path("id").canConvertToLong()) throw ParkGridException.invalidParameter("feature.id", "feature.id must be an integer");
        long id = ref.get("id").asLong();
        Feature f = store.feature(other.name(), id).orElseThrow(() ->
                ParkGridException.notFound("feature.id", "collection '" + other.name() + "' has no feature " + id));
        if (!f.hasGeometry()) {
            throw ParkGridException.invalidParameter("feature", "feature " + id + " of '" + other.name() + "' has no geometry (its place is not known)");
        }
        return f.geometry();
    }

    private static void write(Context ctx, FeatureWriter writer, List<Neighbour> hits, Map<String, Object> summary,
                              boolean withSummary) throws IOException {
        ctx.contentType(OgcVocabulary.GEOJSON);
        try (OutputStream out = ctx.outputStream(); JsonGenerator g = Responses.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeNumberField("numberReturned", hits.size());
            g.writeArrayFieldStart("features");
            for (Neighbour n : hits) {
                Map<String, Object> props = new LinkedHashMap<>(n.feature().properties());
                props.put("distance_m", Math.round(n.distanceMetres() * 100) / 100.0);
                writer.write(g, new Feature(n.feature().id(), n.feature().geometry(), props));
            }
            g.writeEndArray();
            g.writeFieldName(withSummary ? "summary" : "query");
            g.writeObject(summary);
            g.writeEndObject();
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
