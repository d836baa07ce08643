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
 * @param accessMetres          network mode: the straight access leg from the demand to its nearest point on
 *                              the network (part of both distances), also when it is longer than the bound and
 *                              the demand is off the network; null in Euclidean mode
 */
public record DemandResult(long featureId, boolean covered, Long coveringSupplierId, Double distanceMetres,
                           Long nearestSupplierId, Double nearestDistanceMetres, String reason, Double accessMetres) {}
