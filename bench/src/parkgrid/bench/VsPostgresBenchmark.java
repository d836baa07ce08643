package parkgrid.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import parkgrid.testing.SyntheticProvince;

/**
 * Issue 10's "serving faster than the database alone": on the data {@link AbBenchmark} loaded (the GeoPackage
 * {@code bench/out/ab/province.gpkg} and the schema {@code parkgrid_bench_ab}), the bbox page of 1 000 villages
 * from ParkGrid on each store at {@code VS_CLIENTS} (8) connections, against PostgreSQL alone building the same
 * FeatureCollection text (count, 1 000 features by id with {@code ST_AsGeoJSON}, links, {@code json_build_object})
 * under {@code pgbench} with the same number of clients. The windows are {@link HttpLoad}'s 200; they are written
 * to {@code parkgrid_bench_ab.bench_windows} and the pgbench script draws one per transaction with
 * {@code \set w random(1, 200)}, as the HTTP load draws one per request. pgbench runs before each store and after the
 * last (the load of a shared machine changes within minutes); prints req/s (tps), p50, p99, p99/p50, the server JVM's
 * CPU per request and the ratio of each store to the mean of the two pgbench runs beside it. Before measuring, the SQL answer of window 1 is checked against the
 * expected numberMatched and 1 000 features.
 */
public final class VsPostgresBenchmark {
    private static final String SCHEMA = "parkgrid_bench_ab";

    record Figure(String what, double perSecond, double p50Ms, double p99Ms, int bad, double cpuMs) {}

