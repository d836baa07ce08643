package parkgrid.bench;

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
        SyntheticProvince data = SyntheticProvince.generate(villageCount, segmentCount, SEED);
        double genSeconds = secondsSince(g0);
        List<HttpLoad.Window> windows = HttpLoad.windows(data, 200, LIMIT, SEED + 1);
        List<HttpLoad.Window> warmWindows = HttpLoad.windows(data, 50, LIMIT, SEED + 2);

        Path gpkg = out.resolve("province.gpkg");
        boolean geoPackage = attempt("GeoPackage load/serve", () -> benchGeoPackage(data, windows, warmWindows, gpkg));
        if (geoPackage) exportRun("GeoPackage", Map.of("PARKGRID_GPKG", gpkg.toString()));

        boolean[] reachable = {false};
        boolean postgis = attempt("PostGIS load/serve", () -> reachable[0] = benchPostGis(data, windows, warmWindows)) && reachable[0];
        if (postgis) {
            exportRun("PostGIS", Map.of("PARKGRID_DB", dbUrl, "PARKGRID_DB_SCHEMA", SCHEMA, "PARKGRID_DB_USER", dbUser,
                    "PARKGRID_DB_PASSWORD", dbPassword));
        }

        startup();

        // ---------------------------------------------------------------- report
        report.add("ParkGrid province-scale benchmark — " + started);
        report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
                + Math.round(totalMemoryGb()) + " GB RAM; " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + "; Java " + System.getProperty("java.version") + (postgis ? "; " + postgresVersion() : ""));
        report.add("other CPU %: share of the machine's " + Runtime.getRuntime().availableProcessors() + "-core capacity used by processes other than the benchmark, its servers and PostgreSQL "
                + "during the step (the machine is shared; high values mean contended figures)");
        report.add("");
        report.add("Data set (seed " + SEED + ", lon 111.0–113.2, lat 33.6–35.4 ≈ 200 × 200 km around Luoyang)");
        report.add(String.format(Locale.ROOT, "  villages: %,d points; lines: %,d 2-point LineStrings, length (m) %s; generated in %.1f s",
                data.villages.size(), data.lines.size(), lineLengths(data), genSeconds));
        report.add("  bbox windows: " + windows.size() + " measured + " + warmWindows.size() + " warm-up, square, random centres; "
                + "villages per window " + windowStats(windows) + "; side " + windowSides(windows) + " km");
        report.add("");
        report.add("Load (createLayer + insert in calls of " + String.format(Locale.ROOT, "%,d", batch) + " features, each call one transaction)");
        table(new String[] {"store", "villages s", "lines s", "total s", "features/s", "size MB", "other CPU %", "extra"}, new ArrayList<>(loadRows.values()));
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
        report.add("");
        report.add("Start-up: java -jar parkgrid.jar (default heap) until GET /health answers 200");
        table(new String[] {"case", "runs ms (process start → 200)", "median ms", "server log 'started in' ms"}, startRows);
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
        Files.writeString(out.resolve("results.txt"), text, StandardCharsets.UTF_8);
        progress("written %s", out.resolve("results.txt"));
        System.exit(0);
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
        serve("GeoPackage", store, Settings.embedded(gpkg, 0), windows, warm); // stops the app, which closes the store
        double sizeMb = Files.size(gpkg) / 1e6;
        loadRows.put("GeoPackage", new String[] {"GeoPackage", f1(load[0]), f1(load[1]), f1(load[0] + load[1]),
                fmt0((data.villages.size() + data.lines.size()) / (load[0] + load[1])), f1(sizeMb), f0(load[2]), "file after close"});
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
            s.execute("ANALYZE " + SCHEMA + ".villages, " + SCHEMA + ".lines");
            analyze = secondsSince(a0);
            try (ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('" + SCHEMA + ".villages') + pg_total_relation_size('"
                    + SCHEMA + ".lines')")) {
                rs.next();
                sizeMb = rs.getLong(1) / 1e6;
            }
        }
        serve("PostGIS", store, Settings.embedded(out.resolve("unused.gpkg"), 0), windows, warm);
        loadRows.put("PostGIS", new String[] {"PostGIS", f1(load[0]), f1(load[1]), f1(load[0] + load[1]),
                fmt0((data.villages.size() + data.lines.size()) / (load[0] + load[1])), f1(sizeMb), f0(load[2]),
                "tables+indexes; then ANALYZE " + f1(analyze) + " s"});
        return true;
    }

    // ---------------------------------------------------------------- shared steps

    /** Seconds for the villages layer and for the lines layer (createLayer + all inserts). */
    private double[] load(FeatureStore store, SyntheticProvince data) {
        CpuWatch cpu = CpuWatch.start();
        double v = loadLayer(store, SyntheticProvince.VILLAGES, data.villages);
        double l = loadLayer(store, SyntheticProvince.LINES, data.lines);
        double other = cpu.otherPercent();
        progress("  loaded villages in %.1f s, lines in %.1f s (other processes used %.0f %% of the CPU)", v, l, other);
        return new double[] {v, l, other};
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
