package parkgrid.process;

import static parkgrid.process.ProcessInput.object;
import static parkgrid.process.ProcessInput.optional;
import static parkgrid.process.ProcessInput.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.analysis.facility.CandidateGrid;
import parkgrid.analysis.facility.FacilityLocation;
import parkgrid.analysis.facility.SolverChoice;
import parkgrid.config.LayerRoles;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyType;
import parkgrid.filter.FilterBinder;
import parkgrid.filter.FilterEvaluator;
import parkgrid.geo.GeoJsonCrsMember;
import parkgrid.store.FeatureStore;

/**
 * {@code facility-location}: where p new suppliers (transformers, substations, facilities) cover the most demand
 * weight that the existing ones leave uncovered — a maximal covering location problem over candidate sites (a
 * collection, optionally filtered, or a grid over a study area), solved greedily and exactly (OR-Tools CP-SAT)
 * with the gap between them. Reach is straight-line on the ellipsoid or along the line network of the radius's
 * voltage level (mode network), with the coverage process's radius rules.
 */
public final class FacilityLocationProcess extends LayerAnalysisProcess<FacilityLocationAnswer> {
    static final ProcessDeclaration DECLARATION = new ProcessDeclaration("facility-location", "New-facility placement",
            "Choose p new sites that cover the most demand weight not covered by the existing suppliers (maximal covering "
                    + "location; reach in metres, straight-line on the WGS84 ellipsoid or along the line network), greedy and exact (CP-SAT) with the gap",
            List.of(
                required("p", Schema.integer().minimum(1), "how many new sites to choose"),
                object("candidates", true, "where new sites may go: {collection, filter} or {grid: {study_area, spacing_m}}",
                        optional("collection", Schema.string(), "a point collection of candidate sites"),
                        optional("filter", Schema.string(), "CQL2 text selecting candidates of the collection"),
                        object("grid", false, "a regular grid of candidate points over a study area",
                                required("study_area", Schema.object(), "a GeoJSON Polygon/MultiPolygon (lon/lat) or {collection, id} of a polygon feature"),
                                required("spacing_m", Schema.number().minimum(0), "grid spacing in metres")),
                        optionalRadius("the new sites' radius; default: the top-level radius")),
                object("demand", false, "the demand to cover",
                        optional("collection", Schema.string().defaultValue(LayerRoles.seed().layerFor(LayerRoles.DEMAND)), "the demand collection"),
                        optional("weight_property", Schema.string(), "numeric demand property giving each weight (population, "
                                + "households, load); absent: every demand weighs 1; empty values weigh 0")),
                optional("existing", Schema.arrayOf(Schema.string()).defaultValue(List.of(LayerRoles.seed().layerFor(LayerRoles.SUPPLY_TRANSFORMERS))),
                        "the existing supplier collections; [] for none"),
                RadiusInput.declaration(),
                optional("mode", Schema.string().enumOf("euclidean", "network").defaultValue("euclidean"),
                        "straight-line (geodesic) reach or reach along the line network of the radius's voltage level"),
                optional("network", Schema.string().defaultValue(LayerRoles.seed().layerFor(LayerRoles.LINES)), "mode network: the line collection"),
                NetworkInput.filterDeclaration(),
                NetworkInput.maxAccessDeclaration(),
                optional("solver", Schema.string().enumOf("greedy", "exact", "both").defaultValue("both"),
                        "greedy heuristic, exact optimum (OR-Tools CP-SAT), or both with the gap"),
                optional("time_limit_s", Schema.number().minimum(0), "longest exact solve in seconds (default: what the "
                        + "analysis time limit leaves); past it the best choice found with its bound")),
            "GeoJSON FeatureCollection of the chosen sites (rank, newly covered weight and count) with members summary "
                    + "(before/after coverage, greedy and exact objective, bound, gap, status) and newly_covered (the demand features "
                    + "the new sites cover)", false);

    private static ProcessInput optionalRadius(String description) {
        ProcessInput r = RadiusInput.declaration();
        return new ProcessInput(r.name(), r.schema(), description, false, r.members());
    }

    public FacilityLocationProcess(FeatureStore store, LayerRoles roles) {
        super(store, roles, InputPaths.FACILITY_LOCATION);
    }

    @Override
    public ProcessDeclaration declaration() {
        return DECLARATION;
    }

