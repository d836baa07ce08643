/**
 * Pure spatial analyses on {@link parkgrid.feature.Feature}s: JTS geometries in, immutable result records
 * out. No JDBC, no HTTP; every class is unit-testable with inline WKT.
 *
 * <p><b>Coordinates and units.</b> Inputs and geometric outputs are EPSG:4326 (x = longitude,
 * y = latitude, degrees). Each analysis projects every input geometry once to a local metric CRS
 * ({@link parkgrid.geo.MetricProjection}: the CGCS2000 3° Gauss–Krüger zone of the study area —
 * EPSG:4546 for Ruyang and Song — or a given EPSG code) and computes planar distances, lengths and
 * areas there. Distances are metres and named so ({@code distanceMetres}); voltages are kV.
 *
 * <p><b>Contents.</b>
 * <ul>
 *   <li>{@link parkgrid.analysis.CoverageAnalysis}: which demands lie within reach of a supplier,
 *       straight-line or along a {@link parkgrid.analysis.LineNetwork}, with a
 *       {@link parkgrid.analysis.RadiusPolicy} (constant, per supplier, or by supply-area class from
 *       {@link parkgrid.analysis.SupplyRadiusRules});
 *   <li>{@link parkgrid.analysis.CoverageSets}: every supplier within reach of each demand (the coverage matrix
 *       of {@link parkgrid.analysis.facility}, new-facility placement);
 *   <li>{@link parkgrid.analysis.SupplyRadiusCheck}: longest feeder path of each 10 kV / 0.4 kV source
 *       against the DL/T 5729 limits;
 *   <li>statistics: {@link parkgrid.analysis.GroupSummary} (counts, km, m², sums per property value),
 *       {@link parkgrid.analysis.StatedFigureCheck} (a source's stated figures against the features) and
 *       {@link parkgrid.analysis.UpgradeProgress} (village upgrades by year against the stated targets).
 * </ul>
 *
 * <p><b>Features without a place.</b> A feature's geometry may be null (its place is not known). It is
 * counted by the statistics classes and never measured; the spatial analyses receive only located features.
 *
 * <p><b>Voltage levels.</b> A supplier reaches loads along lines of its own level: network analyses walk
 * the lines a {@link parkgrid.analysis.NetworkScope} selects ({@link parkgrid.analysis.NetworkLines}: by
 * default those of the assessed voltage), and the straight access leg from a load or supplier to them is
 * bounded by level (0.4 kV 250 m, 10 kV 500 m, 35 kV and above 1 000 m) and reported.
 *
 * <p><b>Errors.</b> Bad input throws {@link parkgrid.feature.ParkGridException} (invalid input) naming the parameter
 * ({@code radius}, {@code suppliers}, {@code lines} …); exceeding an analysis deadline throws
 * {@code ParkGridException} (time limit exceeded). Parameters are the analysis's own input names, not the
 * request's JSON paths (the api renames them). Null or missing property values never
 * throw: they are reported (unknown population, no supply class …).
 *
 * <p><b>Threads.</b> Analyses are single-threaded objects (lazy {@code compute()}); their results and
 * {@link parkgrid.analysis.LineNetwork} are immutable. {@link parkgrid.geo.MetricProjection} is not
 * thread-safe (proj4j transforms keep state): one instance per analysis run.
 *
 * <p><b>Rule tables.</b> Supply radii are rules of thumb labelled with their confidence ([R]: commonly
 * quoted, not checked against the standard's text); users may replace them.
 */
package parkgrid.analysis;
