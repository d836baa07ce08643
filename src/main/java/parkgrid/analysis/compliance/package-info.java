/**
 * Site compliance review (选址合规审查): a project boundary against the territorial control lines
 * (三区三线: 永久基本农田 permanent basic farmland, 生态保护红线 ecological protection red line, 城镇开发边界 urban
 * development boundary) and any other polygon layer, e.g. land-use survey polygons by class.
 *
 * <p>{@link parkgrid.analysis.compliance.ComplianceReview} takes the boundary (lon/lat) and a list of
 * {@link parkgrid.analysis.compliance.ControlLayer}s, each with its {@link parkgrid.analysis.compliance.ControlRule}
 * (avoid / lie inside), class property and tolerance as data, and gives the overlap per layer and class with
 * ellipsoidal areas ({@link parkgrid.geo.EllipsoidalArea}, GeographicLib) in m², 亩 (m² ÷ 666.667, i.e. 1 亩 =
 * 10 000/15 m²) and 公顷 (m² ÷ 10 000), a Chinese and English conclusion per layer and overall. Pure: no store,
 * no HTTP; the process adapter is {@link parkgrid.process.ComplianceProcess}, the reports are in
 * {@link parkgrid.report}.
 */
package parkgrid.analysis.compliance;
