package parkgrid.bench;

import parkgrid.testing.SyntheticProvince;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import parkgrid.app.ParkGridApp;
import parkgrid.config.Settings;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;

/**
 * The province-scale benchmark: {@code bash bench/run.sh}. Figures only, no pass/fail. See
 * {@code bench/README.md} for what is measured and how.
 */
public final class ProvinceBenchmark {
    static final long SEED = 20_240_601L;
    static final String SCHEMA = "parkgrid_bench";
    static final int LIMIT = 1000;

    private final Path out;
    private final Path jar;
    private final String dbUrl = env("BENCH_DB", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private final String dbUser = env("BENCH_DB_USER", "postgres");
    private final String dbPassword = env("BENCH_DB_PASSWORD", "");
    private final int villageCount = intEnv("BENCH_VILLAGES", 50_000);
    private final int segmentCount = intEnv("BENCH_LINES", 200_000);
    private final int supplierCount = intEnv("BENCH_SUPPLIERS", 2_000);
    private final double coverageRadius = intEnv("BENCH_COVERAGE_RADIUS", 1_500);
    private final int coverageRuns = intEnv("BENCH_COVERAGE_RUNS", 3);
    private final int analysisRuns = intEnv("BENCH_ANALYSIS_RUNS", 5);
    /** BENCH_ONLY=coverage (or {@code bash bench/run.sh coverage}): generate, load, then only the coverage step. */
    private final boolean coverageOnly = env("BENCH_ONLY", "all").equalsIgnoreCase("coverage");
    private final int warmup = intEnv("BENCH_WARMUP", 300);
    private final int requests = intEnv("BENCH_REQUESTS", 2_000);
    private final int threads = intEnv("BENCH_THREADS", 4);
    private final int batch = intEnv("BENCH_BATCH", 10_000);
    private final Duration loadTimeLimit = Duration.ofSeconds(intEnv("BENCH_HTTP_SECONDS", 150));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> report = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String[]> loadRows = new LinkedHashMap<>();
    private final Map<String, String[]> httpRows = new LinkedHashMap<>();
    private final List<String[]> exportRows = new ArrayList<>();
    private final List<String[]> heapRows = new ArrayList<>();
    private final List<String[]> startRows = new ArrayList<>();
    private final List<String[]> coverageRows = new ArrayList<>();
    private final List<String[]> coverageHeapRows = new ArrayList<>();
    private final List<String[]> readRows = new ArrayList<>();
    private final List<String[]> analysisRows = new ArrayList<>();
    private final List<String[]> probeRows = new ArrayList<>();
    /** variant key → covered counts seen (per store and in-process), for the sanity note. */
    private final Map<String, List<String>> coveredSeen = new LinkedHashMap<>();
    /** Medians for the targets summary: "store|variant" → seconds; "heap|store" → max after GC MB. */
    private final Map<String, Double> figures = new LinkedHashMap<>();

    private ProvinceBenchmark(Path out, Path jar) {
        this.out = out;
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out").toAbsolutePath();
        Path jar = Path.of(args.length > 1 ? args[1] : out.resolve("parkgrid.jar").toString()).toAbsolutePath();
        new ProvinceBenchmark(out, jar).run();
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(out.resolve("logs"));
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        double loadAtStart = CpuWatch.loadAverage();

        progress("generating %,d villages and %,d line segments (seed %d)", villageCount, segmentCount, SEED);
        long g0 = System.nanoTime();
        SyntheticProvince data = SyntheticProvince.generate(villageCount, segmentCount, supplierCount, SEED);
        double genSeconds = secondsSince(g0);
        List<HttpLoad.Window> windows = HttpLoad.windows(data, 200, LIMIT, SEED + 1);
        List<HttpLoad.Window> warmWindows = HttpLoad.windows(data, 50, LIMIT, SEED + 2);

        Path gpkg = out.resolve("province.gpkg");
        boolean geoPackage = attempt("GeoPackage load/serve", () -> benchGeoPackage(data, windows, warmWindows, gpkg));
        Map<String, String> gpkgEnv = Map.of("PARKGRID_GPKG", gpkg.toString());
        if (geoPackage && !coverageOnly) exportRun("GeoPackage", gpkgEnv);
        if (geoPackage) coverageRun("GeoPackage", gpkgEnv, () -> GeoPackageStore.open(gpkg));

        boolean[] reachable = {false};
        boolean postgis = attempt("PostGIS load/serve", () -> reachable[0] = benchPostGis(data, windows, warmWindows)) && reachable[0];
        Map<String, String> pgEnv = Map.of("PARKGRID_DB", dbUrl, "PARKGRID_DB_SCHEMA", SCHEMA, "PARKGRID_DB_USER", dbUser,
                "PARKGRID_DB_PASSWORD", dbPassword);
        if (postgis && !coverageOnly) exportRun("PostGIS", pgEnv);
        if (postgis) coverageRun("PostGIS", pgEnv, () -> PostGisStore.open(dbUrl, dbUser, dbPassword, SCHEMA));

        attempt("coverage analysis only (in-process)", () -> analysisOnly(data));

        if (!coverageOnly) startup();

        // ---------------------------------------------------------------- report
        report.add("ParkGrid province-scale benchmark — " + started + (coverageOnly ? " (BENCH_ONLY=coverage: load + coverage step only)" : ""));
        report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
                + Math.round(totalMemoryGb()) + " GB RAM; " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + "; Java " + System.getProperty("java.version") + (postgis ? "; " + postgresVersion() : ""));
        report.add("other CPU %: share of the machine's " + Runtime.getRuntime().availableProcessors() + "-core capacity used by processes other than the benchmark, its servers and PostgreSQL "
                + "during the step (the machine is shared; high values mean contended figures)");
        report.add("");
        report.add("Data set (seed " + SEED + ", lon 111.0–113.2, lat 33.6–35.4 ≈ 200 × 200 km around Luoyang)");
        report.add(String.format(Locale.ROOT, "  villages: %,d points; lines: %,d 2-point LineStrings, length (m) %s; generated in %.1f s",
                data.villages.size(), data.lines.size(), lineLengths(data), genSeconds));
        report.add("  suppliers: " + String.format(Locale.ROOT, "%,d", data.suppliers.size()) + " 10 kV transformers on 10 kV line vertices ("
                + supplierStats(data) + "); villages' supply_class: " + classStats(data));
        if (!coverageOnly) report.add("  bbox windows: " + windows.size() + " measured + " + warmWindows.size() + " warm-up, square, random centres; "
                + "villages per window " + windowStats(windows) + "; side " + windowSides(windows) + " km");
        report.add("");
        report.add("Load (createLayer + insert in calls of " + String.format(Locale.ROOT, "%,d", batch) + " features, each call one transaction)");
        table(new String[] {"store", "villages s", "lines s", "total s", "features/s", "size MB", "other CPU %", "extra"}, new ArrayList<>(loadRows.values()));
        if (!coverageOnly) bboxAndExportReport();
        coverageReport(data);
        if (!coverageOnly) {
            report.add("");
            report.add("Start-up: java -jar parkgrid.jar (default heap) until GET /health answers 200");
            table(new String[] {"case", "runs ms (process start → 200)", "median ms", "server log 'started in' ms"}, startRows);
        }
        if (!notes.isEmpty()) {
            report.add("");
            report.add("Notes");
            for (String n : notes) report.add("  - " + n);
        }
        report.add("");
        report.add(String.format(Locale.ROOT, "1-minute load average %.1f at start, %.1f at end; total benchmark wall time %.0f s",
                loadAtStart, CpuWatch.loadAverage(), secondsSince(t0)));

        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Files.writeString(out.resolve(coverageOnly ? "results-coverage.txt" : "results.txt"), text, StandardCharsets.UTF_8);
        progress("written %s", out.resolve(coverageOnly ? "results-coverage.txt" : "results.txt"));
        System.exit(0);
    }