    private static Figure f(List<Figure> figures) {
        return figures.get(figures.size() - 1);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        int clients = intEnv("VS_CLIENTS", 8);
        int warmup = intEnv("VS_WARMUP", 400);
        int requests = intEnv("VS_REQUESTS", 2_000);
        int pgSeconds = intEnv("VS_PGBENCH_SECONDS", 20);
        List<String> stores = List.of(env("VS_STORES", "GeoPackage,PostGIS").split(","));
        List<String> serverJvm = new ArrayList<>(List.of(CoverageBench.HEAP));
        if (!env("VS_SERVER_JVM", "").isBlank()) serverJvm.addAll(List.of(env("VS_SERVER_JVM", "").trim().split("\\s+")));
        String dbUrl = env("BENCH_DB", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String dbUser = env("BENCH_DB_USER", "postgres");
        String dbPassword = env("BENCH_DB_PASSWORD", "");
        Path dir = out.resolve("ab");
        Path gpkg = dir.resolve("province.gpkg");
        if (!Files.exists(gpkg) || !Files.exists(dir.resolve("postgis.loaded"))) {
            throw new IllegalStateException("run bench/ab.sh once first: it loads " + gpkg + " and the schema " + SCHEMA);
        }
        Path work = dir.resolve("vs");
        Files.createDirectories(work.resolve("logs"));

        SyntheticProvince data = SyntheticProvince.generate(50_000, 200_000, 2_000, ProvinceBenchmark.SEED);
        List<HttpLoad.Window> windows = HttpLoad.windows(data, 200, ProvinceBenchmark.LIMIT, ProvinceBenchmark.SEED + 1);
        List<HttpLoad.Window> warmWindows = HttpLoad.windows(data, 50, ProvinceBenchmark.LIMIT, ProvinceBenchmark.SEED + 2);
        Path script = work.resolve("page.sql");
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            writeWindows(c, windows);
            Files.writeString(script, "\\set w random(1, " + windows.size() + ")\n" + pageSql(":w") + ";\n", StandardCharsets.UTF_8);
            checkSql(c, windows.get(0));
        }

        // pgbench before every store and after the last, each store compared with the mean of the two runs beside it:
        // on a shared machine the load changes within minutes, and the ratio is what counts
        List<Figure> figures = new ArrayList<>();
        List<Figure> references = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        // VS_WRK=0 leaves the C client out; by default it runs after the Java client on each server when wrk is installed
        boolean useWrk = !env("VS_WRK", "1").equals("0") && WrkLoad.available();
        int wrkSeconds = intEnv("VS_WRK_SECONDS", 20);
        List<Figure> wrkFigures = new ArrayList<>();
        List<Double> wrkRatios = new ArrayList<>();
        if (!useWrk) progress("wrk is not installed (apt-get install -y wrk) or VS_WRK=0: the Java client only");
        Figure before = pgbench(script, work, clients, pgSeconds, dbUrl, dbUser, references.size() + 1);
        references.add(before);
        progress("%s: %.1f tps, p50 %.1f ms, p99 %.1f ms", before.what(), before.perSecond(), before.p50Ms(), before.p99Ms());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        for (String store : stores) {
            Map<String, String> serverEnv;
            if (store.equals("GeoPackage")) {
                Path copy = work.resolve("vs.gpkg");
                for (String suffix : new String[] {"-wal", "-shm"}) Files.deleteIfExists(Path.of(copy + suffix));
                Files.copy(gpkg, copy, StandardCopyOption.REPLACE_EXISTING);
                serverEnv = CoverageBench.gpkgEnv(copy);
            } else {
                serverEnv = Map.of("PARKGRID_DB", dbUrl, "PARKGRID_DB_SCHEMA", SCHEMA, "PARKGRID_DB_USER", dbUser,
                        "PARKGRID_DB_PASSWORD", dbPassword);
            }
            List<String> jvm = serverJvm.stream().map(a -> a.replace("{store}", store.toLowerCase(Locale.ROOT))).toList();
            try (ServerProcess server = ServerProcess.start(jar, jvm, serverEnv,
                    work.resolve("logs/" + store.toLowerCase(Locale.ROOT) + ".log"))) {
                server.awaitHealthy(http, Duration.ofSeconds(90));
                HttpLoad.run(http, server.baseUrl(), "villages", warmWindows, ProvinceBenchmark.LIMIT, warmup, clients,
                        Duration.ofSeconds(90), 3);
                double cpu0 = server.cpuSeconds();
                HttpLoad.Result r = HttpLoad.run(http, server.baseUrl(), "villages", windows, ProvinceBenchmark.LIMIT, requests, clients,
                        Duration.ofSeconds(150), ProvinceBenchmark.SEED + 4);
                double cpuMs = (server.cpuSeconds() - cpu0) * 1000 / r.requests();
                Figure f = new Figure("ParkGrid " + store, r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.badAnswers(), cpuMs);
                if (r.badAnswers() > 0) progress("  %d bad answers, first: %s", r.badAnswers(), r.firstProblem());
                progress("%s: %.1f req/s, p50 %.1f ms, p99 %.1f ms, server CPU %.1f ms/request", f.what(), f.perSecond(), f.p50Ms(),
                        f.p99Ms(), cpuMs);
                figures.add(f);
                if (useWrk) {
                    double wcpu0 = server.cpuSeconds();
                    WrkLoad.Result w = WrkLoad.run(server.baseUrl(), "villages", windows, ProvinceBenchmark.LIMIT, clients, wrkSeconds, work);
                    Figure fw = new Figure("ParkGrid " + store + " (wrk)", w.requestsPerSecond(), w.p50Ms(), w.p99Ms(), (int) w.errors(),
                            (server.cpuSeconds() - wcpu0) * 1000 / w.requests());
                    progress("%s: %.1f req/s, p50 %.1f ms, p99 %.1f ms, server CPU %.1f ms/request, %d errors", fw.what(), fw.perSecond(),
                            fw.p50Ms(), fw.p99Ms(), fw.cpuMs(), w.errors());
                    wrkFigures.add(fw);
                }
            }
            Figure after = pgbench(script, work, clients, pgSeconds, dbUrl, dbUser, references.size() + 1);
            references.add(after);
            progress("%s: %.1f tps, p50 %.1f ms, p99 %.1f ms", after.what(), after.perSecond(), after.p50Ms(), after.p99Ms());
            ratios.add(f(figures).perSecond() / ((before.perSecond() + after.perSecond()) / 2));
            if (useWrk) wrkRatios.add(f(wrkFigures).perSecond() / ((before.perSecond() + after.perSecond()) / 2));
            before = after;
        }

        System.out.printf(Locale.ROOT, "%nbbox page (1 000 villages of %d random windows), %d connections; load average %.1f; "
                + "kernel.sched_autogroup_enabled %s; PARKGRID_PAGE_WORKERS %s%n", windows.size(), clients, CpuWatch.loadAverage(), autogroup(),
                System.getenv().getOrDefault("PARKGRID_PAGE_WORKERS", "(default: processors on the GeoPackage, 2 × on PostGIS)"));
        System.out.printf(Locale.ROOT, "%-30s %10s %9s %9s %8s %14s %26s%n", "", "req/s", "p50 ms", "p99 ms", "p99/p50", "server CPU ms",
                "÷ PostgreSQL alone beside");
        for (int i = 0; i < references.size(); i++) {
            if (i > 0) {
                Figure f = figures.get(i - 1);
                System.out.printf(Locale.ROOT, "%-30s %10.1f %9.1f %9.1f %8.2f %14.1f %25.2f×%s%n", f.what(), f.perSecond(), f.p50Ms(),
                        f.p99Ms(), f.p99Ms() / f.p50Ms(), f.cpuMs(), ratios.get(i - 1), f.bad() > 0 ? "  (" + f.bad() + " bad answers)" : "");
                if (useWrk) {
                    Figure w = wrkFigures.get(i - 1);
                    System.out.printf(Locale.ROOT, "%-30s %10.1f %9.1f %9.1f %8.2f %14.1f %25.2f×%s%n", w.what(), w.perSecond(), w.p50Ms(),
                            w.p99Ms(), w.p99Ms() / w.p50Ms(), w.cpuMs(), wrkRatios.get(i - 1), w.bad() > 0 ? "  (" + w.bad() + " errors)" : "");
                }
            }
            Figure pg = references.get(i);
            System.out.printf(Locale.ROOT, "%-30s %10.1f %9.1f %9.1f %8.2f %14s %26s%n", pg.what(), pg.perSecond(), pg.p50Ms(), pg.p99Ms(),
                    pg.p99Ms() / pg.p50Ms(), "", "");
        }
        System.exit(0);
    }

