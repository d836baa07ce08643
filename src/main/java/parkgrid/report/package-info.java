/**
 * Reports of analyses for download: the site compliance review as GeoJSON with a summary
 * ({@link parkgrid.report.ComplianceGeoJson}), PDF with a map figure and tables ({@link parkgrid.report.CompliancePdf},
 * PDFBox, Chinese in an embedded TrueType CJK font found by {@link parkgrid.report.CjkFont}:
 * {@code PARKGRID_CJK_FONT} or the known system paths) and xlsx ({@link parkgrid.report.ComplianceXlsx}, Apache POI).
 * The PDF and the xlsx share their table rows.
 */
package parkgrid.report;
