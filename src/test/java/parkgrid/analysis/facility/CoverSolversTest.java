package parkgrid.analysis.facility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import parkgrid.feature.ParkGridException;

/**
 * The greedy and CP-SAT solvers against brute force over all p-subsets (an independent formulation) on seeded
 * random instances, and on hand-made instances with known answers. No deadline and a time limit far above what
 * the instances need, so nothing here depends on the wall clock; CP-SAT runs with one worker (deterministic).
 */
class CoverSolversTest {
    private static final double NO_LIMIT_SECONDS = 600;

    private static CoverSolution exact(CoveringInstance in) {
        return new CpSatCoverSolver(NO_LIMIT_SECONDS, 1, null).solve(in, null);
    }

    /** The best covered weight over all p-subsets, by enumeration. */
    static double bruteForce(CoveringInstance in) {
        double[] best = {-1};
        eachChoice(in, pick -> best[0] = Math.max(best[0], in.coveredWeight(pick)));
        return best[0];
    }

    static CoveringInstance random(Random rnd, boolean fractional) {
        int sites = 3 + rnd.nextInt(9);
        int groups = 4 + rnd.nextInt(30);
        int p = 1 + rnd.nextInt(Math.min(4, sites));
        double[] w = new double[groups];
        int[] count = new int[groups];
        int[][] sets = new int[groups][];
        for (int g = 0; g < groups; g++) {
            w[g] = fractional ? Math.round(rnd.nextDouble() * 50_000) / 1000.0 : 1 + rnd.nextInt(100);
            count[g] = 1;
            List<Integer> s = new ArrayList<>();
            for (int j = 0; j < sites; j++) if (rnd.nextDouble() < 0.25) s.add(j);
            if (s.isEmpty()) s.add(rnd.nextInt(sites));
            sets[g] = s.stream().mapToInt(Integer::intValue).toArray();
        }
        return new CoveringInstance(sites, p, w, count, sets);
    }

    @Test
    void exactEqualsBruteForceAndIsNeverBelowGreedyOnSeededRandomInstances() {
        Random rnd = new Random(20261202);
        int greedyShort = 0;
        for (int t = 0; t < 150; t++) {
            CoveringInstance in = random(rnd, t % 3 == 2);
            double brute = bruteForce(in);
            CoverSolution x = exact(in);
            CoverSolution g = new GreedyCoverSolver().solve(in, null);
            String what = "instance " + t + ": " + in.siteCount() + " sites, p " + in.p() + ", " + in.groupCount() + " groups";
            assertEquals(brute, x.objective(), 1e-9, what);
            assertEquals(SolveStatus.OPTIMAL, x.status(), what);
            assertEquals(in.p(), x.sites().length, what);
            assertEquals(in.p(), Arrays.stream(x.sites()).distinct().count(), what);
            assertTrue(x.objective() >= g.objective() - 1e-9, what);
            assertTrue(g.bound() >= brute - 1e-9, "greedy's bound is an upper bound, " + what);
            if (g.objective() < brute - 1e-9) greedyShort++;
        }
        assertTrue(greedyShort > 0, "the random instances include some where greedy is not optimal");
    }

    @Test
    void scipEqualsBruteForceOnTheSameInstancesWithFractionalWeightsAsTheyAre() {
        Random rnd = new Random(20261202);
        for (int t = 0; t < 150; t++) {
            CoveringInstance in = random(rnd, t % 3 == 2);
            double brute = bruteForce(in);
            CoverSolution x = new ScipCoverSolver(NO_LIMIT_SECONDS, null).solve(in, null);
            String what = "instance " + t + ": " + in.siteCount() + " sites, p " + in.p() + ", " + in.groupCount() + " groups";
            assertEquals(brute, x.objective(), 1e-6 * Math.max(1, brute), what);
            assertEquals(SolveStatus.OPTIMAL, x.status(), what);
            assertEquals(in.p(), Arrays.stream(x.sites()).distinct().count(), what);
            assertTrue(x.bound() >= brute - 1e-6 * Math.max(1, brute), what);
        }
    }

