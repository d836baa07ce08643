package parkgrid.analysis;

/**
 * Coverage of one demand feature. Distances are metres: on the WGS84 ellipsoid (Euclidean mode, as PostGIS
 * {@code geography} measures them)
 * or access + path along the lines + access (network mode).
 *
 * @param featureId             the demand feature's id
 * @param covered               whether some supplier reaches it within that supplier's radius
 * @param coveringSupplierId    the nearest supplier that covers it, or null
 * @param distanceMetres        distance to the covering supplier, or null
 * @param nearestSupplierId     the nearest supplier regardless of radius, or null (not connected to the network)
 * @param nearestDistanceMetres distance to the nearest supplier, or null
 * @param reason                one sentence, e.g. "within 4 812 m of transformer 12 (limit 5 000 m, class C 0.4 kV)"
 */
public record DemandResult(long featureId, boolean covered, Long coveringSupplierId, Double distanceMetres,
                           Long nearestSupplierId, Double nearestDistanceMetres, String reason) {}
