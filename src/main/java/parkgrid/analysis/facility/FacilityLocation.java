package parkgrid.analysis.facility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import parkgrid.analysis.CoverageSets;
import parkgrid.analysis.NetworkScope;
import parkgrid.analysis.NetworkSummary;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

/**
 * New-facility placement as a maximal covering location problem (Church and ReVelle 1974): choose {@code p}
 * of the candidate sites so that the demand weight (population, households, load — a demand property, or 1
 * per demand) newly covered — within a candidate's radius and not already within an existing supplier's — is
 * largest.
 *
 * <p>Reach is straight-line: metres on the WGS84 ellipsoid between the EPSG:4326 geometries, against each
 * supplier's radius under a {@link RadiusPolicy} (constant, per supplier property, or the DL/T 5729 table by
 * the demand's supply-area class), computed by {@link CoverageSets} — the same distances and radii the coverage
 * process uses; or, with {@link #alongNetwork}, along the lines of the assessed voltage level as the coverage
 * process's network mode measures it. The coverage matrix is built once; demands
 * already covered or reached by no candidate leave the model, and demands with equal coverage sets are merged.
 *
 * <p>Solvers ({@link SolverChoice}): greedy ({@link GreedyCoverSolver}, with its bound), exact
 * ({@link ScipCoverSolver} by default, {@link LpGuidedScipSolver} or {@link CpSatCoverSolver} ({@link ExactEngine}); started from the greedy choice
 * improved by {@link SwapLocalSearch}, stopped at the time limit with its best choice and
 * bound), or both with the gap between them. Models with more than {@link #DEFAULT_MAX_EXACT_PAIRS}
 * (demand group, site) pairs are not given to the exact solver: the greedy choice is the answer, with its bound.
 * The chosen sites are ranked greedily among themselves (what each adds to those before it).
 */
public final class FacilityLocation {
    /** Above this many (demand group, site) pairs the exact model is not built (memory and time). */
    public static final long DEFAULT_MAX_EXACT_PAIRS = 2_000_000;

    private final List<Feature> candidates;
    private final List<Feature> demands;
    private final List<Feature> existing;
    private final RadiusPolicy candidateRadius;
    private final RadiusPolicy existingRadius;
    private String weightProperty;
    private int p = 1;
    private SolverChoice solvers = SolverChoice.BOTH;
    private double timeLimitSeconds = 10;
    private int workers = 1;
    private ExactEngine engine = ExactEngine.SCIP;
    private Instant deadline;
    private long maxExactPairs = DEFAULT_MAX_EXACT_PAIRS;
    private List<Feature> lines;
    private NetworkScope scope;
    private FacilityLocationResult result;
    private NetworkSummary network;

    /**
     * @param candidates      candidate sites, EPSG:4326, non-empty geometries
     * @param demands         demand features, EPSG:4326
     * @param existing        existing suppliers, EPSG:4326 (may be empty: nothing is covered yet)
     * @param candidateRadius how far a new site reaches
     * @param existingRadius  how far an existing supplier reaches
     */
    public FacilityLocation(List<Feature> candidates, List<Feature> demands, List<Feature> existing,
                            RadiusPolicy candidateRadius, RadiusPolicy existingRadius) {
        this.candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
        this.demands = List.copyOf(Objects.requireNonNull(demands, "demands"));
        this.existing = List.copyOf(Objects.requireNonNull(existing, "existing"));
        this.candidateRadius = Objects.requireNonNull(candidateRadius, "candidateRadius");
        this.existingRadius = Objects.requireNonNull(existingRadius, "existingRadius");
    }

    /** Sites to choose, 1 … candidates. */
    public FacilityLocation sites(int count) { this.p = count; return this; }

    /** Demand property holding the weight; null: every demand weighs 1. */
    public FacilityLocation weightProperty(String property) { this.weightProperty = property; return this; }

    public FacilityLocation solvers(SolverChoice choice) { this.solvers = Objects.requireNonNull(choice, "solver"); return this; }

    /** Longest exact solve, seconds (the deadline may cut it shorter). */
    public FacilityLocation timeLimitSeconds(double seconds) { this.timeLimitSeconds = seconds; return this; }

    /** CP-SAT workers (1: deterministic). */
    public FacilityLocation workers(int count) { this.workers = count; return this; }

    /** Which exact solver runs (default SCIP: measured fastest, bench/README.md). */
    public FacilityLocation exactEngine(ExactEngine choice) { this.engine = Objects.requireNonNull(choice, "exact_solver"); return this; }

