/**
 * New-facility placement: the maximal covering location problem (Church and ReVelle 1974) — choose p of the
 * candidate sites so that the most demand weight not covered by the existing suppliers lies within a new site's
 * radius.
 *
 * <p><b>Geometry.</b> {@link parkgrid.analysis.facility.FacilityLocation} builds the coverage matrix once with
 * {@link parkgrid.analysis.CoverageSets}: straight-line reach in metres on the WGS84 ellipsoid between EPSG:4326
 * geometries, with the coverage process's {@link parkgrid.analysis.RadiusPolicy} (constant, per supplier property,
 * DL/T 5729 by the demand's supply-area class), or along the line network of the assessed voltage level as the
 * coverage process's network mode measures it ({@link parkgrid.analysis.CoverageSets#alongNetwork}). Candidates are a
 * layer's features or a {@link parkgrid.analysis.facility.CandidateGrid} over a study area (metres in the area's
 * CGCS2000 3° zone).
 *
 * <p><b>Model and solvers.</b> {@link parkgrid.analysis.facility.CoveringInstance} is the combinatorial part:
 * demands already covered or reached by no candidate are left out, demands with the same coverage set merged.
 * {@link parkgrid.analysis.facility.CoverSolver}s: {@link parkgrid.analysis.facility.GreedyCoverSolver} (with
 * the bound min(total, best p single sites, greedy / (1 − (1 − 1/p)^p))) and
 * {@link parkgrid.analysis.facility.CpSatCoverSolver} (OR-Tools CP-SAT on the boolean model, started from the
 * greedy choice, stopped at the time limit with its best choice and proven bound). Each answer says
 * "optimal" or "feasible, gap x %" ({@link parkgrid.analysis.facility.SolveStatus}).
 *
 * <p><b>Natives.</b> CP-SAT is native code: {@link parkgrid.analysis.facility.OrToolsNatives} loads it once per
 * JVM on first use (2–8 s measured) and turns a failure into a {@code ParkGridException} of kind unavailable
 * naming {@code solver}; the greedy solver needs nothing native.
 *
 * <p><b>Errors.</b> Bad input is invalid input naming the analysis's own names ({@code p}, {@code candidates},
 * {@code weight_property}, {@code study_area}, {@code spacing_m}, {@code time_limit_s}); the process renames them
 * to the client's dotted paths ({@code process.InputPaths#FACILITY_LOCATION}). Past the deadline: time limit.
 */
package parkgrid.analysis.facility;
