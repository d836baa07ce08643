package parkgrid.api;

import static parkgrid.api.ProcessInput.object;
import static parkgrid.api.ProcessInput.optional;
import static parkgrid.api.ProcessInput.required;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import parkgrid.analysis.CoverageOptions;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.config.LayerRoles;
import parkgrid.query.SpatialRelation;

/** The processes ParkGrid runs, each declared once: descriptions, OpenAPI bodies and input checks come from here. */
final class ProcessDeclarations {
    private ProcessDeclarations() {}

    /** The DL/T 5729 supply-area classes. */
    private static final List<String> CLASSES = List.of("A+", "A", "B", "C", "D", "E");

    /**
     * The line layer's name a description states as the default: the seed's ({@link LayerRoles#seed()}); the
     * handler takes the deployment's role instead when {@code PARKGRID_ROLES} renames it.
     */
    private static final String SEED_LINES = LayerRoles.seed().layerFor(LayerRoles.LINES);

    private static ProcessInput collection(String name, boolean isRequired, String description) {
        return new ProcessInput(name, Schema.string(), description, isRequired, List.of());
    }

    private static ProcessInput networkFilter() {
        return optional("network_filter", Schema.string(),
                "CQL2 text applied to the line layer before the network is built, e.g. \"voltage_kv = 10 AND kind = 'overhead'\"");
    }

    private static ProcessInput maxAccess() {
        return optional("max_access_m", Schema.number().minimum(0),
                "metres: the longest straight access leg from a demand point to the line network; points farther away are not reached");
    }

    private static Schema geoJsonGeometry() {
        ObjectNode ref = Responses.JSON.createObjectNode().put("$ref", "https://geojson.org/schema/Geometry.json");
        return Schema.raw(ref);
    }

    static final ProcessDeclaration SPATIAL_QUERY = new ProcessDeclaration("spatial-query", "Spatial query",
            "Features of a collection in a relation to a GeoJSON geometry or a stored feature, with distances in metres",
            List.of(
                collection("collection", true, "the collection to search"),
                optional("relation", Schema.string().enumOf(List.of(SpatialRelation.values()).stream().map(SpatialRelation::apiName).toList())
                        .defaultValue("intersects"), "how a feature must relate to the geometry"),
                optional("distance", Schema.number().minimum(0), "metres, for within-distance"),
                optional("geometry", geoJsonGeometry(), "a GeoJSON geometry in lon/lat (CRS84); give this or feature"),
                object("feature", false, "a stored feature as the query geometry; give this or geometry",
                        required("collection", Schema.string(), "its collection"),
                        required("id", Schema.integer(), "its id")),
                optional("limit", Schema.integer().minimum(1).maximum(SpatialQueryHandler.MAX_RESULTS)
                        .defaultValue(SpatialQueryHandler.MAX_RESULTS), "most features returned, nearest first")),
            "GeoJSON FeatureCollection, each hit with distance_m (metres) among its properties");

    private static ProcessInput radius() {
        Schema table = Schema.raw(Responses.JSON.createObjectNode().put("type", "object")
                .put("description", "voltage (kV) → class → metres or null, e.g. {\"10\": {\"D\": 15000}}"));
        return object("radius", true, "how far a supplier reaches: {type: constant, metres}, {type: property, property} or "
                        + "{type: rule, rules, voltage_kv, class | class_property}",
                required("type", Schema.string().enumOf("constant", "property", "rule"), "which kind of radius"),
                optional("metres", Schema.number().minimum(0), "type constant: the radius in metres"),
                optional("property", Schema.string(), "type property: the supply layer's property holding each radius in metres"),
                optional("rules", Schema.oneOf(Schema.string().enumOf("dlt5729"), table),
                        "type rule: \"dlt5729\" (default) or an edited table"),
                optional("voltage_kv", Schema.number().defaultValue(0.4), "type rule: the voltage level whose radii apply"),
                optional("class", Schema.string().enumOf(CLASSES), "type rule: one supply-area class for every demand point"),
                optional("class_property", Schema.string().defaultValue(RadiusPolicy.DEFAULT_CLASS_PROPERTY),
                        "type rule: the demand layer's property holding each point's class"));
    }

    static final ProcessDeclaration COVERAGE = new ProcessDeclaration("coverage", "Supply coverage",
            "Which demand features lie within a supplier's supply radius, straight-line or along the line network",
            List.of(
                collection("supply", true, "the supplier collection (substations, transformers, facilities …)"),
                collection("demand", true, "the demand collection (villages …)"),
                radius(),
                optional("mode", Schema.string().enumOf("euclidean", "network").defaultValue("euclidean"),
                        "straight-line (geodesic) distance or distance along the line network"),
                optional("network", Schema.string().defaultValue(SEED_LINES), "mode network: the line collection"),
                networkFilter(),
                maxAccess(),
                optional("population_property", Schema.string().defaultValue(CoverageOptions.DEFAULT_POPULATION_PROPERTY),
                        "the demand property counted for the coverage share by population"),
                optional("include_features", Schema.bool().defaultValue(true), "false leaves the demand features out of the answer"),
                optional("include_areas", Schema.bool(), "covered-area polygons; default true, false for networks over "
                        + CoverageHandler.NETWORK_AREA_DEFAULT_MAX_LINES + " lines")),
            "GeoJSON FeatureCollection of the demand features (covered, supplier, distance_m) with a summary member");

    static final ProcessDeclaration SUPPLY_RADIUS = new ProcessDeclaration("supply-radius", "Supply-radius check",
            "Longest network path from each 10 kV / 0.4 kV source to its loads, flagged over the DL/T 5729 class limit",
            List.of(
                optional("voltage_kv", Schema.number().enumOf(10, 0.4).defaultValue(10), "the voltage level checked"),
                optional("class", Schema.string().enumOf(CLASSES), "one supply-area class for every source; default: the class "
                        + "of each source's nearest village, D without villages"),
                optional("lines", Schema.string().defaultValue(SEED_LINES), "the line collection"),
                optional("sources", Schema.string(), "the source collection; default substations at 10 kV, transformers at 0.4 kV"),
                optional("loads", Schema.string(), "the load collection; default transformers at 10 kV, the line ends at 0.4 kV"),
                networkFilter(),
                maxAccess()),
            "GeoJSON FeatureCollection of the sources with their longest path (metres), limit and flag, with a summary member");

    static final List<ProcessDeclaration> ALL = List.of(SPATIAL_QUERY, COVERAGE, SUPPLY_RADIUS);
}