    /**
     * The FeatureCollection of one window as PostgreSQL alone builds it: what ParkGrid answers for
     * {@code /collections/villages/items?bbox=…&limit=1000} (numberMatched by the same indexed box and exact
     * intersection, 1 000 features in id order with all properties, a timeStamp, self/alternate/next links).
     */
    static String pageSql(String window) {
        String t = SCHEMA + ".villages";
        return "WITH b AS (SELECT ST_MakeEnvelope(minx, miny, maxx, maxy, 4326) AS e, bbox FROM " + SCHEMA
                + ".bench_windows WHERE id = " + window + "), "
                + "page AS (SELECT v.* FROM " + t + " v, b WHERE v.geom && b.e AND ST_Intersects(v.geom, b.e) ORDER BY v.fid LIMIT 1000), "
                + "n AS (SELECT count(*) AS matched FROM " + t + " v, b WHERE v.geom && b.e AND ST_Intersects(v.geom, b.e)) "
                + "SELECT json_build_object('type', 'FeatureCollection', 'numberMatched', n.matched, "
                + "'numberReturned', (SELECT count(*) FROM page), "
                // no colon in the script: pgbench would take ":MI" for a variable
                + "'timeStamp', replace(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24.MI.SS\"Z\"'), '.', chr(58)), "
                + "'features', (SELECT json_agg(json_build_object('type', 'Feature', 'id', p.fid, 'geometry', ST_AsGeoJSON(p.geom)::json, "
                + "'properties', json_build_object('name', p.name, 'county', p.county, 'population', p.population, "
                + "'elevation_m', p.elevation_m, 'supply_class', p.supply_class)) ORDER BY p.fid) FROM page p), "
                + "'links', json_build_array("
                + "json_build_object('href', 'http://127.0.0.1/collections/villages/items?bbox=' || b.bbox || '&limit=1000', "
                + "'rel', 'self', 'type', 'application/geo+json', 'title', 'This page'), "
                + "json_build_object('href', 'http://127.0.0.1/collections/villages/items?bbox=' || b.bbox || '&limit=1000&f=html', "
                + "'rel', 'alternate', 'type', 'text/html', 'title', 'This page as HTML'), "
                + "json_build_object('href', 'http://127.0.0.1/collections/villages/items?bbox=' || b.bbox || '&limit=1000&offset=1000', "
                + "'rel', 'next', 'type', 'application/geo+json', 'title', 'Next page'))"
                + ")::text FROM b, n";
    }

