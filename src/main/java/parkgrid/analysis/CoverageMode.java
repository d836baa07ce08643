package parkgrid.analysis;

/** How a {@link CoverageAnalysis} measures distance from supplier to demand. */
public enum CoverageMode {
    /** Straight-line (planar) distance in the local metric CRS between the geometries. */
    EUCLIDEAN,
    /** Access from the supplier to the line network, the shortest path along it, and access to the demand. */
    NETWORK
}
