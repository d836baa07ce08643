package parkgrid.process;

import static parkgrid.process.ProcessInput.object;
import static parkgrid.process.ProcessInput.optional;
import static parkgrid.process.ProcessInput.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.Neighbour;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeoJsonCrsMember;
import parkgrid.query.SpatialQuery;
import parkgrid.query.SpatialRelation;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;

/**
 * {@code spatial-query}: the features of a collection in a relation to a drawn geometry or to a stored
 * feature, nearest first, each with its distance in metres on the WGS84 ellipsoid (as PostGIS
 * {@code geography} measures it). A drawn {@code geometry} is lon/lat unless it carries a GeoJSON {@code crs}
 * member ({@link GeoJsonCrsMember}: positions then easting first).
 */
public final class SpatialQueryProcess implements Process {
    /** The most features one execution returns. */
    public static final int MAX_RESULTS = 10_000;

    static final ProcessDeclaration DECLARATION = new ProcessDeclaration("spatial-query", "Spatial query",
            "Features of a collection in a relation to a GeoJSON geometry or a stored feature, with distances in metres",
            List.of(
                required("collection", Schema.string(), "the collection to search"),
                optional("relation", Schema.string().enumOf(List.of(SpatialRelation.values()).stream().map(SpatialRelation::apiName).toList())
                        .defaultValue("intersects"), "how a feature must relate to the geometry"),
                optional("distance", Schema.number().minimum(0), "metres, for within-distance"),
                optional("geometry", geoJsonGeometry(), "a GeoJSON geometry in lon/lat (CRS84); give this or feature"),
                object("feature", false, "a stored feature as the query geometry; give this or geometry",
                        required("collection", Schema.string(), "its collection"),
                        required("id", Schema.integer(), "its id")),
                optional("limit", Schema.integer().minimum(1).maximum(MAX_RESULTS).defaultValue(MAX_RESULTS),
                        "most features returned, nearest first")),
            "GeoJSON FeatureCollection, each hit with distance_m (metres) among its properties", true);

    private final FeatureStore store;

    public SpatialQueryProcess(FeatureStore store) {
        this.store = store;
    }

    private static Schema geoJsonGeometry() {
        ObjectNode ref = InputValues.JSON.createObjectNode().put("$ref", "https://geojson.org/schema/Geometry.json");
        return Schema.raw(ref);
    }

    @Override
    public ProcessDeclaration declaration() {
        return DECLARATION;
    }

    @Override
    public FeatureHits execute(JsonNode in, Instant deadline) throws IOException {
        Layer layer = InputValues.layer(store, InputValues.text(in, "collection", null), "collection");
        SpatialRelation relation;
        try {
            relation = SpatialRelation.fromApiName(InputValues.text(in, "relation", "intersects"));
        } catch (IllegalArgumentException e) {
            throw ParkGridException.invalidParameter("relation", e.getMessage());
        }
        double distance = InputValues.number(in, "distance", Double.NaN);
        int limit = (int) Math.min(MAX_RESULTS, Math.max(1, InputValues.number(in, "limit", MAX_RESULTS)));
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
        return new FeatureHits(hits, summary);
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
        Layer other = InputValues.layer(store, InputValues.text(ref, "feature.collection", null), "feature.collection");
        if (!ref.path("id").canConvertToLong()) throw ParkGridException.invalidParameter("feature.id", "feature.id must be an integer");
        long id = ref.get("id").asLong();
        Feature f = store.feature(other.name(), id).orElseThrow(() ->
                ParkGridException.notFound("feature.id", "collection '" + other.name() + "' has no feature " + id));
        if (!f.hasGeometry()) {
            throw ParkGridException.invalidParameter("feature", "feature " + id + " of '" + other.name() + "' has no geometry (its place is not known)");
        }
        return f.geometry();
    }
}