    @Test
    void swapsNeverLoseAndScipFromTheSwappedChoiceStillEqualsBruteForce() {
        Random rnd = new Random(20261203);
        int improved = 0;
        for (int t = 0; t < 150; t++) {
            CoveringInstance in = random(rnd, t % 3 == 2);
            double brute = bruteForce(in);
            CoverSolution g = new GreedyCoverSolver().solve(in, null);
            int[] swapped = SwapLocalSearch.improve(in, g.sites(), null);
            String what = "instance " + t + ": " + in.siteCount() + " sites, p " + in.p() + ", " + in.groupCount() + " groups";
            assertEquals(in.p(), Arrays.stream(swapped).distinct().count(), what);
            assertTrue(in.coveredWeight(swapped) >= g.objective() - 1e-9, what);
            assertTrue(in.coveredWeight(swapped) <= brute + 1e-9, what);
            if (in.coveredWeight(swapped) > g.objective() + 1e-9) improved++;
            // the complete hint (x and y) is a feasible start; the optimum must not depend on it
            CoverSolution x = new ScipCoverSolver(NO_LIMIT_SECONDS, swapped).solve(in, null);
            assertEquals(brute, x.objective(), 1e-6 * Math.max(1, brute), what);
            assertEquals(SolveStatus.OPTIMAL, x.status(), what);
            assertEquals(in.p(), Arrays.stream(x.sites()).distinct().count(), what);
        }
        assertTrue(improved > 0, "some instances where swaps improve on greedy");
    }

    @Test
    void aSwapTakesTheTwoSidesGreedyMisses() {
        // greedy takes the centre (5) and one side (7 in all); swapping the centre for the other side gives 8
        CoveringInstance in = new CoveringInstance(3, 2, new double[] {2, 2, 2, 2, 1}, new int[] {1, 1, 1, 1, 1},
                new int[][] {{1}, {0, 1}, {0, 2}, {2}, {0}});
        int[] s = SwapLocalSearch.improve(in, new GreedyCoverSolver().solve(in, null).sites(), null);
        Arrays.sort(s);
        assertArrayEquals(new int[] {1, 2}, s);
        assertEquals(8, in.coveredWeight(s), 0);
    }

    @Test
    void probeInstanceHasOptimum180AtSitesOneAndThree() {
        // six demand points, four sites, p = 2 (the dependency probe's instance)
        CoveringInstance in = new CoveringInstance(4, 2, new double[] {50, 30, 20, 40, 10, 60}, new int[] {1, 1, 1, 1, 1, 1},
                new int[][] {{0, 1}, {1}, {2}, {2, 3}, {0}, {3}});
        CoverSolution x = exact(in);
        assertEquals(180, x.objective(), 0);
        int[] s = x.sites();
        Arrays.sort(s);
        assertArrayEquals(new int[] {1, 3}, s);
        assertEquals("optimal", x.statusText());
    }

    @Test
    void greedyTakesTheCentreAndMissesTheTwoSidesThatCoverMore() {
        // e1..e4 weigh 2, e5 weighs 1; site 0 = {e2, e3, e5} (5), site 1 = {e1, e2} (4), site 2 = {e3, e4} (4)
        CoveringInstance in = new CoveringInstance(3, 2, new double[] {2, 2, 2, 2, 1}, new int[] {1, 1, 1, 1, 1},
                new int[][] {{1}, {0, 1}, {0, 2}, {2}, {0}});
        CoverSolution g = new GreedyCoverSolver().solve(in, null);
        assertEquals(7, g.objective(), 0);
        assertEquals(0, g.sites()[0], "greedy starts at the centre");
        assertEquals(SolveStatus.FEASIBLE, g.status());
        CoverSolution x = exact(in);
        assertEquals(8, x.objective(), 0);
        int[] s = x.sites();
        Arrays.sort(s);
        assertArrayEquals(new int[] {1, 2}, s);
        assertEquals(1.0 / 8, (x.objective() - g.objective()) / x.objective(), 1e-12);
    }

    @Test
    void disjointSitesAreProvenOptimalByTheGreedyBoundAlone() {
        CoveringInstance in = new CoveringInstance(3, 2, new double[] {5, 3, 1}, new int[] {2, 1, 1}, new int[][] {{0}, {1}, {2}});
        CoverSolution g = new GreedyCoverSolver().solve(in, null);
        assertEquals(8, g.objective(), 0);
        assertEquals(SolveStatus.OPTIMAL, g.status(), "the two best single sites together are a bound the choice meets");
    }

    @Test
    void fractionalWeightsAreSolvedOnTheirThousandths() {
        CoveringInstance in = new CoveringInstance(3, 1, new double[] {0.4, 0.35, 0.3}, new int[] {1, 1, 1}, new int[][] {{0}, {1, 2}, {1, 2}});
        CoverSolution x = exact(in);
        assertEquals(0.65, x.objective(), 1e-12);
        assertEquals(1, x.sites().length);
        assertTrue(x.sites()[0] == 1 || x.sites()[0] == 2);
    }

