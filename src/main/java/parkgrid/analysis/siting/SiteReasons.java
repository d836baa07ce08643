package parkgrid.analysis.siting;

import java.util.Locale;

/**
 * The plain-words reasons of a siting answer, in English and Chinese, e.g.
 * {@code 412 m to nearest village (min 300) ✓} / {@code 距最近村庄 412 米（不少于 300 米）✓}.
 * Distances are rounded to the metre.
 */
final class SiteReasons {
    private SiteReasons() {}

    static CriterionCheck exclusion(Exclusion e, double metres) {
        String min = FeasibleArea.metres(e.bufferMetres());
        if (Double.isNaN(metres)) {
            return new CriterionCheck("exclusion", e.label(), metres, e.bufferMetres(), true, 0, Double.NaN, -1,
                    String.format(Locale.ROOT, "no %s near the study area (min %s m) ✓", e.label().en(), min),
                    String.format(Locale.ROOT, "研究区附近无%s（不少于 %s 米）✓", e.label().zh(), min));
        }
        boolean ok = metres > e.bufferMetres();
        String mark = ok ? "✓" : "✗";
        return new CriterionCheck("exclusion", e.label(), metres, e.bufferMetres(), ok, 0, Double.NaN, -1,
                String.format(Locale.ROOT, "%d m to nearest %s (min %s) %s", Math.round(metres), e.label().en(), min, mark),
                String.format(Locale.ROOT, "距最近%s %d 米（不少于 %s 米）%s", e.label().zh(), Math.round(metres), min, mark));
    }

    static CriterionCheck requirement(Requirement r, double metres) {
        String max = FeasibleArea.metres(r.withinMetres());
        boolean ok = !Double.isNaN(metres) && metres <= r.withinMetres();
        String mark = ok ? "✓" : "✗";
        if (Double.isNaN(metres)) {
            return new CriterionCheck("requirement", r.label(), metres, r.withinMetres(), false, 0, Double.NaN, -1,
                    String.format(Locale.ROOT, "no %s near the study area (max %s m) ✗", r.label().en(), max),
                    String.format(Locale.ROOT, "研究区附近无%s（不超过 %s 米）✗", r.label().zh(), max));
        }
        return new CriterionCheck("requirement", r.label(), metres, r.withinMetres(), ok, 0, Double.NaN, -1,
                String.format(Locale.ROOT, "%d m to nearest %s (max %s, whole site within) %s", Math.round(metres), r.label().en(), max, mark),
                String.format(Locale.ROOT, "距最近%s %d 米（不超过 %s 米，场址全部在范围内）%s", r.label().zh(), Math.round(metres), max, mark));
    }

    static CriterionCheck preference(Preference p, double metres, double score, int countWithinKm) {
        boolean near = p.direction() == Preference.Direction.NEAR;
        String weight = FeasibleArea.metres(p.weight());
        if (Double.isNaN(metres)) {
            return new CriterionCheck("preference", p.label(), metres, Double.NaN, true, p.weight(), score, 0,
                    String.format(Locale.ROOT, "no %s in the data (%s is better, weight %s): score 0", p.label().en(), near ? "nearer" : "farther", weight),
                    String.format(Locale.ROOT, "数据中无%s（%s，权重 %s）：得分 0", p.label().zh(), near ? "越近越好" : "越远越好", weight));
        }
        return new CriterionCheck("preference", p.label(), metres, Double.NaN, true, p.weight(), score, countWithinKm,
                String.format(Locale.ROOT, "site centre %d m from nearest %s (%s is better, weight %s): score %.2f; %d within 1 km",
                        Math.round(metres), p.label().en(), near ? "nearer" : "farther", weight, score, countWithinKm),
                String.format(Locale.ROOT, "场址中心距最近%s %d 米（%s，权重 %s）：得分 %.2f；1 公里内 %d 个",
                        p.label().zh(), Math.round(metres), near ? "越近越好" : "越远越好", weight, score, countWithinKm));
    }

    /** {English, Chinese}: why no site fits. */
    static String[] noSite(SiteSize size, Elimination most, double feasibleSquareMetres) {
        String area = FeasibleArea.metres(Math.round(size.areaSquareMetres()));
        if (most == null) {
            return new String[] {"No site of " + area + " m² fits the study area",
                    "研究区内无 " + area + " 平方米的可用场址"};
        }
        return new String[] {
            String.format(Locale.ROOT, "No site of %s m² fits (%d m² feasible): \"%s\" rules out the most, %d m² (%.1f %% of the study area)",
                    area, Math.round(feasibleSquareMetres), most.criterion(), Math.round(most.areaSquareMetres()), most.percent()),
            String.format(Locale.ROOT, "无 %s 平方米的可用场址（可用面积 %d 平方米）：条件「%s」排除面积最大，%d 平方米（占研究区 %.1f%%）",
                    area, Math.round(feasibleSquareMetres), most.criterionZh(), Math.round(most.areaSquareMetres()), most.percent())};
    }
}
