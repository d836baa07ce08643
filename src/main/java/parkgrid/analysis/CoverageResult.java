package parkgrid.analysis;

import java.util.List;

/**
 * Everything a {@link CoverageAnalysis} produces.
 *
 * @param summary      totals and settings
 * @param demands      one result per demand feature, in input order
 * @param uncoveredIds ids of demands not covered, in input order
 * @param coveredAreas covered area per supply-area class (one entry when the radius is class-independent)
 */
public record CoverageResult(CoverageSummary summary, List<DemandResult> demands, List<Long> uncoveredIds,
                             List<CoverageArea> coveredAreas) {
    public CoverageResult {
        demands = List.copyOf(demands);
        uncoveredIds = List.copyOf(uncoveredIds);
        coveredAreas = List.copyOf(coveredAreas);
    }
}