    private void bboxAndExportReport() {
        report.add("");
        report.add("bbox pages: GET /collections/villages/items?bbox=<window>&limit=" + LIMIT + " — in-process ParkGridApp on 127.0.0.1, "
                + threads + " client threads (java.net.http), " + warmup + " warm-up then " + requests + " measured requests");
        table(new String[] {"store", "requests", "seconds", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "MB/s", "bad answers", "other CPU %"},
                new ArrayList<>(httpRows.values()));
        report.add("");
        report.add("Export: GET /collections/lines/export?format=geojson — server JVM java -Xmx256m -jar parkgrid.jar, body read and discarded");
        table(new String[] {"store", "run", "seconds", "first byte s", "MB", "features", "features/s", "other CPU %", "status"}, exportRows);
        report.add("  heap of the -Xmx256m server during the exports:");
        table(new String[] {"store", "peak used MB (jstat 100 ms)", "max before GC MB (gc log)", "max after GC MB (live)", "GCs",
                "heap cap MB", "server peak RSS MB"}, heapRows);
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a step; a failure becomes a note in the report instead of ending the benchmark. */
    private boolean attempt(String what, Step step) {
        try {
            step.run();
            return true;
        } catch (Exception | Error e) {
            e.printStackTrace();
            notes.add(what + " failed: " + e);
            return false;
        }
    }

    // ---------------------------------------------------------------- GeoPackage

    private void benchGeoPackage(SyntheticProvince data, List<HttpLoad.Window> windows, List<HttpLoad.Window> warm, Path gpkg)
            throws Exception {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) Files.deleteIfExists(Path.of(gpkg + suffix));
        progress("GeoPackage: loading into %s", gpkg);
        GeoPackageStore store = GeoPackageStore.open(gpkg);
        double[] load = load(store, data);
        if (coverageOnly) store.close();
        else serve("GeoPackage", store, Settings.embedded(gpkg, 0), windows, warm); // stops the app, which closes the store
        double sizeMb = Files.size(gpkg) / 1e6;
        loadRows.put("GeoPackage", new String[] {"GeoPackage", f1(load[0]), f1(load[1]), f1(load[0] + load[1]),
                fmt0((data.villages.size() + data.lines.size()) / (load[0] + load[1])), f1(sizeMb), f0(load[2]),
                "file after close; + suppliers " + f1(load[3]) + " s"});
    }

