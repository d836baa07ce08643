package parkgrid.analysis.facility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parkgrid.feature.ParkGridException;

/**
 * A maximal covering location problem, combinatorial part only: choose exactly {@code p} of
 * {@code siteCount} candidate sites so that the demand weight lying in the coverage set of at least one chosen
 * site is largest. Demands with the same coverage set are merged into one <em>group</em> (their weights and
 * counts add up); demands no candidate reaches, or already covered, are left out by the caller. Immutable.
 */
public final class CoveringInstance {
    private final int siteCount;
    private final int p;
    private final double[] weight;
    private final int[] count;
    private final int[][] sitesOf;
    private final int[][] groupsOf;

    /**
     * @param siteCount candidate sites, ≥ 1
     * @param p         sites to choose, 1 ≤ p ≤ siteCount
     * @param weight    each group's demand weight, ≥ 0 and finite
     * @param count     each group's number of demand features
     * @param sitesOf   each group's coverage set: candidate indexes 0 … siteCount − 1 (ascending, not empty)
     * @throws ParkGridException (invalid input) naming {@code p} when p is out of range
     * @throws IllegalArgumentException for inconsistent arrays
     */
    public CoveringInstance(int siteCount, int p, double[] weight, int[] count, int[][] sitesOf) {
        if (siteCount < 1) throw ParkGridException.invalidParameter("candidates", "there are no candidate sites");
        if (p < 1) throw ParkGridException.invalidParameter("p", "p must be at least 1, got " + p);
        if (p > siteCount) {
            throw ParkGridException.invalidParameter("p", "p = " + p + " is more than the " + siteCount + " candidate sites");
        }
        if (weight.length != sitesOf.length || count.length != sitesOf.length) throw new IllegalArgumentException("one weight, count and set per group");
        this.siteCount = siteCount;
        this.p = p;
        this.weight = weight.clone();
        this.count = count.clone();
        this.sitesOf = new int[sitesOf.length][];
        int[] degree = new int[siteCount];
        for (int g = 0; g < sitesOf.length; g++) {
            if (!(weight[g] >= 0) || Double.isInfinite(weight[g])) throw new IllegalArgumentException("weight " + weight[g] + " of group " + g);
            this.sitesOf[g] = sitesOf[g].clone();
            for (int j : sitesOf[g]) {
                if (j < 0 || j >= siteCount) throw new IllegalArgumentException("site " + j + " of group " + g + " is not a candidate");
                degree[j]++;
            }
        }
        groupsOf = new int[siteCount][];
        for (int j = 0; j < siteCount; j++) groupsOf[j] = new int[degree[j]];
        int[] fill = new int[siteCount];
        for (int g = 0; g < sitesOf.length; g++) for (int j : sitesOf[g]) groupsOf[j][fill[j]++] = g;
    }

    /**
     * Groups the demands that matter: for demand {@code i}, {@code reaching[i]} are the candidates that reach it;
     * demands with {@code skip[i]} (already covered) or an empty set are left out, equal sets merged.
     *
     * @param groupOfDemand filled with each demand's group, −1 when left out
     */
    public static CoveringInstance of(int siteCount, int p, double[] demandWeight, int[][] reaching, boolean[] skip, int[] groupOfDemand) {
        Map<List<Integer>, Integer> index = new HashMap<>();
        List<int[]> sets = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < reaching.length; i++) {
            if (skip[i] || reaching[i].length == 0) {
                groupOfDemand[i] = -1;
                continue;
            }
            List<Integer> key = Arrays.stream(reaching[i]).boxed().toList();
            Integer g = index.get(key);
            if (g == null) {
                g = sets.size();
                index.put(key, g);
                sets.add(reaching[i]);
                weights.add(0.0);
                counts.add(0);
            }
            weights.set(g, weights.get(g) + demandWeight[i]);
            counts.set(g, counts.get(g) + 1);
            groupOfDemand[i] = g;
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        int[] c = counts.stream().mapToInt(Integer::intValue).toArray();
        return new CoveringInstance(siteCount, p, w, c, sets.toArray(new int[0][]));
    }

    public int siteCount() { return siteCount; }

    public int p() { return p; }

    public int groupCount() { return weight.length; }

    public double weight(int group) { return weight[group]; }

    public int count(int group) { return count[group]; }

    /** Candidates reaching the group (do not modify). */
    int[] sitesOf(int group) { return sitesOf[group]; }

    /** Groups the candidate reaches (do not modify). */
    int[] groupsOf(int site) { return groupsOf[site]; }

    /** Number of (group, site) pairs: the size of the model. */
    public long pairCount() {
        long n = 0;
        for (int[] s : sitesOf) n += s.length;
        return n;
    }

    /** Weight covered by the sites (indexes; duplicates count once). */
    public double coveredWeight(int[] sites) {
        boolean[] chosen = new boolean[siteCount];
        for (int j : sites) chosen[j] = true;
        double w = 0;
        for (int g = 0; g < sitesOf.length; g++) {
            for (int j : sitesOf[g]) {
                if (chosen[j]) {
                    w += weight[g];
                    break;
                }
            }
        }
        return w;
    }

    /** Total weight of all groups: no choice covers more. */
    public double totalWeight() {
        double w = 0;
        for (double x : weight) w += x;
        return w;
    }
}