    /** When the whole answer is due, or null. */
    public FacilityLocation deadline(Instant limit) { this.deadline = limit; return this; }

    /**
     * Reach along the line network (the lines of the assessed level, {@link NetworkScope}) instead of straight-line,
     * for existing suppliers and candidates alike; candidates must be points.
     */
    public FacilityLocation alongNetwork(List<Feature> lineFeatures, NetworkScope networkScope) {
        this.lines = List.copyOf(lineFeatures);
        this.scope = networkScope;
        return this;
    }

    /** Largest model given to the exact solver, in candidate–demand pairs. */
    public FacilityLocation maxExactPairs(long pairs) { this.maxExactPairs = pairs; return this; }

    /**
     * Computes once.
     *
     * @throws ParkGridException (invalid input) naming {@code p} (≤ 0, more than the candidates), {@code candidates}
     *                           (none), {@code weight_property} (a value that is not a non-negative number),
     *                           {@code time_limit_s} (≤ 0); (time limit) past the deadline; (unavailable) naming
     *                           {@code solver} when the exact solver cannot load
     */
    public FacilityLocationResult getResult() {
        if (result != null) return result;
        if (candidates.isEmpty()) throw ParkGridException.invalidParameter("candidates", "there are no candidate sites");
        if (p < 1) throw ParkGridException.invalidParameter("p", "p must be at least 1, got " + p);
        if (p > candidates.size()) {
            throw ParkGridException.invalidParameter("p", "p = " + p + " is more than the " + candidates.size() + " candidate sites");
        }
        if (!(timeLimitSeconds > 0)) throw ParkGridException.invalidParameter("time_limit_s", "time limit must be more than 0 s, got " + timeLimitSeconds);
        int n = demands.size();
        double[] weight = new double[n];
        int unknown = readWeights(weight);
        boolean[] before = new boolean[n];
        int[][] byExisting = sets(existing, existingRadius).reachingSuppliers();
        for (int i = 0; i < n; i++) before[i] = byExisting[i].length > 0;
        CoverageSets candidateSets = sets(candidates, candidateRadius);
        int[][] reaching = candidateSets.reachingSuppliers();
        network = candidateSets.networkSummary();
        int[] groupOf = new int[n];
        CoveringInstance instance = CoveringInstance.of(candidates.size(), p, weight, reaching, before, groupOf);

        CoverSolution greedy = new GreedyCoverSolver().solve(instance, deadline);
        CoverSolution exact = null;
        String skipped = null;
        if (solvers != SolverChoice.GREEDY) {
            if (instance.pairCount() > maxExactPairs) {
                skipped = "the model has " + instance.pairCount() + " (demand group, site) pairs, more than the " + maxExactPairs
                        + " the exact solver is given; the greedy choice is the answer";
            } else if (greedy.status() == SolveStatus.OPTIMAL) {
                // its bound already proves it: nothing for CP-SAT to find
                exact = new CoverSolution("greedy (proven optimal by its bound)", greedy.sites(), greedy.objective(), greedy.bound(),
                        SolveStatus.OPTIMAL, 0, null);
            } else {
                // the exact solver starts from the greedy choice improved by swaps (a better incumbent prunes more)
                int[] start = SwapLocalSearch.improve(instance, greedy.sites(), deadline);
                CoverSolver solver = switch (engine) {
                    case SCIP -> new ScipCoverSolver(timeLimitSeconds, start);
                    case SCIP_LP -> new LpGuidedScipSolver(timeLimitSeconds, start, ScipCoverSolver.SCIP_PARAMETERS);
                    case CP_SAT -> new CpSatCoverSolver(timeLimitSeconds, workers, start);
                };
                exact = solver.solve(instance, deadline);
            }
        }
        CoverSolution answer = greedy;
        if (exact != null) {
            // both bounds are valid: the tighter one holds for either choice; CP-SAT may stop (time limit) below greedy
            double bound = Math.min(exact.bound(), greedy.bound());
            CoverSolution better = exact.objective() >= greedy.objective() ? exact : greedy;
            SolveStatus status = better.objective() >= bound * (1 - 1e-12) ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
            String note = better == greedy && exact.objective() < greedy.objective()
                    ? "the exact solver stopped below the greedy choice (" + exact.note() + "); the greedy choice is the answer" : exact.note();
            exact = new CoverSolution(exact.solver(), exact.sites(), exact.objective(), Math.max(bound, exact.objective()),
                    exact.objective() >= bound * (1 - 1e-12) ? SolveStatus.OPTIMAL : exact.status(), exact.seconds(), exact.note());
            answer = new CoverSolution(better.solver(), better.sites(), better.objective(), Math.max(bound, better.objective()), status,
                    better.seconds(), note);
        }
        result = report(instance, answer, solvers == SolverChoice.EXACT && exact != null ? null : greedy, exact, skipped,
                weight, unknown, before, reaching, groupOf);
        return result;
    }

