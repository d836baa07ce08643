package parkgrid.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import parkgrid.feature.Feature;
import parkgrid.feature.StatedFigure;

/**
 * Rural grid upgrade progress of a village layer: villages whose {@code upgrade_status} is {@code upgraded},
 * by {@code upgrade_year}, cumulative, against the upgrade targets the layer's stated figures hold
 * (figures keyed {@value #TARGET_KEY}; Luoyang's are 350 administrative villages by 2020 and another 400
 * by 2022 — source article §3). Per year it says where the years come from ({@code upgrade_year_source}:
 * the article states none, so a year is {@code inferred} from its wording or {@code illustrative}); upgraded
 * villages whose year is not stated form a last entry with year null, so the years add up to the upgraded
 * count. It also lists the villages whose name comes from the source ({@code name_source} = {@code article}).
 */
public final class UpgradeProgress {
    /** The key of the stated figures that are village upgrade targets. */
    public static final String TARGET_KEY = "village_upgrade_target";

    /**
     * A target as stated ({@code villages}, {@code additional} when on top of the earlier target's), the
     * cumulative number it means, and the villages of the layer upgraded by then.
     */
    public record Target(int year, long villages, String qualifier, long cumulativeVillages, long achieved, double share,
                         String scope, String quoteZh, String source) {}

    /**
     * Per year (null: year not stated): upgraded that year, cumulative, planned for that year, and the
     * distinct {@code upgrade_year_source} values of its villages.
     */
    public record Year(Integer year, long upgraded, long cumulative, long planned, List<String> yearSources) {
        public boolean illustrative() {
            return yearSources.contains("illustrative");
        }
    }

    public record Result(long villages, long upgraded, long planned, long notStarted, List<String> namedInSource,
                         List<Year> years, List<Target> targets) {}

    private UpgradeProgress() {}

    /** @param figures the village layer's stated figures; those keyed {@value #TARGET_KEY} are the targets */
    public static Result of(Collection<Feature> villages, List<StatedFigure> figures) {
        Map<Integer, long[]> perYear = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<Integer, TreeSet<String>> sources = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        long upgraded = 0, planned = 0, notStarted = 0;
        List<String> named = new ArrayList<>();
        for (Feature v : villages) {
            Map<String, Object> p = v.properties();
            Object status = p.get("upgrade_status");
            Integer year = p.get("upgrade_year") instanceof Number n ? n.intValue() : null;
            if ("article".equals(p.get("name_source")) && p.get("name_zh") != null) named.add(p.get("name_zh").toString());
            if ("upgraded".equals(status)) upgraded++;
            else if ("planned".equals(status)) planned++;
            else notStarted++;
            boolean counted = "upgraded".equals(status) || "planned".equals(status);
            if (!counted || (year == null && !"upgraded".equals(status))) continue;
            long[] t = perYear.computeIfAbsent(year, y -> new long[2]);
            if ("upgraded".equals(status)) t[0]++; else t[1]++;
            TreeSet<String> s = sources.computeIfAbsent(year, y -> new TreeSet<>());
            if (p.get("upgrade_year_source") != null) s.add(p.get("upgrade_year_source").toString());
        }
        List<Year> years = new ArrayList<>();
        long cumulative = 0;
        for (Map.Entry<Integer, long[]> e : perYear.entrySet()) {
            cumulative += e.getValue()[0];
            years.add(new Year(e.getKey(), e.getValue()[0], cumulative, e.getValue()[1], List.copyOf(sources.get(e.getKey()))));
        }
        return new Result(villages.size(), upgraded, planned, notStarted, List.copyOf(named), List.copyOf(years), targets(figures, years));
    }

    private static List<Target> targets(List<StatedFigure> figures, List<Year> years) {
        List<StatedFigure> stated = figures.stream().filter(f -> TARGET_KEY.equals(f.key()) && f.year() != null)
                .sorted(Comparator.comparing(StatedFigure::year)).toList();
        List<Target> out = new ArrayList<>();
        long cumulativeTarget = 0;
        for (StatedFigure f : stated) {
            long villages = Math.round(f.value());
            cumulativeTarget = "additional".equals(f.qualifier()) ? cumulativeTarget + villages : villages;
            long achieved = years.stream().filter(y -> y.year() != null && y.year() <= f.year()).mapToLong(Year::upgraded).sum();
            double share = cumulativeTarget == 0 ? 0 : Math.round(achieved * 10000.0 / cumulativeTarget) / 10000.0;
            out.add(new Target(f.year(), villages, f.qualifier(), cumulativeTarget, achieved, share, f.scope(), f.quoteZh(), f.source()));
        }
        return List.copyOf(out);
    }
}