    @Test
    void pOutsideOneToTheCandidateCountIsInvalidInputNamingP() {
        ParkGridException zero = assertThrows(ParkGridException.InvalidInput.class,
                () -> new CoveringInstance(3, 0, new double[0], new int[0], new int[0][]));
        assertEquals("p", zero.parameter());
        ParkGridException over = assertThrows(ParkGridException.InvalidInput.class,
                () -> new CoveringInstance(3, 4, new double[0], new int[0], new int[0][]));
        assertEquals("p", over.parameter());
        assertTrue(over.detail().contains("3 candidate sites"), over.detail());
    }

    @Test
    void equalCoverageSetsAreMergedAndCoveredOrUnreachedDemandsLeftOut() {
        int[] groupOf = new int[5];
        CoveringInstance in = CoveringInstance.of(3, 1, new double[] {1, 2, 4, 8, 16},
                new int[][] {{0, 2}, {0, 2}, {1}, {}, {1}}, new boolean[] {false, false, false, false, true}, groupOf);
        assertEquals(2, in.groupCount());
        assertArrayEquals(new int[] {0, 0, 1, -1, -1}, groupOf);
        assertEquals(3, in.weight(0), 0);
        assertEquals(2, in.count(0));
        assertEquals(4, in.weight(1), 0);
    }

    /** Every p-subset, as a callback (brute force for the reductions). */
    static void eachChoice(CoveringInstance in, java.util.function.Consumer<int[]> each) {
        int n = in.siteCount(), p = in.p();
        int[] pick = new int[p];
        for (int k = 0; k < p; k++) pick[k] = k;
        while (true) {
            each.accept(pick.clone());
            int k = p - 1;
            while (k >= 0 && pick[k] == n - p + k) k--;
            if (k < 0) return;
            pick[k]++;
            for (int q = k + 1; q < p; q++) pick[q] = pick[q - 1] + 1;
        }
    }

    @Test
    void glopBoundAndReducedCostBoundsHoldForEveryChoiceAndFixingKeepsEveryOptimum() {
        Random rnd = new Random(20261204);
        int fixedOff = 0, fixedOn = 0;
        for (int t = 0; t < 150; t++) {
            CoveringInstance in = random(rnd, t % 3 == 2);
            String what = "instance " + t + ": " + in.siteCount() + " sites, p " + in.p() + ", " + in.groupCount() + " groups";
            RootLp lp = RootLp.solve(in);
            double brute = bruteForce(in);
            assertTrue(lp.bound() >= brute - 1e-9, what);
            // the per-site caps hold for every choice, not only the optimum
            eachChoice(in, pick -> {
                double v = in.coveredWeight(pick);
                boolean[] in1 = new boolean[in.siteCount()];
                for (int j : pick) in1[j] = true;
                for (int j = 0; j < in.siteCount(); j++) {
                    double cap = in1[j] ? lp.boundWith(j) : lp.boundWithout(j);
                    assertTrue(v <= cap + lp.roundingMargin(), what + ", site " + j + ": " + v + " > " + cap);
                }
            });
            // fixing against the greedy value (≤ optimum): every choice worth at least that meets the fixes
            double incumbent = new GreedyCoverSolver().solve(in, null).objective();
            boolean[] off = new boolean[in.siteCount()], on = new boolean[in.siteCount()];
            SiteFixing.byReducedCost(in, lp, incumbent, off, on);
            for (int j = 0; j < in.siteCount(); j++) {
                if (off[j]) fixedOff++;
                if (on[j]) fixedOn++;
            }
            eachChoice(in, pick -> {
                if (in.coveredWeight(pick) < incumbent) return;
                boolean[] chosen = new boolean[in.siteCount()];
                for (int j : pick) chosen[j] = true;
                for (int j = 0; j < in.siteCount(); j++) {
                    assertTrue(!off[j] || !chosen[j], what + ": site " + j + " fixed off but in " + Arrays.toString(pick));
                    assertTrue(!on[j] || chosen[j], what + ": site " + j + " fixed on but not in " + Arrays.toString(pick));
                }
            });
            SiteReduction r = SiteReduction.of(in, off, on);
            if (r != null) assertEquals(brute, bruteForce(r.instance()) + r.fixedWeight(), 1e-9, what);
        }
        assertTrue(fixedOff > 0 && fixedOn > 0, "the instances exercise both fixes: off " + fixedOff + ", on " + fixedOn);
    }

