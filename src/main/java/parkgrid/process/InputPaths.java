package parkgrid.process;

import java.util.Map;
import parkgrid.feature.ParkGridException;

/**
 * Where an analysis's own input names sit in a process request. An analysis names what it was given
 * ({@code suppliers}, {@code radius_property}, {@code supply_class}) and knows nothing of the JSON the client
 * sent; the process adapter renames the problem to the path the client wrote ({@code supply},
 * {@code radius.property}, {@code radius.class}) with one table per process, here. Names not in a table are
 * already the client's and pass through.
 *
 * <p>Why a table and not the path passed in: the analyses are also called by benchmarks and unit tests that
 * have no request, and one table per process keeps the request's shape in the process adapters only.
 */
public final class InputPaths {
    /** RadiusPolicy and SupplyRadiusRules names inside the coverage process's {@code radius} object. */
    public static final InputPaths RADIUS = new InputPaths(Map.of(
            "radius", "radius.metres",
            "radius_property", "radius.property",
            "supply_class", "radius.class",
            "voltage_kv", "radius.voltage_kv",
            "rules", "radius.rules"));

    /** CoverageAnalysis and CoverageOptions names in the coverage process. */
    public static final InputPaths COVERAGE = new InputPaths(Map.of(
            "suppliers", "supply",
            "demands", "demand",
            "lines", "network",
            "radius_property", "radius.property"));

    /** SupplyRadiusCheck and SupplyRadiusOptions names in the supply-radius process. */
    public static final InputPaths SUPPLY_RADIUS = new InputPaths(Map.of(
            "supply_class", "class"));

    /** FacilityLocation, CandidateGrid and CoverageSets names in the facility-location process. */
    public static final InputPaths FACILITY_LOCATION = new InputPaths(Map.of(
            "weight_property", "demand.weight_property",
            "study_area", "candidates.grid.study_area",
            "spacing_m", "candidates.grid.spacing_m",
            "demands", "demand.collection",
            "suppliers", "candidates.collection",
            "lines", "network",
            "radius_property", "radius.property"));

    private final Map<String, String> clientPathByAnalysisName;

    private InputPaths(Map<String, String> clientPathByAnalysisName) {
        this.clientPathByAnalysisName = clientPathByAnalysisName;
    }

    /** {@code e} about the path the client wrote, or {@code e} itself when its parameter is already that. */
    public ParkGridException named(ParkGridException e) {
        String path = e.parameter() == null ? null : clientPathByAnalysisName.get(e.parameter());
        return path == null ? e : e.at(path);
    }

    /** The client's path for an analysis input name (the name itself when it is not renamed). */
    public String pathOf(String analysisName) {
        return clientPathByAnalysisName.getOrDefault(analysisName, analysisName);
    }
}
