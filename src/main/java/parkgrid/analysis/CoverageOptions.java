package parkgrid.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

/**
 * Settings of a {@link CoverageAnalysis} other than the features and the radius policy.
 *
 * @param mode                 Euclidean or along the line network
 * @param lines                the line layer, LineString features (EPSG:4326); the network is the part {@code networkScope}
 *                             selects; required for NETWORK, ignored otherwise
 * @param populationProperty   demand property holding population (default {@code population}); null: no population figures
 * @param supplierNoun         word for a supplier in reasons, e.g. "transformer" (default "supplier")
 * @param epsg                 metric CRS to use instead of the automatic CGCS2000 3° zone, or null
 * @param deadline             wall-clock limit, or null for none
 * @param snapToleranceMetres  network vertex-merge / T-junction tolerance (default 0.5 m)
 * @param areaBufferMetres     network mode: half-width of the covered corridor around reachable lines (default 50 m)
 * @param quadrantSegments     Euclidean mode: segments per quarter circle of the radius buffers (default 32: the
 *                             polygon lies within 0.03 % of the radius inside the true circle)
 * @param networkScope         network mode: which lines to walk and the access-leg bound (default
 *                             {@link NetworkScope#byLevel()}: the lines of the rule's voltage level)
 */
public record CoverageOptions(CoverageMode mode, List<Feature> lines, String populationProperty, String supplierNoun,
                              Integer epsg, Instant deadline, double snapToleranceMetres, double areaBufferMetres,
                              int quadrantSegments, NetworkScope networkScope) {
    /** Default demand property holding population. */
    public static final String DEFAULT_POPULATION_PROPERTY = "population";

    /**
     * @throws ParkGridException (invalid input) naming the parameter: {@code mode} null, {@code lines} missing in network
     *                           mode, {@code snap_tolerance}, {@code area_buffer} or {@code quadrant_segments} out of range
     */
    public CoverageOptions {
        if (mode == null) throw ParkGridException.invalidParameter("mode", "mode must be EUCLIDEAN or NETWORK");
        lines = lines == null ? List.of() : List.copyOf(lines);
        if (mode == CoverageMode.NETWORK && lines.isEmpty()) {
            throw ParkGridException.invalidParameter("lines", "network mode needs a non-empty line layer");
        }
        supplierNoun = supplierNoun == null || supplierNoun.isBlank() ? "supplier" : supplierNoun;
        if (!(snapToleranceMetres >= 0) || Double.isInfinite(snapToleranceMetres)) {
            throw ParkGridException.invalidParameter("snap_tolerance", "snap tolerance must be ≥ 0 m, got " + snapToleranceMetres);
        }
        if (!(areaBufferMetres > 0) || Double.isInfinite(areaBufferMetres)) {
            throw ParkGridException.invalidParameter("area_buffer", "area buffer must be a positive number of metres, got " + areaBufferMetres);
        }
        networkScope = networkScope == null ? NetworkScope.byLevel() : networkScope;
        if (quadrantSegments < 4 || quadrantSegments > 256) {
            throw ParkGridException.invalidParameter("quadrant_segments", "quadrant segments must be 4…256, got " + quadrantSegments);
        }
    }

    /** Euclidean mode with all defaults. */
    public static CoverageOptions euclidean() {
        return new CoverageOptions(CoverageMode.EUCLIDEAN, List.of(), DEFAULT_POPULATION_PROPERTY, "supplier", null, null,
                LineNetwork.DEFAULT_SNAP_TOLERANCE_METRES, 50, 32, NetworkScope.byLevel());
    }

    /** Network mode along {@code lines} with all defaults. */
    public static CoverageOptions network(List<Feature> lines) {
        return new CoverageOptions(CoverageMode.NETWORK, lines, DEFAULT_POPULATION_PROPERTY, "supplier", null, null,
                LineNetwork.DEFAULT_SNAP_TOLERANCE_METRES, 50, 32, NetworkScope.byLevel());
    }

    public CoverageOptions withPopulationProperty(String property) {
        return new CoverageOptions(mode, lines, property, supplierNoun, epsg, deadline, snapToleranceMetres, areaBufferMetres, quadrantSegments, networkScope);
    }

    public CoverageOptions withSupplierNoun(String noun) {
        return new CoverageOptions(mode, lines, populationProperty, noun, epsg, deadline, snapToleranceMetres, areaBufferMetres, quadrantSegments, networkScope);
    }

    public CoverageOptions withEpsg(Integer code) {
        return new CoverageOptions(mode, lines, populationProperty, supplierNoun, code, deadline, snapToleranceMetres, areaBufferMetres, quadrantSegments, networkScope);
    }

    public CoverageOptions withDeadline(Instant limit) {
        return new CoverageOptions(mode, lines, populationProperty, supplierNoun, epsg, limit, snapToleranceMetres, areaBufferMetres, quadrantSegments, networkScope);
    }

    /** A deadline {@code budget} from now. */
    public CoverageOptions withTimeLimit(Duration budget) {
        return withDeadline(budget == null ? null : Instant.now().plus(budget));
    }

    public CoverageOptions withSnapToleranceMetres(double metres) {
        return new CoverageOptions(mode, lines, populationProperty, supplierNoun, epsg, deadline, metres, areaBufferMetres, quadrantSegments, networkScope);
    }

    public CoverageOptions withAreaBufferMetres(double metres) {
        return new CoverageOptions(mode, lines, populationProperty, supplierNoun, epsg, deadline, snapToleranceMetres, metres, quadrantSegments, networkScope);
    }

    public CoverageOptions withQuadrantSegments(int segments) {
        return new CoverageOptions(mode, lines, populationProperty, supplierNoun, epsg, deadline, snapToleranceMetres, areaBufferMetres, segments, networkScope);
    }

    /** Network mode: which lines form the network and how far a demand or supplier may be from them. */
    public CoverageOptions withNetworkScope(NetworkScope scope) {
        return new CoverageOptions(mode, lines, populationProperty, supplierNoun, epsg, deadline, snapToleranceMetres, areaBufferMetres,
                quadrantSegments, scope);
    }
}