    @Test
    void droppingDominatedSitesKeepsTheOptimum() {
        Random rnd = new Random(20261205);
        int dropped = 0;
        for (int t = 0; t < 200; t++) {
            CoveringInstance in = random(rnd, t % 3 == 2);
            String what = "instance " + t + ": " + in.siteCount() + " sites, p " + in.p() + ", " + in.groupCount() + " groups";
            boolean[] off = new boolean[in.siteCount()];
            int k = SiteFixing.dominated(in, off);
            dropped += k;
            assertTrue(in.siteCount() - k >= in.p(), what);
            SiteReduction r = SiteReduction.of(in, off, new boolean[in.siteCount()]);
            assertEquals(bruteForce(in), bruteForce(r.instance()), 1e-9, what);
            int[] best = new ScipCoverSolver(NO_LIMIT_SECONDS, null).solve(r.instance(), null).sites();
            assertEquals(bruteForce(in), in.coveredWeight(r.expand(best)), 1e-6 * Math.max(1, bruteForce(in)), what);
        }
        assertTrue(dropped > 0, "some sites are dominated");
    }

    @Test
    void aSiteCoveringASubsetOfAnothersIsDominatedAndOfTwoEqualOnesTheLaterGoes() {
        // 甲 = {0, 1}, 乙 = {0} ⊂ 甲, 丙 = {2}, 丁 = {2} (= 丙, later index)
        CoveringInstance in = new CoveringInstance(4, 2, new double[] {3, 2, 4}, new int[] {1, 1, 1},
                new int[][] {{0, 1}, {0}, {2, 3}});
        boolean[] off = new boolean[4];
        assertEquals(2, SiteFixing.dominated(in, off));
        assertArrayEquals(new boolean[] {false, true, false, true}, off);
        // with p = 3 only two sites would be left: nothing is dropped
        CoveringInstance three = new CoveringInstance(4, 3, new double[] {3, 2, 4}, new int[] {1, 1, 1},
                new int[][] {{0, 1}, {0}, {2, 3}});
        assertEquals(0, SiteFixing.dominated(three, new boolean[4]));
    }

    @Test
    void lpGuidedScipEqualsBruteForceFromTheSwappedStart() {
        Random rnd = new Random(20261206);
        for (int t = 0; t < 150; t++) {
            CoveringInstance in = random(rnd, t % 3 == 2);
            double brute = bruteForce(in);
            int[] start = SwapLocalSearch.improve(in, new GreedyCoverSolver().solve(in, null).sites(), null);
            CoverSolution x = new LpGuidedScipSolver(NO_LIMIT_SECONDS, start, ScipCoverSolver.SCIP_PARAMETERS).solve(in, null);
            String what = "instance " + t + ": " + in.siteCount() + " sites, p " + in.p() + ", " + in.groupCount() + " groups";
            assertEquals(brute, x.objective(), 1e-6 * Math.max(1, brute), what);
            assertEquals(brute, in.coveredWeight(x.sites()), 1e-6 * Math.max(1, brute), what);
            assertEquals(SolveStatus.OPTIMAL, x.status(), what);
            assertEquals(in.p(), Arrays.stream(x.sites()).distinct().count(), what);
            assertTrue(x.bound() >= brute - 1e-6 * Math.max(1, brute), what);
        }
    }

    @Test
    void aReductionMapsItsChoiceBackWithTheFixedSites() {
        CoveringInstance in = new CoveringInstance(4, 2, new double[] {50, 30, 20, 40, 10, 60}, new int[] {1, 1, 1, 1, 1, 1},
                new int[][] {{0, 1}, {1}, {2}, {2, 3}, {0}, {3}});
        SiteReduction r = SiteReduction.of(in, new boolean[] {true, false, false, false}, new boolean[] {false, false, false, true});
        assertEquals(2, r.instance().siteCount());
        assertEquals(1, r.instance().p());
        assertEquals(100, r.fixedWeight(), 0); // site 3 covers groups 3 and 5 (40 + 60)
        assertArrayEquals(new int[] {3, 1}, r.expand(new int[] {0}));
        assertEquals(180, in.coveredWeight(r.expand(new int[] {0})), 0);
        assertArrayEquals(new int[] {0}, r.restrict(new int[] {1, 3}));
    }
}