    private CoverageSets sets(List<Feature> suppliers, RadiusPolicy radius) {
        CoverageSets sets = new CoverageSets(suppliers, demands, radius, deadline);
        return lines == null ? sets : sets.alongNetwork(lines, scope);
    }

    private int readWeights(double[] weight) {
        int unknown = 0;
        for (int i = 0; i < weight.length; i++) {
            if (weightProperty == null) {
                weight[i] = 1;
                continue;
            }
            Feature f = demands.get(i);
            Object v = f.properties().get(weightProperty);
            if (v == null) {
                unknown++;
                continue;
            }
            if (!(v instanceof Number num)) {
                throw ParkGridException.invalidParameter("weight_property", "demand " + f.id() + " has " + weightProperty + " = \""
                        + v + "\", not a number");
            }
            double w = num.doubleValue();
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw ParkGridException.invalidParameter("weight_property", "demand " + f.id() + " has " + weightProperty + " = "
                        + v + "; a weight must be a number ≥ 0");
            }
            weight[i] = w;
        }
        return unknown;
    }

    private FacilityLocationResult report(CoveringInstance in, CoverSolution answer, CoverSolution greedy, CoverSolution exact,
                                          String skipped, double[] weight, int unknown, boolean[] before, int[][] reaching,
                                          int[] groupOf) {
        int n = demands.size();
        int[] ranked = rankWithin(in, answer.sites());
        boolean[] groupCovered = new boolean[in.groupCount()];
        int[] groupRank = new int[in.groupCount()];
        List<ChosenSite> sites = new ArrayList<>();
        for (int r = 0; r < ranked.length; r++) {
            int j = ranked[r];
            double w = 0;
            int count = 0;
            for (int g : in.groupsOf(j)) {
                if (groupCovered[g]) continue;
                groupCovered[g] = true;
                groupRank[g] = r + 1;
                w += in.weight(g);
                count += in.count(g);
            }
            int reach = 0;
            for (int g : in.groupsOf(j)) reach += in.count(g);
            sites.add(new ChosenSite(r + 1, j, candidates.get(j), w, count, reach));
        }
        int[] newlyBy = new int[n];
        int coveredBefore = 0, coveredAfter = 0, reachable = 0;
        double total = 0, wBefore = 0, wAfter = 0;
        for (int i = 0; i < n; i++) {
            total += weight[i];
            if (before[i]) {
                coveredBefore++;
                wBefore += weight[i];
            } else if (reaching[i].length > 0) {
                reachable++;
            }
            int g = groupOf[i];
            newlyBy[i] = g >= 0 && groupCovered[g] ? groupRank[g] : 0;
            if (before[i] || newlyBy[i] > 0) {
                coveredAfter++;
                wAfter += weight[i];
            }
        }
        return new FacilityLocationResult(sites, answer, greedy, exact, skipped, n, total, unknown, coveredBefore, wBefore,
                coveredAfter, wAfter, reachable, newlyBy, before, candidates.size(), in.pairCount(), in.groupCount(),
                candidateRadius.describe(), existingRadius.describe(), OrToolsNatives.loadSeconds(), network);
    }

    /** The sites in greedy order among themselves: each next one adds the most to those before (ties: lower index). */
    static int[] rankWithin(CoveringInstance in, int[] sites) {
        boolean[] covered = new boolean[in.groupCount()];
        boolean[] used = new boolean[sites.length];
        int[] out = new int[sites.length];
        for (int r = 0; r < sites.length; r++) {
            int best = -1;
            double bestGain = -1;
            for (int k = 0; k < sites.length; k++) {
                if (used[k]) continue;
                double gain = 0;
                for (int g : in.groupsOf(sites[k])) if (!covered[g]) gain += in.weight(g);
                if (gain > bestGain || (gain == bestGain && sites[k] < sites[best])) {
                    best = k;
                    bestGain = gain;
                }
            }
            used[best] = true;
            out[r] = sites[best];
            for (int g : in.groupsOf(sites[best])) covered[g] = true;
        }
        return out;
    }
}
