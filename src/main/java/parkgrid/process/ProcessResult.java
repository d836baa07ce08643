package parkgrid.process;

/**
 * The answer of one execution, in memory, for the api's response writers: {@link FeatureHits},
 * {@link CoverageAnswer}, {@link SupplyRadiusAnswer} or {@link SitingAnswer}. A process with a new kind of answer adds a record
 * here and its writer in the api.
 */
public interface ProcessResult {}