    // ---------------------------------------------------------------- PostGIS

    private boolean benchPostGis(SyntheticProvince data, List<HttpLoad.Window> windows, List<HttpLoad.Window> warm) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            notes.add("PostGIS skipped: cannot connect to " + dbUrl + " as " + dbUser + ": " + e.getMessage());
            progress("PostGIS skipped: %s", e.getMessage());
            return false;
        }
        progress("PostGIS: loading into %s schema %s", dbUrl, SCHEMA);
        PostGisStore store = PostGisStore.open(dbUrl, dbUser, dbPassword, SCHEMA);
        double[] load = load(store, data);
        double analyze;
        double sizeMb;
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            long a0 = System.nanoTime();
            s.execute("ANALYZE " + SCHEMA + ".villages, " + SCHEMA + ".lines, " + SCHEMA + ".suppliers");
            analyze = secondsSince(a0);
            try (ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('" + SCHEMA + ".villages') + pg_total_relation_size('"
                    + SCHEMA + ".lines') + pg_total_relation_size('" + SCHEMA + ".suppliers')")) {
                rs.next();
                sizeMb = rs.getLong(1) / 1e6;
            }
        }
        if (coverageOnly) store.close();
        else serve("PostGIS", store, Settings.embedded(out.resolve("unused.gpkg"), 0), windows, warm);
        loadRows.put("PostGIS", new String[] {"PostGIS", f1(load[0]), f1(load[1]), f1(load[0] + load[1]),
                fmt0((data.villages.size() + data.lines.size()) / (load[0] + load[1])), f1(sizeMb), f0(load[2]),
                "tables+indexes; + suppliers " + f1(load[3]) + " s; then ANALYZE " + f1(analyze) + " s"});
        return true;
    }

    // ---------------------------------------------------------------- shared steps

    /** Seconds for the villages layer and for the lines layer (createLayer + all inserts). */
    private double[] load(FeatureStore store, SyntheticProvince data) {
        CpuWatch cpu = CpuWatch.start();
        double v = loadLayer(store, SyntheticProvince.VILLAGES, data.villages);
        double l = loadLayer(store, SyntheticProvince.LINES, data.lines);
        double sup = loadLayer(store, SyntheticProvince.SUPPLIERS, data.suppliers); // 2 000 points; shown under "extra"
        double other = cpu.otherPercent();
        progress("  loaded villages in %.1f s, lines in %.1f s (other processes used %.0f %% of the CPU)", v, l, other);
        return new double[] {v, l, other, sup};
    }

    private double loadLayer(FeatureStore store, Layer layer, List<Feature> features) {
        long t0 = System.nanoTime();
        store.createLayer(layer);
        for (int i = 0; i < features.size(); i += batch) {
            store.insert(layer.name(), features.subList(i, Math.min(features.size(), i + batch)));
        }
        return secondsSince(t0);
    }

    private void serve(String name, FeatureStore store, Settings settings, List<HttpLoad.Window> windows, List<HttpLoad.Window> warm)
            throws InterruptedException {
        ParkGridApp app = ParkGridApp.start(settings, store);
        try {
            String base = "http://127.0.0.1:" + app.port();
            progress("%s: %d warm-up requests on %s", name, warmup, base);
            HttpLoad.Result w = HttpLoad.run(http, base, "villages", warm, LIMIT, warmup, threads, Duration.ofSeconds(60), SEED + 3);
            if (w.badAnswers() > 0) notes.add(name + " warm-up: " + w.badAnswers() + " bad answers, first: " + w.firstProblem());
            progress("%s: %d measured requests, %d threads", name, requests, threads);
            CpuWatch cpu = CpuWatch.start();
            HttpLoad.Result r = HttpLoad.run(http, base, "villages", windows, LIMIT, requests, threads, loadTimeLimit, SEED + 4);
            double other = cpu.otherPercent();
            progress("  %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, bad %d", r.requestsPerSecond(), r.p50Ms(), r.p95Ms(),
                    r.p99Ms(), r.badAnswers());
            if (r.badAnswers() > 0) notes.add(name + " bbox pages: " + r.badAnswers() + " bad answers, first: " + r.firstProblem());
            if (r.timeLimited()) notes.add(name + " bbox pages: stopped by the " + loadTimeLimit.toSeconds() + " s time limit after "
                    + r.requests() + " requests");
            httpRows.put(name, new String[] {name, Integer.toString(r.requests()), f1(r.seconds()), f1(r.requestsPerSecond()),
                    f1(r.p50Ms()), f1(r.p95Ms()), f1(r.p99Ms()), f1(r.maxMs()), f1(r.bytes() / 1e6 / r.seconds()),
                    r.badAnswers() + " of " + r.requests(), f0(other)});
        } finally {
            app.stop();
        }
    }

    private void exportRun(String name, Map<String, String> env) {
        Path gcLog = out.resolve("logs/export-" + name.toLowerCase(Locale.ROOT) + "-gc.log");
        Path log = out.resolve("logs/export-" + name.toLowerCase(Locale.ROOT) + "-server.log");
        try {
            Files.deleteIfExists(gcLog);
            List<String> jvm = List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog);
            try (ServerProcess server = ServerProcess.start(jar, jvm, env, log)) {
                server.awaitHealthy(http, Duration.ofSeconds(90));
                String url = server.baseUrl() + "/collections/lines/export?format=geojson";
                double maxJstat = -1, maxBefore = -1, maxAfter = -1, cap = -1;
                int gcs = 0;
                for (int run = 1; run <= 2; run++) {
                    progress("%s: export run %d from the -Xmx256m server (pid %d)", name, run, server.pid());
                    HeapWatch watch = HeapWatch.start(server.pid(), gcLog);
                    CpuWatch cpu = CpuWatch.start();
                    ExportDownload.Result r;
                    try {
                        r = ExportDownload.get(http, url, Duration.ofMinutes(5));
                    } catch (IOException e) {
                        watch.stop();
                        exportRows.add(new String[] {name, Integer.toString(run), "failed", "", "", "", "", "", e.toString()});
                        notes.add(name + " export run " + run + " failed: " + e + (server.process.isAlive() ? "" : " — server exited with "
                                + server.process.exitValue()) + "; server log " + log);
                        break;
                    }
                    double other = cpu.otherPercent();
                    HeapWatch.Peak p = watch.stop();
                    if (p.gcCount() == 0) progress("  (no GC during this run)");
                    String status = "HTTP " + r.status() + (r.features() == segmentCount ? ", complete" : ", INCOMPLETE");
                    if (!r.tail().trim().endsWith("]}")) status += ", body does not end with ]}";
                    if (!server.process.isAlive()) status += ", server died";
                    exportRows.add(new String[] {name, Integer.toString(run), f1(r.seconds()), f2(r.firstByteSeconds()), f1(r.megabytes()),
                            String.format(Locale.ROOT, "%,d", r.features()), fmt0(r.featuresPerSecond()), f0(other), status});
                    progress("  %.1f s, %.1f MB, %,d features, heap peak %.0f MB (jstat) / %.0f MB (before GC)", r.seconds(), r.megabytes(),
                            r.features(), p.jstatMaxUsedMb(), p.gcMaxBeforeMb());
                    if (r.features() != segmentCount) {
                        notes.add(name + " export run " + run + ": " + r.features() + " features instead of " + segmentCount
                                + "; body ends with: " + r.tail().replace('\n', ' ') + " — server log " + log);
                    }
                    maxJstat = Math.max(maxJstat, p.jstatMaxUsedMb());
                    maxBefore = Math.max(maxBefore, p.gcMaxBeforeMb());
                    maxAfter = Math.max(maxAfter, p.gcMaxAfterMb());
                    cap = Math.max(cap, p.heapCapacityMb());
                    gcs += p.gcCount();
                }
                heapRows.add(new String[] {name, f1(maxJstat), f1(maxBefore), f1(maxAfter), Integer.toString(gcs), f1(cap),
                        f1(server.peakRssMb())});
                String logText = Files.readString(log);
                if (logText.contains("OutOfMemoryError")) notes.add(name + " export server logged an OutOfMemoryError; see " + log);
            }
        } catch (Exception e) {
            notes.add(name + " export could not run: " + e);
            progress("%s export failed: %s", name, e);
        }
    }

    private void startup() {
        List<Double> first = new ArrayList<>(), second = new ArrayList<>();
        List<Long> firstLogged = new ArrayList<>(), secondLogged = new ArrayList<>();
        double load0 = CpuWatch.loadAverage();
        try {
            for (int round = 1; round <= 3; round++) {
                Path dir = out.resolve("startup/round-" + round);
                deleteTree(dir);
                Files.createDirectories(dir);
                Map<String, String> env = Map.of("PARKGRID_GPKG", dir.resolve("parkgrid.gpkg").toString());
                for (int start = 1; start <= 2; start++) {
                    Path log = out.resolve("logs/startup-" + round + "-" + start + ".log");
                    try (ServerProcess server = ServerProcess.start(jar, List.of(), env, log)) {
                        double ms = server.awaitHealthy(http, Duration.ofSeconds(90));
                        (start == 1 ? first : second).add(ms);
                        Thread.sleep(300); // the log line follows the listening socket closely
                        (start == 1 ? firstLogged : secondLogged).add(server.loggedStartMs());
                        progress("start-up round %d, %s start: %.0f ms", round, start == 1 ? "first" : "second", ms);
                    }
                }
            }
        } catch (Exception e) {
            notes.add("start-up measurement failed: " + e);
        }
        notes.add(String.format(Locale.ROOT, "start-up runs: 1-minute load average %.1f before, %.1f after (other processes' CPU "
                + "is not separated here: the servers exit before it could be read)", load0, CpuWatch.loadAverage()));
        startRows.add(new String[] {"first start, fresh data dir (creates + seeds the GeoPackage)", joinMs(first), f0(median(first)),
                firstLogged.toString()});
        startRows.add(new String[] {"second start, same data dir", joinMs(second), f0(median(second)), secondLogged.toString()});
    }

    // ---------------------------------------------------------------- coverage

    /**
     * Coverage through HTTP against a separate {@code -Xmx1g} server JVM on the store, every variant 1 warm-up
     * + {@code coverageRuns} measured requests, heap watched per variant; before that, the time to read the
     * layers from the store in-process.
     */
    private void coverageRun(String name, Map<String, String> env, java.util.function.Supplier<FeatureStore> open) {
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            progress("%s: reading suppliers, villages, lines in-process (1 warm-up + 3)", name);
            CpuWatch readCpu = CpuWatch.start();
            double[] read = CoverageBench.readSeconds(open, List.of("suppliers", "villages", "lines"), 3);
            readRows.add(new String[] {name, f2(read[0]), f2(read[1]), f2(read[2]), f2(read[0] + read[1]), f2(read[0] + read[1] + read[2]),
                    f0(readCpu.otherPercent())});
            figures.put("read-euclid|" + name, read[0] + read[1]);
            figures.put("read-network|" + name, read[0] + read[1] + read[2]);
        } catch (Exception | Error e) {
            notes.add(name + " in-process layer reads failed: " + e);
        }
        Path gcLog = out.resolve("logs/coverage-" + lower + "-gc.log");
        Path log = out.resolve("logs/coverage-" + lower + "-server.log");
        try {
            Files.deleteIfExists(gcLog);
            List<String> jvm = List.of(CoverageBench.HEAP, "-Xlog:gc:file=" + gcLog);
            try (ServerProcess server = ServerProcess.start(jar, jvm, env, log)) {
                server.awaitHealthy(http, Duration.ofSeconds(90));
                // JIT warm-up of the fresh server: every variant once, so the first variant measured is not the one paying for it
                for (CoverageBench.Variant v : CoverageBench.variants(coverageRadius)) {
                    progress("%s coverage: server warm-up pass, %s", name, v.key());
                    try {
                        CoverageBench.post(http, server.baseUrl(), v.inputs(), Duration.ofMinutes(3));
                    } catch (IOException e) {
                        progress("  warm-up failed: %s", e);
                    }
                }
                double maxAfter = -1, maxRemark = -1;
                for (CoverageBench.Variant v : CoverageBench.variants(coverageRadius)) {
                    HeapWatch watch = HeapWatch.start(server.pid(), gcLog);
                    CpuWatch cpu = CpuWatch.start();
                    List<CoverageBench.Answer> answers = new ArrayList<>();
                    String failure = null;
                    for (int r = 0; r <= coverageRuns; r++) {
                        progress("%s coverage %s: %s %d of %d", name, v.key(), r == 0 ? "warm-up" : "run", r, coverageRuns);
                        CoverageBench.Answer a;
                        try {
                            a = CoverageBench.post(http, server.baseUrl(), v.inputs(), Duration.ofMinutes(3));
                        } catch (IOException e) {
                            failure = e + (server.process.isAlive() ? "" : " — server exited with " + server.process.exitValue());
                            break;
                        }
                        progress("  HTTP %d, %.2f s (first byte %.2f s), %.1f MB, covered %d (%s)%s", a.status(), a.seconds(),
                                a.firstByteSeconds(), a.bytes() / 1e6, a.coveredCount(), CoverageBench.pct(a.coveredShare()),
                                a.problem() == null ? "" : " — " + a.problem());
                        if (a.status() != 200 || a.problem() != null) {
                            failure = "HTTP " + a.status() + ": " + a.problem();
                            if (r == 0) break; // a failing warm-up would fail the same way; do not wait for it 3 more times
                            continue;
                        }
                        if (r > 0) answers.add(a);
                    }
                    double other = cpu.otherPercent();
                    HeapWatch.Peak p = watch.stop();
                    if (failure != null) notes.add(name + " coverage " + v.key() + ": " + failure + "; server log " + log);
                    coverageHeapRows.add(new String[] {name, v.key(), f1(p.jstatMaxUsedMb()), f1(p.gcMaxBeforeMb()), f1(p.gcMaxAfterMb()),
                            p.remarkMaxAfterMb() < 0 ? "-" : f1(p.remarkMaxAfterMb()), Integer.toString(p.gcCount())});
                    maxAfter = Math.max(maxAfter, p.gcMaxAfterMb());
                    maxRemark = Math.max(maxRemark, p.remarkMaxAfterMb());
                    if (answers.isEmpty()) {
                        coverageRows.add(new String[] {name, v.key(), "failed", "", "", "", "", "", "", "", "", f0(other)});
                        continue;
                    }
                    CoverageBench.Answer last = answers.get(answers.size() - 1);
                    List<Double> secs = answers.stream().map(CoverageBench.Answer::seconds).toList();
                    double med = CoverageBench.median(secs);
                    double firstByte = CoverageBench.median(answers.stream().map(CoverageBench.Answer::firstByteSeconds).toList());
                    figures.put(name + "|" + v.key(), med);
                    figures.put("first|" + name + "|" + v.key(), firstByte);
                    coveredSeen.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(name + " " + last.coveredCount());
                    String areas = v.areas() ? Long.toString(last.areaFeatures()) : last.omitted() != null ? "omitted" : Long.toString(last.areaFeatures());
                    coverageRows.add(new String[] {name, v.key(), "HTTP " + last.status() + " ×" + answers.size(), f2(med),
                            f2(secs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)) + "–"
                                    + f2(secs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)),
                            f2(firstByte), f1(last.bytes() / 1e6), String.format(Locale.ROOT, "%,d", last.features()),
                            String.format(Locale.ROOT, "%,d", last.coveredCount()), CoverageBench.pct(last.coveredShare()), areas, f0(other)});
                    if (last.features() != villageCount) notes.add(name + " coverage " + v.key() + ": " + last.features()
                            + " demand features in the answer instead of " + villageCount);
                }
                figures.put("heap|" + name, maxAfter);
                figures.put("remark|" + name, maxRemark);
                figures.put("rss|" + name, server.peakRssMb());
                coverageHeapRows.add(new String[] {name, "(server peak RSS, whole run)", "", "", "", "", "", f1(server.peakRssMb())});
                if (Files.readString(log).contains("OutOfMemoryError")) {
                    notes.add(name + " coverage server logged an OutOfMemoryError; see " + log);
                    figures.put("oom|" + name, 1.0);
                }
            }
        } catch (Exception e) {
            notes.add(name + " coverage could not run: " + e);
            progress("%s coverage failed: %s", name, e);
        }
        heapProbe(name, env);
    }

    /**
     * How small a heap still serves the heaviest requests: a fresh server per -Xmx (no warm-up, one request each of
     * euclid+areas and network). Says more about the memory need than G1's after-young-GC figures, which include
     * old garbage not yet marked.
     */
    private void heapProbe(String name, Map<String, String> env) {
        List<CoverageBench.Variant> variants = CoverageBench.variants(coverageRadius).stream()
                .filter(v -> v.key().equals("network") || v.key().equals("euclid+areas")).toList();
        for (String heap : env("BENCH_HEAP_PROBE", "512m,384m,256m").split(",")) {
            if (heap.isBlank()) continue;
            Path log = out.resolve("logs/coverage-" + name.toLowerCase(Locale.ROOT) + "-xmx" + heap.trim() + "-server.log");
            List<String> cells = new ArrayList<>(List.of(name, "-Xmx" + heap.trim()));
            try (ServerProcess server = ServerProcess.start(jar, List.of("-Xmx" + heap.trim()), env, log)) {
                server.awaitHealthy(http, Duration.ofSeconds(90));
                for (CoverageBench.Variant v : variants) {
                    progress("%s heap probe -Xmx%s: %s", name, heap.trim(), v.key());
                    try {
                        CoverageBench.Answer a = CoverageBench.post(http, server.baseUrl(), v.inputs(), Duration.ofMinutes(3));
                        cells.add(a.status() == 200 && a.problem() == null ? "HTTP 200 in " + f1(a.seconds()) + " s"
                                : "HTTP " + a.status() + " in " + f1(a.seconds()) + " s" + (a.problem() == null || a.problem().isBlank() ? "" : ": "
                                + a.problem().substring(0, Math.min(60, a.problem().length()))));
                    } catch (IOException e) {
                        cells.add("failed: " + e.getClass().getSimpleName() + (server.process.isAlive() ? "" : ", server died"));
                    }
                }
                boolean oom = Files.readString(log).contains("OutOfMemoryError");
                cells.add(oom ? "yes" : "no");
                cells.add(f0(server.peakRssMb()));
            } catch (Exception e) {
                cells.add("could not run: " + e);
            }
            while (cells.size() < 6) cells.add("");
            probeRows.add(cells.toArray(String[]::new));
        }
    }

    /** The same analyses in this JVM on the generated (pre-loaded) features: JIT-warm, median of {@code analysisRuns}. */
    private void analysisOnly(SyntheticProvince data) {
        for (CoverageBench.Variant v : CoverageBench.variants(coverageRadius)) {
            int runs = v.areas() ? Math.max(1, Math.min(analysisRuns, 3)) : analysisRuns;
            progress("analysis only %s: 1 warm-up + %d runs in-process", v.key(), runs);
            CpuWatch cpu = CpuWatch.start();
            CoverageBench.Local l;
            try {
                l = CoverageBench.analyse(v, data.suppliers, data.villages, data.lines, 1, runs);
            } catch (RuntimeException | Error e) {
                notes.add("analysis only " + v.key() + " failed: " + e);
                analysisRows.add(new String[] {v.key(), "failed", "", "", "", "", "", "", f0(cpu.otherPercent())});
                continue;
            }
            double other = cpu.otherPercent();
            progress("  median %.2f s (min %.2f, max %.2f), covered %d", l.medianSeconds(), l.minSeconds(), l.maxSeconds(), l.covered());
            figures.put("local|" + v.key(), l.medianSeconds());
            coveredSeen.computeIfAbsent(v.key(), k -> new ArrayList<>()).add("in-process " + l.covered());
            analysisRows.add(new String[] {v.key(), Integer.toString(l.runs()), f2(l.medianSeconds()), f2(l.minSeconds()) + "–" + f2(l.maxSeconds()),
                    f0(l.allocatedMb()), String.format(Locale.ROOT, "%,d", l.covered()), CoverageBench.pct(l.share()),
                    v.areas() ? Integer.toString(l.areas()) : "-", f0(other)});
        }
    }

    private void coverageReport(SyntheticProvince data) {
        report.add("");
        report.add("Coverage: POST /processes/coverage/execution, supply = suppliers (" + String.format(Locale.ROOT, "%,d", data.suppliers.size())
                + "), demand = villages (" + String.format(Locale.ROOT, "%,d", data.villages.size()) + "), network = lines ("
                + String.format(Locale.ROOT, "%,d", data.lines.size()) + ") — server JVM java " + CoverageBench.HEAP
                + " -jar parkgrid.jar; 1 warm-up + " + coverageRuns + " measured requests per variant; time = send → whole body read");
        List<CoverageBench.Variant> variants = CoverageBench.variants(coverageRadius);
        for (CoverageBench.Variant v : variants) report.add("  " + pad(v.key(), 12, false) + " " + v.label());
        table(new String[] {"store", "variant", "status", "median s", "min–max s", "first byte s", "MB", "features", "covered", "covered %",
                "area features", "other CPU %"}, coverageRows);
        report.add("  'first byte s': the server reads the layers and runs the whole analysis before it writes the first byte, so "
                + "this is ≈ read + analysis, and the rest is writing the GeoJSON.");
        report.add("  heap of the " + CoverageBench.HEAP + " server per variant (warm-up + measured requests):");
        table(new String[] {"store", "variant", "peak used MB (jstat 100 ms)", "max before GC MB (gc log)", "max after young GC MB",
                "max after remark MB", "GCs", "peak RSS MB"}, coverageHeapRows);
        report.add("  G1 young pauses do not collect the old generation, so 'after young GC' also counts old garbage of earlier requests: "
                + "an upper bound on the live set. 'After remark' (end of a concurrent mark) is close to the live set at that moment.");
        report.add("  Smallest heap probe: a fresh server per -Xmx, no warm-up, one request each (euclid+areas, then network):");
        table(new String[] {"store", "heap", "euclid+areas", "network", "OutOfMemoryError logged", "peak RSS MB"}, probeRows);
        report.add("");
        report.add("  Reading the layers in-process (FeatureStore.forEach into a list, as the coverage process reads them (LocatedFeatures.read); median of 3 after 1 warm-up), s:");
        table(new String[] {"store", "suppliers", "villages", "lines", "euclidean needs (s+v)", "network needs (s+v+l)", "other CPU %"}, readRows);
        report.add("");
        report.add("  Analysis only: CoverageAnalysis in the benchmark JVM on the generated features (no store, no HTTP, no JSON), "
                + "JIT-warm (1 warm-up), median of the runs; includes projection, network build and attachment; 'allocated' = bytes "
                + "allocated by one run (largest), not live heap:");
        table(new String[] {"variant", "runs", "median s", "min–max s", "allocated MB", "covered", "covered %", "area features", "other CPU %"},
                analysisRows);
        for (Map.Entry<String, List<String>> e : coveredSeen.entrySet()) {
            List<String> seen = e.getValue();
            long distinct = seen.stream().map(x -> x.substring(x.lastIndexOf(' ') + 1)).distinct().count();
            if (distinct > 1) notes.add("coverage " + e.getKey() + ": covered counts differ: " + seen);
        }
        report.add("");
        report.add("  Targets (issue: Euclidean < 1 s, network < 5 s, memory < 1 GB on this 2-core machine):");
        for (String store : new String[] {"GeoPackage", "PostGIS"}) {
            if (!figures.containsKey(store + "|euclid") && !figures.containsKey(store + "|network")) continue;
            report.add("    " + store + " over HTTP: euclidean " + target(figures.get(store + "|euclid"), 1) + " (with areas "
                    + secs(figures.get(store + "|euclid+areas")) + ", rule " + secs(figures.get(store + "|rule 0.4kV")) + ", radius_m "
                    + secs(figures.get(store + "|radius_m")) + "); network " + target(figures.get(store + "|network"), 5)
                    + "; heap " + heapTarget(store));
        }
        report.add("    analysis only: euclidean " + target(figures.get("local|euclid"), 1) + " (with areas "
                + secs(figures.get("local|euclid+areas")) + "); network " + target(figures.get("local|network"), 5));
    }

    private String heapTarget(String store) {
        Double live = figures.get("heap|" + store);
        if (live == null || live < 0) return "unknown";
        boolean oom = figures.containsKey("oom|" + store);
        return (oom ? "NOT MET (OutOfMemoryError at " : "met: every request served in ") + CoverageBench.HEAP
                + (oom ? ")" : "") + ", max after young GC " + f0(live) + " MB, after remark " + f0(figures.getOrDefault("remark|" + store, -1.0))
                + " MB; process peak RSS " + f0(figures.getOrDefault("rss|" + store, -1.0)) + " MB"
                + (figures.getOrDefault("rss|" + store, -1.0) > 1024 ? " (over 1 GB)" : "");
    }

    private static String target(Double seconds, double limit) {
        if (seconds == null) return "not measured";
        return f2(seconds) + " s " + (seconds < limit ? "(met, < " + f0(limit) + " s)" : "(NOT met, > " + f0(limit) + " s)");
    }

    private static String secs(Double seconds) {
        return seconds == null ? "not measured" : f2(seconds) + " s";
    }

    private static String supplierStats(SyntheticProvince data) {
        double[] r = data.suppliers.stream().mapToDouble(f -> (Double) f.properties().get("radius_m")).sorted().toArray();
        if (r.length == 0) return "none";
        return String.format(Locale.ROOT, "radius_m min %.0f / median %.0f / max %.0f", r[0], r[r.length / 2], r[r.length - 1]);
    }

    private static String classStats(SyntheticProvince data) {
        long c = data.villages.stream().filter(f -> "C".equals(f.properties().get("supply_class"))).count();
        return String.format(Locale.ROOT, "C %,d (within %.0f km of a county seat), D %,d", c, SyntheticProvince.CLASS_C_METRES / 1000,
                data.villages.size() - c);
    }

    // ---------------------------------------------------------------- formatting

    private void table(String[] header, List<String[]> rows) {
        int[] w = new int[header.length];
        for (int i = 0; i < header.length; i++) w[i] = header[i].length();
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        report.add("  " + row(header, w));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) rule.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
        report.add("  " + rule);
        for (String[] r : rows) report.add("  " + row(r, w));
        if (rows.isEmpty()) report.add("  (no figures)");
    }

    private static String row(String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.length ? cells[i] : "";
            if (i > 0) sb.append(" | ");
            sb.append(pad(c, w[i], i > 0 && i < w.length - 1));
        }
        return sb.toString().stripTrailing();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    private static String lineLengths(SyntheticProvince data) {
        double[] len = data.lines.stream().mapToDouble(f -> (Double) f.properties().get("length_m")).sorted().toArray();
        return String.format(Locale.ROOT, "min %.0f / median %.0f / max %.0f (total %,.0f km)", len[0], len[len.length / 2],
                len[len.length - 1], Arrays.stream(len).sum() / 1000);
    }

    private static String windowStats(List<HttpLoad.Window> windows) {
        int[] n = windows.stream().mapToInt(HttpLoad.Window::expectedMatched).sorted().toArray();
        return "min " + n[0] + " / median " + n[n.length / 2] + " / max " + n[n.length - 1];
    }

    private static String windowSides(List<HttpLoad.Window> windows) {
        double[] s = windows.stream().mapToDouble(w -> {
            String[] p = w.bbox().split(",");
            return (Double.parseDouble(p[3]) - Double.parseDouble(p[1])) * SyntheticProvince.M_PER_DEG_LAT / 1000;
        }).sorted().toArray();
        return String.format(Locale.ROOT, "min %.1f / median %.1f / max %.1f", s[0], s[s.length / 2], s[s.length - 1]);
    }

    private String postgresVersion() {
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), postgis_lib_version()")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + " + PostGIS " + rs.getString(2);
        } catch (SQLException e) {
            return "PostgreSQL (version unknown)";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static double totalMemoryGb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0).orElse(0.0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String joinMs(List<Double> ms) {
        return String.join(", ", ms.stream().map(ProvinceBenchmark::f0).toList());
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) return Double.NaN;
        List<Double> s = v.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    private static void progress(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String f0(double v) { return String.format(Locale.ROOT, "%.0f", v); }
    private static String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }
    private static String f2(double v) { return String.format(Locale.ROOT, "%.2f", v); }
    private static String fmt0(double v) { return String.format(Locale.ROOT, "%,.0f", v); }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }
}
