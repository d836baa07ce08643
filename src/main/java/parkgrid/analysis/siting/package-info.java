/**
 * Constraint-and-score siting: where a new plant, transformer or pocket park of a given area and width may go in
 * a study area, and which places the preferences favour ({@link parkgrid.analysis.siting.SitingAnalysis}).
 *
 * <p><b>Contract.</b> Pure JTS: lon/lat geometries in (EPSG:4326), immutable records out
 * ({@link parkgrid.analysis.siting.SitingResult}, {@link parkgrid.analysis.siting.Candidate},
 * {@link parkgrid.analysis.siting.CriterionCheck}, {@link parkgrid.analysis.siting.Elimination}); no JDBC, no HTTP,
 * no JSON. Criteria are {@link parkgrid.analysis.siting.Exclusion}s (keep more than a buffer from a set),
 * {@link parkgrid.analysis.siting.Requirement}s (the whole site within a distance of a set) and
 * {@link parkgrid.analysis.siting.Preference}s (near / far, weighted); the size is a
 * {@link parkgrid.analysis.siting.SiteSize} (m² or 亩, 1 亩 = 2000/3 m², and a minimum width).
 *
 * <p><b>Units.</b> The search works on the plane of the study area's {@link parkgrid.geo.MetricProjection}
 * (CGCS2000 3° zone, metres); the distances reported for each candidate, and the constraint checks in its
 * breakdown, are ellipsoidal ({@link parkgrid.geo.GeodesicDistance}, as PostGIS {@code geography}). Exclusion
 * buffers are widened by 0.6 % and 0.5 m ({@link parkgrid.analysis.siting.Exclusion#plannedBufferMetres()}) so that
 * the arc chords of a polygonal buffer and the projection's scale cannot bring a site within the asked distance;
 * requirement buffers need no widening (their errors are on the safe side). Areas are planar m² of the projection
 * (within 0.05 % of the ellipsoidal ones in the zone).
 *
 * <p><b>Guarantees</b> (tested on hand-made geometries): every candidate lies inside the study area, more than
 * each exclusion's buffer from its geometries, wholly within each requirement's distance; has at least the
 * required area and every side at least the minimum width; candidates do not overlap and are ranked by score.
 *
 * <p><b>Errors.</b> Bad input is a {@link parkgrid.feature.ParkGridException} (invalid input) naming the analysis's
 * own input ({@code study_area}, {@code area_m2}, {@code area_mu}, {@code min_width_m}, {@code buffer_m},
 * {@code within_m}, {@code weight}, {@code max_candidates}, {@code resolution_m}); the process renames them to the
 * client's paths. Past the deadline in {@link parkgrid.analysis.siting.SitingOptions} it throws the time-limit kind.
 */
package parkgrid.analysis.siting;
