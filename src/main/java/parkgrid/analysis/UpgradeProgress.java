package parkgrid.analysis;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import parkgrid.feature.Feature;

/**
 * Rural grid upgrade progress: villages whose {@code upgrade_status} is {@code upgraded}, by
 * {@code upgrade_year}, cumulative, against Luoyang's targets (by 2020: 350 administrative villages;
 * by 2022: another 400, i.e. 750 in all — source article, DIGEST §3). The seed holds only the villages
 * the article names and those around the park, so the shares show what the data covers, not the city.
 */
public final class UpgradeProgress {
    /** A target: by the end of {@code year}, {@code villages} upgraded in all. */
    public record Target(int year, int villages, long achieved, double share) {}

    /** Per year: upgraded that year, cumulative, and planned (status planned) for that year. */
    public record Year(int year, long upgraded, long cumulative, long planned) {}

    public record Result(long villages, long upgraded, long planned, long notStarted, List<Year> years, List<Target> targets) {}

    private UpgradeProgress() {}

    public static Result of(Collection<Feature> villages) {
        Map<Integer, long[]> perYear = new TreeMap<>();
        long upgraded = 0, planned = 0, notStarted = 0;
        for (Feature v : villages) {
            Object status = v.properties().get("upgrade_status");
            Integer year = v.properties().get("upgrade_year") instanceof Number n ? n.intValue() : null;
            if ("upgraded".equals(status)) upgraded++;
            else if ("planned".equals(status)) planned++;
            else notStarted++;
            if (year == null) continue;
            long[] t = perYear.computeIfAbsent(year, y -> new long[2]);
            if ("upgraded".equals(status)) t[0]++;
            else if ("planned".equals(status)) t[1]++;
        }
        List<Year> years = new java.util.ArrayList<>();
        long cumulative = 0;
        for (Map.Entry<Integer, long[]> e : perYear.entrySet()) {
            cumulative += e.getValue()[0];
            years.add(new Year(e.getKey(), e.getValue()[0], cumulative, e.getValue()[1]));
        }
        List<Target> targets = List.of(target(2020, 350, years), target(2022, 750, years));
        return new Result(villages.size(), upgraded, planned, notStarted, List.copyOf(years), targets);
    }

    private static Target target(int year, int villages, List<Year> years) {
        long achieved = years.stream().filter(y -> y.year() <= year).mapToLong(Year::upgraded).sum();
        return new Target(year, villages, achieved, Math.round(achieved * 10000.0 / villages) / 10000.0);
    }
}
