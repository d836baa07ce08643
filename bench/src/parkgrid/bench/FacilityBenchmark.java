package parkgrid.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.analysis.facility.ExactEngine;
import parkgrid.analysis.facility.FacilityLocation;
import parkgrid.analysis.facility.FacilityLocationResult;
import parkgrid.analysis.facility.OrToolsNatives;
import parkgrid.analysis.facility.SolverChoice;
import parkgrid.feature.Feature;

/**
 * Facility location at the size: 200 candidate sites × 2 000 demand points, exact (CP-SAT) and greedy,
 * on seeded county-sized instances (40 × 40 km around Ruyang; villages clustered around 12 towns, population
 * 50–3 000; 60 existing transformers). Prints one row per case; figures only, never a pass/fail.
 * Usage: java -cp bench-classes:parkgrid.jar parkgrid.bench.FacilityBenchmark [runs]
 */
public final class FacilityBenchmark {
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    private static final double LON0 = 112.25, LAT0 = 34.0, SIDE_M = 40_000;
    private static final double M_LAT = 110_950, M_LON = 111_320 * Math.cos(Math.toRadians(LAT0 + 0.18));

    record Instance(List<Feature> candidates, List<Feature> demands, List<Feature> existing) {}

    static Instance instance(int candidates, int demands, int existing, long seed) {
        Random rnd = new Random(seed);
        double[][] towns = new double[12][];
        for (int t = 0; t < towns.length; t++) towns[t] = new double[] {rnd.nextDouble() * SIDE_M, rnd.nextDouble() * SIDE_M};
        List<Feature> d = new ArrayList<>();
        for (int i = 0; i < demands; i++) {
            double x, y;
            if (rnd.nextDouble() < 0.6) {
                double[] t = towns[rnd.nextInt(towns.length)];
                x = clamp(t[0] + rnd.nextGaussian() * 3000);
                y = clamp(t[1] + rnd.nextGaussian() * 3000);
            } else {
                x = rnd.nextDouble() * SIDE_M;
                y = rnd.nextDouble() * SIDE_M;
            }
            d.add(point(i + 1, x, y, "name_zh", "村" + (i + 1), "population", 50 + rnd.nextInt(2950)));
        }
        List<Feature> c = new ArrayList<>();
        for (int j = 0; j < candidates; j++) c.add(point(j + 1, rnd.nextDouble() * SIDE_M, rnd.nextDouble() * SIDE_M, "name_zh", "候选点" + (j + 1)));
        List<Feature> e = new ArrayList<>();
        for (int k = 0; k < existing; k++) {
            Feature v = d.get(rnd.nextInt(d.size())); // existing transformers stand in villages
            e.add(new Feature(k + 1, v.geometry(), Map.of("name_zh", "配变" + (k + 1))));
        }
        return new Instance(c, d, e);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(SIDE_M, v));
    }

    private static Feature point(long id, double east, double north, Object... kv) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) props.put((String) kv[i], kv[i + 1]);
        return new Feature(id, GF.createPoint(new Coordinate(LON0 + east / M_LON, LAT0 + north / M_LAT)), props);
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        long t0 = System.nanoTime();
        OrToolsNatives.require();
        System.out.printf(Locale.ROOT, "OR-Tools native load (once per JVM): %.2f s (measured around the call: %.2f s)%n",
                OrToolsNatives.loadSeconds(), (System.nanoTime() - t0) / 1e9);
        System.out.println("exact solver: " + System.getProperty("exact", "scip"));
        System.out.println("case | radius | p | workers | pairs (groups) | matrix s | greedy obj | greedy s | exact obj | bound | status | exact s | greedy gap | total s");
        Object[][] cases = {
                {1500.0, 10, 1}, {2000.0, 20, 1}, {2000.0, 20, 2}, {3000.0, 10, 1}, {3000.0, 30, 1}, {5000.0, 15, 1}, {2500.0, 40, 1}, {5000.0, 20, 1}, {8000.0, 10, 1}};
        // -Dcases=8,9 (FACILITY_CASES in bench/facility.sh): only these cases
        List<Integer> only = System.getProperty("cases", "").isBlank() ? List.of()
                : java.util.Arrays.stream(System.getProperty("cases").split(",")).map(String::trim).map(Integer::valueOf).toList();
        for (int run = 0; run < runs; run++) {
            for (int k = 0; k < cases.length; k++) {
                if (!only.isEmpty() && !only.contains(k + 1)) continue;
                double radius = (double) cases[k][0];
                int p = (int) cases[k][1], workers = (int) cases[k][2];
                Instance in = instance(200, 2000, k >= 6 ? 0 : 60, 20261202L + k); // cases 7–9: no existing supplier
                long start = System.nanoTime();
                FacilityLocationResult r = new FacilityLocation(in.candidates(), in.demands(), in.existing(),
                        RadiusPolicy.constant(radius), RadiusPolicy.constant(radius))
                        .sites(p).weightProperty("population").solvers(SolverChoice.BOTH).timeLimitSeconds(10).workers(workers)
                        .exactEngine(ExactEngine.parse(System.getProperty("exact", "scip"))).getResult();
                double total = (System.nanoTime() - start) / 1e9;
                double solve = r.greedy().seconds() + (r.exact() == null ? 0 : r.exact().seconds());
                System.out.printf(Locale.ROOT, "%d | %.0f m | %d | %d | %d (%d) | %.2f | %.0f | %.3f | %.0f | %.0f | %s | %.2f | %.3f %% | %.2f%s%n",
                        k + 1, radius, p, workers, r.pairCount(), r.groupCount(), total - solve, r.greedy().objective(), r.greedy().seconds(),
                        r.exact().objective(), r.exact().bound(), r.exact().statusText(), r.exact().seconds(), r.greedyGap() * 100, total,
                        r.exact().note() == null ? "" : " | " + r.exact().note());
            }
        }
    }
}
