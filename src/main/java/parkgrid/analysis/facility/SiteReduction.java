package parkgrid.analysis.facility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link CoveringInstance} with some sites fixed: {@code off} sites are left out, {@code on} sites are taken (their
 * groups are covered and leave the model, p shrinks by their number). The reduced instance numbers the free sites
 * 0 … k − 1; {@link #expand} maps a choice there back to the original sites, fixed ones included.
 */
final class SiteReduction {
    private final CoveringInstance reduced;
    private final int[] original; // reduced index → original index
    private final int[] fixedOn;
    private final double fixedWeight;
    private final int offCount;

    private SiteReduction(CoveringInstance reduced, int[] original, int[] fixedOn, double fixedWeight, int offCount) {
        this.reduced = reduced;
        this.original = original;
        this.fixedOn = fixedOn;
        this.fixedWeight = fixedWeight;
        this.offCount = offCount;
    }

    /**
     * @return the reduction, or null when nothing is left to choose (the on sites are p, or the free sites fewer than
     *         p minus them)
     */
    static SiteReduction of(CoveringInstance in, boolean[] off, boolean[] on) {
        int n = in.siteCount();
        int[] index = new int[n];
        List<Integer> free = new ArrayList<>();
        List<Integer> ons = new ArrayList<>();
        int offs = 0;
        for (int j = 0; j < n; j++) {
            index[j] = -1;
            if (on[j]) ons.add(j);
            else if (off[j]) offs++;
            else {
                index[j] = free.size();
                free.add(j);
            }
        }
        int p = in.p() - ons.size();
        if (p < 1 || free.size() < p) return null;
        boolean[] covered = new boolean[in.groupCount()];
        double fixedWeight = 0;
        for (int j : ons) for (int g : in.groupsOf(j)) covered[g] = true;
        List<int[]> sets = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int g = 0; g < in.groupCount(); g++) {
            if (covered[g]) {
                fixedWeight += in.weight(g);
                continue;
            }
            int[] s = Arrays.stream(in.sitesOf(g)).map(j -> index[j]).filter(k -> k >= 0).toArray();
            if (s.length == 0) continue; // only left-out sites reach it
            sets.add(s);
            weights.add(in.weight(g));
            counts.add(in.count(g));
        }
        CoveringInstance reduced = new CoveringInstance(free.size(), p, weights.stream().mapToDouble(Double::doubleValue).toArray(),
                counts.stream().mapToInt(Integer::intValue).toArray(), sets.toArray(new int[0][]));
        return new SiteReduction(reduced, free.stream().mapToInt(Integer::intValue).toArray(),
                ons.stream().mapToInt(Integer::intValue).toArray(), fixedWeight, offs);
    }

    CoveringInstance instance() { return reduced; }

    /** Weight the on sites cover: original value = reduced value + this. */
    double fixedWeight() { return fixedWeight; }

    int onCount() { return fixedOn.length; }

    int offCount() { return offCount; }

    /** Original sites of a reduced choice, the on sites included. */
    int[] expand(int[] reducedSites) {
        int[] out = Arrays.copyOf(fixedOn, fixedOn.length + reducedSites.length);
        for (int k = 0; k < reducedSites.length; k++) out[fixedOn.length + k] = original[reducedSites[k]];
        return out;
    }

    /** The reduced indexes of original sites; those fixed or left out are dropped. */
    int[] restrict(int[] originalSites) {
        return Arrays.stream(originalSites).map(j -> Arrays.binarySearch(original, j)).filter(k -> k >= 0).toArray();
    }
}