    @Override
    protected FacilityLocationAnswer run(JsonNode in, Instant deadline) throws IOException {
        JsonNode pNode = in.get("p");
        if (pNode == null || pNode.isNull()) throw ParkGridException.invalidParameter("p", "input 'p' is required");
        if (!pNode.canConvertToInt() || !pNode.isIntegralNumber()) throw ParkGridException.invalidParameter("p", "p must be a whole number, got " + pNode);
        int p = pNode.asInt();
        if (p < 1) throw ParkGridException.invalidParameter("p", "p must be at least 1, got " + p);

        JsonNode demandIn = in.path("demand");
        if (!demandIn.isMissingNode() && !demandIn.isNull() && !demandIn.isObject()) {
            throw ParkGridException.invalidParameter("demand", "demand must be an object {collection, weight_property}");
        }
        Layer demand = InputValues.layer(store, demandIn.isObject() ? InputValues.text(demandIn, "demand.collection", roles.layerFor(LayerRoles.DEMAND))
                : roles.layerFor(LayerRoles.DEMAND), "demand.collection");
        String weight = demandIn.isObject() && demandIn.hasNonNull("weight_property") ? InputValues.text(demandIn, "demand.weight_property", null) : null;
        if (weight != null) {
            var def = demand.property(weight).orElseThrow(() -> ParkGridException.invalidParameter("demand.weight_property",
                    "demand layer '" + demand.name() + "' has no property '" + weight + "'"));
            if (def.type() == PropertyType.STRING) {
                throw ParkGridException.invalidParameter("demand.weight_property", "property '" + weight + "' of '" + demand.name() + "' is text, not a number");
            }
        }

        List<Layer> existing = existingLayers(in);
        RadiusPolicy radius = null;
        for (Layer e : existing) radius = RadiusInput.policy(in.get("radius"), e, demand);
        JsonNode cand = in.get("candidates");
        if (cand == null || !cand.isObject()) {
            throw ParkGridException.invalidParameter("candidates", "candidates must be {\"collection\": …} or {\"grid\": {\"study_area\": …, \"spacing_m\": …}}");
        }
        String source;
        Layer candidateLayer = null;
        List<Feature> candidates;
        if (cand.hasNonNull("grid") == cand.hasNonNull("collection")) {
            throw ParkGridException.invalidParameter("candidates", "give exactly one of candidates.collection and candidates.grid");
        }
        if (cand.hasNonNull("collection")) {
            candidateLayer = InputValues.layer(store, InputValues.text(cand, "candidates.collection", null), "candidates.collection");
            candidates = filtered(candidateLayer, cand);
            source = candidateLayer.name();
            if (candidates.isEmpty()) {
                throw ParkGridException.invalidParameter(cand.hasNonNull("filter") ? "candidates.filter" : "candidates.collection",
                        "no candidate site: collection '" + candidateLayer.name() + "' has no located feature" + (cand.hasNonNull("filter") ? " matching the filter" : ""));
            }
        } else {
            if (cand.hasNonNull("filter")) throw ParkGridException.invalidParameter("candidates.filter", "candidates.filter applies to a collection, not a grid");
            JsonNode grid = cand.get("grid");
            if (!grid.isObject()) throw ParkGridException.invalidParameter("candidates.grid", "candidates.grid must be {study_area, spacing_m}");
            JsonNode spacing = grid.get("spacing_m");
            if (spacing == null || !spacing.isNumber()) throw ParkGridException.invalidParameter("candidates.grid.spacing_m", "candidates.grid.spacing_m must be a number of metres");
            candidates = CandidateGrid.points(studyArea(grid.get("study_area")), spacing.asDouble());
            source = "grid";
        }
        RadiusPolicy candidateRadius;
        JsonNode own = cand.get("radius");
        if (own != null && !own.isNull()) {
            try {
                candidateRadius = RadiusInput.policy(own, candidateLayer != null ? candidateLayer : gridLayer(), demand);
            } catch (ParkGridException e) {
                throw e.at("candidates." + e.parameter());
            }
        } else {
            if (radius == null) radius = RadiusInput.policy(in.get("radius"), candidateLayer != null ? candidateLayer : gridLayer(), demand);
            if (radius instanceof RadiusPolicy.SupplierProperty sp && (candidateLayer == null || candidateLayer.property(sp.property()).isEmpty())) {
                throw ParkGridException.invalidParameter("candidates.radius", "the radius comes from the suppliers' property '" + sp.property()
                        + "', which the candidates do not have; give candidates.radius");
            }
            candidateRadius = radius;
        }
        if (radius == null) radius = candidateRadius; // no existing suppliers: their radius is never used

        SolverChoice solver = switch (InputValues.text(in, "solver", "both")) {
            case "greedy" -> SolverChoice.GREEDY;
            case "exact" -> SolverChoice.EXACT;
            case "both" -> SolverChoice.BOTH;
            default -> throw ParkGridException.invalidParameter("solver", "unknown solver '" + in.get("solver").asText() + "': use greedy, exact or both");
        };
        double left = deadline == null ? 30 : Duration.between(Instant.now(), deadline).toMillis() / 1000.0;
        double limit = InputValues.number(in, "time_limit_s", Math.max(0.1, left));
        if (!(limit > 0)) throw ParkGridException.invalidParameter("time_limit_s", "time_limit_s must be more than 0 seconds, got " + limit);

        String mode = InputValues.text(in, "mode", "euclidean");
        List<Feature> lines = null;
        parkgrid.analysis.NetworkScope scope = null;
        if (mode.equals("network")) {
            Layer network = InputValues.layer(store, InputValues.text(in, "network", roles.layerFor(LayerRoles.LINES)), "network");
            if (network.geometryKind() != parkgrid.feature.GeometryKind.LINESTRING && network.geometryKind() != parkgrid.feature.GeometryKind.MULTILINESTRING) {
                throw ParkGridException.invalidParameter("network", "network layer '" + network.name() + "' holds "
                        + network.geometryKind().geoJsonName() + ", not lines");
            }
            scope = NetworkInput.scope(in, network);
            lines = NetworkInput.lines(store, network, scope);
        } else if (mode.equals("euclidean")) {
            for (String networkOnly : new String[] {"network", "network_filter", "max_access_m"}) {
                if (in.hasNonNull(networkOnly)) {
                    throw ParkGridException.invalidParameter(networkOnly, networkOnly + " applies to mode network only; this request is euclidean");
                }
            }
        } else {
            throw ParkGridException.invalidParameter("mode", "unknown mode '" + mode + "': use euclidean or network");
        }
        List<Feature> demands = LocatedFeatures.read(store, demand.name());
        List<Feature> suppliers = new ArrayList<>();
        for (Layer e : existing) suppliers.addAll(LocatedFeatures.read(store, e.name()));
        FacilityLocation analysis = new FacilityLocation(candidates, demands, suppliers, candidateRadius, radius)
                .sites(p).weightProperty(weight).solvers(solver).timeLimitSeconds(limit).deadline(deadline);
        if (lines != null) analysis.alongNetwork(lines, scope);
        var result = analysis.getResult();
        return new FacilityLocationAnswer(result, demands, source, demand.name(), existing.stream().map(Layer::name).toList(), weight);
    }