    private static void writeWindows(Connection c, List<HttpLoad.Window> windows) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + SCHEMA + ".bench_windows");
            s.execute("CREATE TABLE " + SCHEMA + ".bench_windows (id int PRIMARY KEY, minx float8, miny float8, maxx float8, "
                    + "maxy float8, bbox text, expected int)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SCHEMA + ".bench_windows VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int id = 1;
            for (HttpLoad.Window w : windows) {
                double[] b = Arrays.stream(w.bbox().split(",")).mapToDouble(Double::parseDouble).toArray();
                ps.setInt(1, id++);
                for (int i = 0; i < 4; i++) ps.setDouble(2 + i, b[i]);
                ps.setString(6, w.bbox());
                ps.setInt(7, w.expectedMatched());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE " + SCHEMA + ".bench_windows");
        }
    }

    /** The SQL answer of a window holds its expected numberMatched and 1 000 features, or the comparison is void. */
    private static void checkSql(Connection c, HttpLoad.Window w) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(pageSql("1"))) {
            rs.next();
            String text = rs.getString(1);
            Matcher m = Pattern.compile("\"numberMatched\" : (\\d+)").matcher(text);
            int features = text.split("\"type\" : \"Feature\"", -1).length - 1;
            if (!m.find() || Integer.parseInt(m.group(1)) != w.expectedMatched() || features != ProvinceBenchmark.LIMIT) {
                throw new IllegalStateException("the SQL page of window 1 is not the expected one (" + w + "): "
                        + text.substring(0, Math.min(300, text.length())));
            }
            progress("SQL page checked: %d bytes, numberMatched %d, %d features", text.getBytes(StandardCharsets.UTF_8).length,
                    w.expectedMatched(), features);
        }
    }

    private static Figure pgbench(Path script, Path work, int clients, int seconds, String dbUrl, String user, int run) throws Exception {
        Matcher u = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(dbUrl);
        if (!u.matches()) throw new IllegalArgumentException("BENCH_DB is not jdbc:postgresql://host[:port]/db: " + dbUrl);
        Path logDir = work.resolve("pgbench");
        if (Files.isDirectory(logDir)) try (Stream<Path> old = Files.list(logDir)) {
            for (Path p : old.toList()) Files.delete(p);
        }
        Files.createDirectories(logDir);
        // warm-up, then the measured run with a per-transaction log (latency in µs, third column)
        for (boolean measured : new boolean[] {false, true}) {
            List<String> cmd = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients),
                    "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(measured ? seconds : 5), "-f", script.toString(),
                    "-h", u.group(1), "-p", u.group(2) == null ? "5432" : u.group(2), "-U", user));
            if (measured) cmd.addAll(List.of("-l", "--log-prefix=" + logDir.resolve("tx")));
            cmd.add(u.group(3));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("pgbench failed: " + text);
            if (!measured) continue;
            Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(text);
            Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(text);
            if (!tps.find()) throw new IOException("no tps in pgbench output: " + text);
            List<Long> lat = new ArrayList<>();
            try (Stream<Path> logs = Files.list(logDir)) {
                for (Path log : logs.toList()) {
                    for (String line : Files.readAllLines(log)) lat.add(Long.parseLong(line.split(" ")[2]));
                }
            }
            long[] sorted = lat.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Figure("PostgreSQL alone (pgbench) #" + run, Double.parseDouble(tps.group(1)), pct(sorted, 50) / 1e3,
                    pct(sorted, 99) / 1e3, failed.find() ? Integer.parseInt(failed.group(1)) : 0, Double.NaN);
        }
        throw new AssertionError();
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The kernel's task-group scheduling by session (1: the JVMs and PostgreSQL's service each get a group), or "?". */
    private static String autogroup() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/sched_autogroup_enabled")).strip();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[vs] " + format + "%n", args);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }
}
