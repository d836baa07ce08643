package parkgrid.process;

import static parkgrid.process.ProcessInput.optional;
import parkgrid.config.LayerRoles;
import static parkgrid.process.ProcessInput.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import parkgrid.analysis.CoverageAnalysis;
import parkgrid.analysis.CoverageArea;
import parkgrid.analysis.CoverageOptions;
import parkgrid.analysis.CoverageResult;
import parkgrid.analysis.NetworkScope;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.store.FeatureStore;

/**
 * {@code coverage}: which demand features lie within a supplier's supply radius, straight-line (geodesic,
 * metres on the WGS84 ellipsoid) or along the line network, with the covered-area polygons.
 */
public final class CoverageProcess extends LayerAnalysisProcess<CoverageAnswer> {
    /**
     * Buffering the reachable part of a network larger than this takes minutes (measured: 316 s for a
     * 200 000-segment grid), so its covered area is left out unless asked for explicitly.
     */
    static final int NETWORK_AREA_DEFAULT_MAX_LINES = 20_000;

    static final ProcessDeclaration DECLARATION = new ProcessDeclaration("coverage", "Supply coverage",
            "Which demand features lie within a supplier's supply radius, straight-line or along the line network",
            List.of(
                required("supply", Schema.string(), "the supplier collection (substations, transformers, facilities …)"),
                required("demand", Schema.string(), "the demand collection (villages …)"),
                RadiusInput.declaration(),
                optional("mode", Schema.string().enumOf("euclidean", "network").defaultValue("euclidean"),
                        "straight-line (geodesic) distance or distance along the line network"),
                optional("network", Schema.string().defaultValue(LayerRoles.seed().layerFor(LayerRoles.LINES)), "mode network: the line collection"),
                NetworkInput.filterDeclaration(),
                NetworkInput.maxAccessDeclaration(),
                optional("population_property", Schema.string().defaultValue(CoverageOptions.DEFAULT_POPULATION_PROPERTY),
                        "the demand property counted for the coverage share by population"),
                optional("include_features", Schema.bool().defaultValue(true), "false leaves the demand features out of the answer"),
                optional("include_areas", Schema.bool(), "covered-area polygons; default true, false for networks over "
                        + NETWORK_AREA_DEFAULT_MAX_LINES + " lines")),
            "GeoJSON FeatureCollection of the demand features (covered, supplier, distance_m) with a summary member", false);

    /** @param roles which layers the execution falls back to when it names none */
    public CoverageProcess(FeatureStore store, LayerRoles roles) {
        super(store, roles, InputPaths.COVERAGE);
    }

    @Override
    public ProcessDeclaration declaration() {
        return DECLARATION;
    }

    @Override
    protected CoverageAnswer run(JsonNode in, Instant deadline) throws IOException {
        Layer supply = InputValues.layer(store, InputValues.text(in, "supply", null), "supply");
        Layer demand = InputValues.layer(store, InputValues.text(in, "demand", null), "demand");
        RadiusPolicy policy = RadiusInput.policy(in.get("radius"), supply, demand);
        String mode = InputValues.text(in, "mode", "euclidean");
        CoverageOptions options;
        int networkLines = 0;
        if (mode.equals("euclidean")) {
            for (String networkOnly : new String[] {"network_filter", "max_access_m"}) {
                if (in.hasNonNull(networkOnly)) {
                    throw ParkGridException.invalidParameter(networkOnly, networkOnly + " applies to mode network only; this request is euclidean");
                }
            }
            options = CoverageOptions.euclidean();
        } else if (mode.equals("network")) {
            Layer network = InputValues.layer(store, InputValues.text(in, "network", roles.layerFor(LayerRoles.LINES)), "network");
            if (network.geometryKind() != GeometryKind.LINESTRING && network.geometryKind() != GeometryKind.MULTILINESTRING) {
                throw ParkGridException.invalidParameter("network", "network layer '" + network.name() + "' holds "
                        + network.geometryKind().geoJsonName() + ", not lines");
            }
            NetworkScope scope = NetworkInput.scope(in, network);
            List<Feature> lines = NetworkInput.lines(store, network, scope);
            networkLines = lines.size();
            options = CoverageOptions.network(lines).withNetworkScope(scope);
        } else {
            throw ParkGridException.invalidParameter("mode", "unknown mode '" + mode + "': use euclidean or network");
        }
        String population = InputValues.text(in, "population_property", CoverageOptions.DEFAULT_POPULATION_PROPERTY);
        options = options.withPopulationProperty(population).withSupplierNoun(singular(supply.name())).withDeadline(deadline);
        String areasOmitted = null;
        boolean areas;
        if (in.hasNonNull("include_areas")) {
            areas = in.get("include_areas").asBoolean();
            if (!areas) areasOmitted = "include_areas is false";
        } else {
            areas = networkLines <= NETWORK_AREA_DEFAULT_MAX_LINES;
            if (!areas) areasOmitted = "the network has " + networkLines + " lines, more than " + NETWORK_AREA_DEFAULT_MAX_LINES
                    + " whose reachable part can be buffered in the time limit; send include_areas: true to try anyway";
        }
        List<Feature> demands = LocatedFeatures.read(store, demand.name());
        CoverageAnalysis analysis = new CoverageAnalysis(LocatedFeatures.read(store, supply.name()), demands, policy, options);
        analysis.compute();
        // not getResult(): that would compute the covered areas even when they are not wanted. The union cannot be
        // interrupted: past the deadline the runner answers and this finishes on its worker.
        List<CoverageArea> coveredAreas = areas ? analysis.getCoveredAreas() : List.of();
        CoverageResult result = new CoverageResult(analysis.getSummary(), analysis.getDemandResults(), analysis.getUncoveredIds(), coveredAreas);
        boolean features = !in.hasNonNull("include_features") || in.get("include_features").asBoolean();
        return new CoverageAnswer(features ? demands : List.of(), result, areasOmitted);
    }

    @Override
    public String timeLimitHint(JsonNode in) {
        boolean areasOff = in.hasNonNull("include_areas") && !in.get("include_areas").asBoolean();
        return areasOff ? null : "the covered area may be what took long: ask again with \"include_areas\": false for the coverage itself";
    }

    private static String singular(String layer) {
        return layer.endsWith("s") ? layer.substring(0, layer.length() - 1) : layer;
    }
}