    @Override
    public String timeLimitHint(JsonNode in) {
        return "a smaller time_limit_s answers with the best choice found and its bound; solver \"greedy\" needs no exact solve, "
                + "and a coarser candidates.grid.spacing_m means fewer candidates";
    }

    private List<Layer> existingLayers(JsonNode in) {
        JsonNode e = in.get("existing");
        if (e == null || e.isNull()) return List.of(InputValues.layer(store, roles.layerFor(LayerRoles.SUPPLY_TRANSFORMERS), "existing"));
        if (!e.isArray()) throw ParkGridException.invalidParameter("existing", "existing must be an array of collection names, [] for none");
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            if (!e.get(i).isTextual()) throw ParkGridException.invalidParameter("existing." + i, "existing." + i + " must be a collection name");
            out.add(InputValues.layer(store, e.get(i).asText(), "existing." + i));
        }
        return out;
    }

    private List<Feature> filtered(Layer layer, JsonNode cand) throws IOException {
        List<Feature> all = LocatedFeatures.read(store, layer.name());
        if (!cand.hasNonNull("filter")) return all;
        String text = InputValues.text(cand, "candidates.filter", null);
        FilterEvaluator evaluator;
        try {
            evaluator = new FilterEvaluator(FilterBinder.parseAndBind(text, layer));
        } catch (ParkGridException e) {
            throw e.at("candidates.filter", "candidates.filter on layer '" + layer.name() + "': " + e.detail());
        }
        return all.stream().filter(evaluator::matches).toList();
    }

    private Geometry studyArea(JsonNode area) throws IOException {
        if (area == null || !area.isObject()) {
            throw ParkGridException.invalidParameter("candidates.grid.study_area", "study_area must be a GeoJSON polygon or {collection, id}");
        }
        if (area.has("collection")) {
            Layer l = InputValues.layer(store, InputValues.text(area, "candidates.grid.study_area.collection", null), "candidates.grid.study_area.collection");
            if (!area.path("id").canConvertToLong()) throw ParkGridException.invalidParameter("candidates.grid.study_area.id", "study_area.id must be an integer");
            long id = area.get("id").asLong();
            Feature f = store.feature(l.name(), id).orElseThrow(() ->
                    ParkGridException.notFound("candidates.grid.study_area.id", "collection '" + l.name() + "' has no feature " + id));
            if (!f.hasGeometry()) throw ParkGridException.invalidParameter("candidates.grid.study_area", "feature " + id + " of '" + l.name() + "' has no geometry");
            return f.geometry();
        }
        try {
            return GeoJsonCrsMember.readGeometryToCrs84(area);
        } catch (IllegalArgumentException e) {
            throw ParkGridException.invalidParameter("candidates.grid.study_area", "study_area: " + e.getMessage());
        }
    }

    /** The schema of grid candidates: no properties but their row and column. */
    private static Layer gridLayer() {
        return new Layer("grid", "candidate grid", null, null, parkgrid.feature.GeometryKind.POINT, List.of(), null, null);
    }
}
