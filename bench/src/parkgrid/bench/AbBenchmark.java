package parkgrid.bench;

import parkgrid.testing.SyntheticProvince;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;

/**
 * Interleaved A/B of two server jars on the same data with the same client: round after round, each jar in
 * turn is started as a server JVM ({@code java -Xmx1g -jar}) on each store and measured on the bbox page
 * ({@link HttpLoad}, as in {@link ProvinceBenchmark}) and on the Euclidean coverage request ({@link CoverageBench}'s
 * {@code euclid} variant). Prints every round and, per jar and store, the median and the min–max spread.
 *
 * <p>Data: the benchmark's province, loaded once through the {@code FeatureStore} API of the jar this class is
 * compiled against into {@code <out>/ab/province.gpkg} (each jar then serves a copy of its own, since a newer jar may
 * migrate the file) and the PostGIS schema {@code parkgrid_bench_ab}. {@code AB_RELOAD=1} loads again.
 */
public final class AbBenchmark {
    static final String SCHEMA = "parkgrid_bench_ab";

    private AbBenchmark() {}

    record Cell(List<Double> reqPerSecond, List<Double> p50Ms, List<Double> coverSeconds, List<Double> firstByteSeconds,
                List<Double> otherCpu, List<Double> bboxCpuMs, List<Double> coverCpuSeconds, List<String> problems) {
        Cell() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String spec : args[1].split(",")) {
            String[] kv = spec.split("=", 2);
            jars.put(kv[0], Path.of(kv[1]).toAbsolutePath());
        }
        int rounds = intEnv("AB_ROUNDS", 3);
        int warmup = intEnv("AB_WARMUP", 300);
        int requests = intEnv("AB_REQUESTS", 1_000);
        int coverageRuns = intEnv("AB_COVERAGE_RUNS", 3);
        List<String> stores = List.of(env("AB_STORES", "GeoPackage,PostGIS").split(","));
        List<String> serverJvm = new ArrayList<>(List.of(CoverageBench.HEAP));
        if (!env("AB_SERVER_JVM", "").isBlank()) serverJvm.addAll(List.of(env("AB_SERVER_JVM", "").trim().split("\\s+")));
        String dbUrl = env("BENCH_DB", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String dbUser = env("BENCH_DB_USER", "postgres");
        String dbPassword = env("BENCH_DB_PASSWORD", "");

        Path dir = out.resolve("ab");
        Files.createDirectories(dir.resolve("logs"));
        SyntheticProvince data = SyntheticProvince.generate(50_000, 200_000, 2_000, ProvinceBenchmark.SEED);
        List<HttpLoad.Window> windows = HttpLoad.windows(data, 200, ProvinceBenchmark.LIMIT, ProvinceBenchmark.SEED + 1);
        List<HttpLoad.Window> warmWindows = HttpLoad.windows(data, 50, ProvinceBenchmark.LIMIT, ProvinceBenchmark.SEED + 2);
        Path gpkg = dir.resolve("province.gpkg");
        boolean reload = env("AB_RELOAD", "0").equals("1");
        if (stores.contains("GeoPackage") && (reload || !Files.exists(gpkg))) {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) Files.deleteIfExists(Path.of(gpkg + suffix));
            progress("loading %s", gpkg);
            try (GeoPackageStore store = GeoPackageStore.open(gpkg)) {
                load(store, data);
            }
        }
        Path pgMarker = dir.resolve("postgis.loaded");
        if (stores.contains("PostGIS") && (reload || !Files.exists(pgMarker))) {
            try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
            progress("loading PostGIS schema %s", SCHEMA);
            try (PostGisStore store = PostGisStore.open(dbUrl, dbUser, dbPassword, SCHEMA)) {
                load(store, data);
            }
            try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
                s.execute("ANALYZE " + SCHEMA + ".villages, " + SCHEMA + ".lines, " + SCHEMA + ".suppliers");
            }
            Files.writeString(pgMarker, SCHEMA + "\n");
        }

        String euclid = CoverageBench.variants(1_500).get(0).inputs();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                for (String store : stores) {
                    Map<String, String> serverEnv;
                    if (store.equals("GeoPackage")) {
                        Path copy = dir.resolve(jar.getKey() + ".gpkg");
                        for (String suffix : new String[] {"-wal", "-shm"}) Files.deleteIfExists(Path.of(copy + suffix));
                        Files.copy(gpkg, copy, StandardCopyOption.REPLACE_EXISTING);
                        serverEnv = CoverageBench.gpkgEnv(copy);
                    } else {
                        serverEnv = Map.of("PARKGRID_DB", dbUrl, "PARKGRID_DB_SCHEMA", SCHEMA, "PARKGRID_DB_USER", dbUser,
                                "PARKGRID_DB_PASSWORD", dbPassword);
                    }
                    String label = jar.getKey() + " " + store;
                    Cell cell = cells.computeIfAbsent(label, k -> new Cell());
                    Path log = dir.resolve("logs/" + jar.getKey() + "-" + store.toLowerCase(Locale.ROOT) + "-" + round + ".log");
                    List<String> jvm = new ArrayList<>(serverJvm);
                    String tag = jar.getKey() + "-" + store.toLowerCase(Locale.ROOT) + "-" + round;
                    jvm.replaceAll(a -> a.replace("{label}", tag));
                    try (ServerProcess server = ServerProcess.start(jar.getValue(), jvm, serverEnv, log)) {
                        server.awaitHealthy(http, Duration.ofSeconds(90));
                        CpuWatch cpu = CpuWatch.start();
                        String base = server.baseUrl();
                        HttpLoad.run(http, base, "villages", warmWindows, ProvinceBenchmark.LIMIT, warmup, 4, Duration.ofSeconds(60), 3);
                        double cpu0 = cpuSeconds(server);
                        HttpLoad.Result r = HttpLoad.run(http, base, "villages", windows, ProvinceBenchmark.LIMIT, requests, 4,
                                Duration.ofSeconds(150), ProvinceBenchmark.SEED + 4 + round);
                        if (r.badAnswers() > 0) cell.problems().add("bbox: " + r.badAnswers() + " bad, " + r.firstProblem());
                        cell.reqPerSecond().add(r.requestsPerSecond());
                        cell.p50Ms().add(r.p50Ms());
                        cell.bboxCpuMs().add((cpuSeconds(server) - cpu0) * 1000 / r.requests());
                        for (int i = 0; i < 2; i++) CoverageBench.post(http, base, euclid, Duration.ofMinutes(2)); // JIT warm-up
                        List<Double> secs = new ArrayList<>(), first = new ArrayList<>();
                        double cpu1 = cpuSeconds(server);
                        for (int i = 0; i < coverageRuns; i++) {
                            CoverageBench.Answer a = CoverageBench.post(http, base, euclid, Duration.ofMinutes(2));
                            if (a.status() != 200) cell.problems().add("coverage: HTTP " + a.status() + " " + a.problem());
                            secs.add(a.seconds());
                            first.add(a.firstByteSeconds());
                            if (i == 0) progress("  covered %d", a.coveredCount());
                        }
                        cell.coverCpuSeconds().add((cpuSeconds(server) - cpu1) / coverageRuns);
                        cell.coverSeconds().add(CoverageBench.median(secs));
                        cell.firstByteSeconds().add(CoverageBench.median(first));
                        cell.otherCpu().add(cpu.otherPercent());
                        progress("round %d %-16s bbox %.1f req/s (p50 %.1f ms)  euclid %.3f s (first byte %.3f s), other CPU %.0f %%", round,
                                label, r.requestsPerSecond(), r.p50Ms(), CoverageBench.median(secs), CoverageBench.median(first),
                                cell.otherCpu().get(cell.otherCpu().size() - 1));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%d interleaved rounds; bbox: %d warm-up + %d measured requests, 4 clients; euclid 1 500 m: "
                + "2 warm-up + median of %d per round. median [min–max] over rounds; load average %.1f%n", rounds, warmup, requests,
                coverageRuns, CpuWatch.loadAverage());
        System.out.println("server CPU: CPU time of the server JVM (all its threads, JIT and GC included) per measured request —"
                + " less sensitive to other load on a shared machine than wall-clock figures");
        System.out.printf(Locale.ROOT, "%-18s %-24s %-11s %-24s %-24s %-22s %-22s %s%n", "jar store", "bbox req/s", "bbox p50 ms",
                "bbox server CPU ms/req", "euclid s", "euclid first byte s", "euclid server CPU s", "other CPU %");
        for (Map.Entry<String, Cell> e : cells.entrySet()) {
            Cell c = e.getValue();
            System.out.printf(Locale.ROOT, "%-18s %-24s %-11s %-24s %-24s %-22s %-22s %s%n", e.getKey(), spread(c.reqPerSecond(), "%.1f"),
                    String.format(Locale.ROOT, "%.1f", CoverageBench.median(c.p50Ms())), spread(c.bboxCpuMs(), "%.1f"),
                    spread(c.coverSeconds(), "%.2f"), spread(c.firstByteSeconds(), "%.2f"), spread(c.coverCpuSeconds(), "%.2f"),
                    spread(c.otherCpu(), "%.0f"));
            for (String p : c.problems()) System.out.println("    problem: " + p);
        }
        System.exit(0);
    }

    /** CPU time the server process has used so far, all threads. */
    private static double cpuSeconds(ServerProcess server) {
        return server.process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static String spread(List<Double> v, String f) {
        double min = v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, f + " [" + f + "–" + f + "]", CoverageBench.median(v), min, max);
    }

    static void load(FeatureStore store, SyntheticProvince data) {
        load(store, SyntheticProvince.VILLAGES, data.villages);
        load(store, SyntheticProvince.LINES, data.lines);
        load(store, SyntheticProvince.SUPPLIERS, data.suppliers);
    }

    private static void load(FeatureStore store, Layer layer, List<Feature> features) {
        store.createLayer(layer);
        for (int i = 0; i < features.size(); i += 10_000) {
            store.insert(layer.name(), features.subList(i, Math.min(features.size(), i + 10_000)));
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[ab] " + format + "%n", args);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }
}
