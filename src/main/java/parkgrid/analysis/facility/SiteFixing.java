package parkgrid.analysis.facility;

/** Sites that can be fixed before the exact search without losing the optimum (each rule proven below). */
final class SiteFixing {
    private SiteFixing() {}

    /**
     * Reduced-cost fixing. With {@link RootLp}'s valid bound {@code U} and duals, every choice taking site j covers at
     * most {@code lp.boundWith(j)} and every choice leaving it out at most {@code lp.boundWithout(j)} (proof in
     * {@link RootLp}). An incumbent covering {@code incumbent} exists, so the optimum covers at least that much: when
     * {@code boundWith(j) < incumbent} (less the rounding margin) no optimal choice takes j, and j is marked
     * {@code off}; when {@code boundWithout(j) < incumbent} every optimal choice takes j, and j is marked {@code on}.
     * Holds for the full problem (every integral choice is feasible for the LP), not just for the LP. The incumbent
     * itself meets every fix (its value is {@code incumbent}).
     *
     * @return the number of sites fixed (marks are added to {@code off} / {@code on})
     */
    static int byReducedCost(CoveringInstance in, RootLp lp, double incumbent, boolean[] off, boolean[] on) {
        double cut = incumbent - lp.roundingMargin();
        int fixed = 0;
        for (int j = 0; j < in.siteCount(); j++) {
            if (off[j] || on[j]) continue;
            if (lp.boundWith(j) < cut) {
                off[j] = true;
                fixed++;
            } else if (lp.boundWithout(j) < cut) {
                on[j] = true;
                fixed++;
            }
        }
        return fixed;
    }

    /**
     * Site dominance: site a is marked {@code off} when another site b covers every group a covers (a strict superset,
     * or the same set and b has the lower index). Valid because weights are ≥ 0, so covering more is never worse: in an
     * optimal choice holding a removed site a, follow a's dominators (each step a strict superset or the same set at a
     * lower index, so the chain ends) to a kept site c ⊇ a; if c is not chosen, choose c instead of a; if it is, a adds
     * nothing beyond c and any unchosen kept site may replace it. Neither swap loses weight and each removes one
     * removed site from the choice, so some optimal choice uses kept sites only — provided at least p sites are kept,
     * else nothing is marked.
     *
     * @return the number of sites marked
     */
    static int dominated(CoveringInstance in, boolean[] off) {
        int n = in.siteCount();
        boolean[] mark = new boolean[n];
        int count = 0;
        for (int a = 0; a < n; a++) {
            int[] ga = in.groupsOf(a);
            for (int b = 0; b < n && !mark[a]; b++) {
                if (b == a) continue;
                int[] gb = in.groupsOf(b);
                if (gb.length < ga.length || (gb.length == ga.length && b > a)) continue;
                if (subset(ga, gb)) mark[a] = true;
            }
            if (mark[a]) count++;
        }
        if (n - count < in.p()) return 0;
        int added = 0;
        for (int j = 0; j < n; j++) {
            if (mark[j] && !off[j]) {
                off[j] = true;
                added++;
            }
        }
        return added;
    }

    /** Both ascending. */
    private static boolean subset(int[] small, int[] large) {
        int k = 0;
        for (int g : small) {
            while (k < large.length && large[k] < g) k++;
            if (k == large.length || large[k] != g) return false;
            k++;
        }
        return true;
    }
}
