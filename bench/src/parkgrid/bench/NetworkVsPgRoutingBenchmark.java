package parkgrid.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import parkgrid.analysis.CoverageAnalysis;
import parkgrid.analysis.CoverageOptions;
import parkgrid.analysis.DemandResult;
import parkgrid.analysis.LineNetwork;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.PgRoutingCoverage;
import parkgrid.testing.SyntheticProvince;

/**
 * Network coverage of the province's 50 000 villages by its 2 000 suppliers along its 200 000 lines, constant
 * 1 500 m: ParkGrid ({@code POST /processes/coverage/execution}, mode network, on the PostGIS store; and the same
 * {@link CoverageAnalysis} in this JVM on features read beforehand, "analysis only") beside PostGIS + pgRouting alone
 * ({@link PgRoutingCoverage}: the graph built in SQL with LineNetwork's definition, then one
 * {@code pgr_drivingDistance}). Interleaved runs, medians, ratios and the covered sets compared id by id.
 * {@code bash bench/network-vs-pgrouting.sh}.
 */
public final class NetworkVsPgRoutingBenchmark {
    private static final double RADIUS = 1_500;

    private NetworkVsPgRoutingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        String db = env("BENCH_PGR_DB", "jdbc:postgresql://127.0.0.1:5432/parkgrid_bench_pgrouting");
        String user = env("BENCH_DB_USER", "postgres"), password = env("BENCH_DB_PASSWORD", "");
        String schema = env("PGR_SCHEMA", "province");
        int runs = Integer.parseInt(env("PGR_RUNS", "3"));
        int port = Integer.parseInt(env("PGR_PORT", "0"));
        List<String> serverJvm = new ArrayList<>(List.of(CoverageBench.HEAP));
        if (!env("PGR_SERVER_JVM", "").isBlank()) serverJvm.addAll(List.of(env("PGR_SERVER_JVM", "").trim().split("\\s+")));
        Files.createDirectories(out.resolve("logs"));

        SyntheticProvince data = SyntheticProvince.generate(50_000, 200_000, 2_000, ProvinceBenchmark.SEED);
        Path marker = out.resolve("pgrouting-" + schema + ".loaded");
        if (env("PGR_RELOAD", "0").equals("1") || !Files.exists(marker)) {
            try (Connection c = DriverManager.getConnection(db, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            progress("loading the province into %s schema %s", db, schema);
            try (PostGisStore store = PostGisStore.open(db, user, password, schema)) {
                AbBenchmark.load(store, data);
            }
            try (Connection c = DriverManager.getConnection(db, user, password); Statement s = c.createStatement()) {
                s.execute("ANALYZE " + schema + ".villages, " + schema + ".lines, " + schema + ".suppliers");
            }
            Files.writeString(marker, db + " " + schema + "\n");
        }
        String inputs = CoverageBench.variants(RADIUS).stream().filter(v -> v.key().equals("network")).findFirst().orElseThrow().inputs()
                .replace("\"include_areas\":false}", "\"include_areas\":false,\"include_features\":false}");

        // in-process: the same analysis on the same features, read once from the store
        List<Feature> suppliers = new ArrayList<>(), villages = new ArrayList<>(), lines = new ArrayList<>();
        try (PostGisStore store = PostGisStore.open(db, user, password, schema)) {
            store.forEach("suppliers", FeatureQuery.all(), suppliers::add);
            store.forEach("villages", FeatureQuery.all(), villages::add);
            store.forEach("lines", FeatureQuery.all(), lines::add);
        }
        TreeSet<Long> allVillages = new TreeSet<>();
        for (Feature v : villages) allVillages.add(v.id());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        // a cold first request on a shared machine can pass the default 30 s limit
        Map<String, String> serverEnv = Map.of("PARKGRID_DB", db, "PARKGRID_DB_SCHEMA", schema, "PARKGRID_DB_USER", user,
                "PARKGRID_DB_PASSWORD", password, "PARKGRID_ANALYSIS_SECONDS", "600");
        List<Double> httpS = new ArrayList<>(), analysisS = new ArrayList<>(), prepS = new ArrayList<>(), queryS = new ArrayList<>();
        // CPU seconds of the server JVM (all threads) per request, of the PostgreSQL backend per step, of this thread for the
        // analysis: less sensitive than wall time to the other work on a shared machine
        List<Double> httpCpu = new ArrayList<>(), analysisCpu = new ArrayList<>(), prepCpu = new ArrayList<>(), queryCpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> lines_ = new ArrayList<>();
        Answer answer = null;
        List<Long> pgCovered = null;
        CoverageAnalysis analysis = null;
        PgRoutingCoverage pg = null;
        long[] graph = null;
        double load0 = CpuWatch.loadAverage();
        try (ServerProcess server = ServerProcess.start(jar, serverJvm, serverEnv, out.resolve("logs/network-vs-pgrouting-server.log"), port);
             Connection c = DriverManager.getConnection(db, user, password)) {
            server.awaitHealthy(http, Duration.ofSeconds(90));
            long backend;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backend = rs.getLong(1);
            }
            progress("server on %s; warm-up (one of each)", server.baseUrl());
            answer = post(http, server.baseUrl(), inputs);
            pg = new PgRoutingCoverage(schema, schema + ".lines", schema + ".suppliers", schema + ".villages", answer.epsg,
                    LineNetwork.DEFAULT_SNAP_TOLERANCE_METRES, answer.maxAccessMetres, RADIUS);
            pg.prepare(c);
            pgCovered = pg.covered(c);
            graph = pg.graphSize(c);
            analysis = analyse(suppliers, villages, lines);
            for (int run = 1; run <= runs; run++) {
                double load = CpuWatch.loadAverage();
                double cpu0 = cpuSeconds(server.process.toHandle());
                answer = post(http, server.baseUrl(), inputs);
                httpS.add(answer.seconds);
                httpCpu.add(cpuSeconds(server.process.toHandle()) - cpu0);
                cpu0 = backendCpuSeconds(backend);
                long t0 = System.nanoTime();
                pg.prepare(c);
                prepS.add((System.nanoTime() - t0) / 1e9);
                prepCpu.add(backendCpuSeconds(backend) - cpu0);
                cpu0 = backendCpuSeconds(backend);
                t0 = System.nanoTime();
                pgCovered = pg.covered(c);
                queryS.add((System.nanoTime() - t0) / 1e9);
                queryCpu.add(backendCpuSeconds(backend) - cpu0);
                long c0 = threads.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                analysis = analyse(suppliers, villages, lines);
                analysisS.add((System.nanoTime() - t0) / 1e9);
                analysisCpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e9);
                int i = run - 1;
                lines_.add(String.format(Locale.ROOT, "run %d (load %.1f): ParkGrid HTTP %.2f s [server CPU %.2f s] (covered %,d), analysis only"
                                + " %.2f s [CPU %.2f s]; pgRouting graph+attach %.2f s [backend CPU %.2f s], drivingDistance+demands %.2f s"
                                + " [backend CPU %.2f s] (covered %,d)", run, load, answer.seconds, httpCpu.get(i), answer.covered,
                        analysisS.get(i), analysisCpu.get(i), prepS.get(i), prepCpu.get(i), queryS.get(i), queryCpu.get(i), pgCovered.size()));
                progress("%s", lines_.get(lines_.size() - 1));
            }
        }

        TreeSet<Long> ours = new TreeSet<>(allVillages);
        ours.removeAll(answer.uncovered);
        TreeSet<Long> theirs = new TreeSet<>(pgCovered);
        TreeSet<Long> onlyOurs = new TreeSet<>(ours), onlyTheirs = new TreeSet<>(theirs);
        onlyOurs.removeAll(theirs);
        onlyTheirs.removeAll(ours);

        double h = CoverageBench.median(httpS), a = CoverageBench.median(analysisS), p = CoverageBench.median(prepS),
                q = CoverageBench.median(queryS);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Network coverage, %s.villages (%,d) by %s.suppliers (%,d) along %s.lines (%,d), constant %.0f m,"
                        + " access leg ≤ %.0f m, snap %.1f m, EPSG:%d; %d cores; load average %.1f at start, %.1f at end%n", schema, villages.size(),
                schema, suppliers.size(), schema, lines.size(), RADIUS, answer.maxAccessMetres, LineNetwork.DEFAULT_SNAP_TOLERANCE_METRES,
                answer.epsg, Runtime.getRuntime().availableProcessors(), load0, CpuWatch.loadAverage()));
        text.append(String.format(Locale.ROOT, "pgRouting graph: %,d edges, %,d nodes, %,d T-junction splits (pgRouting %s)%n", graph[0],
                graph[1], graph[2], pgRoutingVersion(db, user, password)));
        for (String l : lines_) text.append("  ").append(l).append('\n');
        double hc = CoverageBench.median(httpCpu), ac = CoverageBench.median(analysisCpu), pc = CoverageBench.median(prepCpu),
                qc = CoverageBench.median(queryCpu);
        text.append(String.format(Locale.ROOT, "median of %d interleaved runs:                       wall      CPU%n", runs));
        text.append(String.format(Locale.ROOT, "  ParkGrid over HTTP (PostGIS store, -Xmx1g server)  %6.2f s  %6.2f s (server JVM, all threads)%n", h, hc));
        text.append(String.format(Locale.ROOT, "  ParkGrid analysis only (in-process)                %6.2f s  %6.2f s (this thread)%n", a, ac));
        text.append(String.format(Locale.ROOT, "  pgRouting: graph + attachments from the layers     %6.2f s  %6.2f s (backend)%n", p, pc));
        text.append(String.format(Locale.ROOT, "  pgRouting: pgr_drivingDistance + demands           %6.2f s  %6.2f s (backend)%n", q, qc));
        text.append(String.format(Locale.ROOT, "  pgRouting: whole (layers → covered ids)            %6.2f s  %6.2f s%n", p + q, pc + qc));
        text.append(String.format(Locale.ROOT, "ratio ParkGrid HTTP ÷ pgRouting whole: wall %.2f×, CPU %.2f× (goal ≤ 0.5×); ÷ pgRouting query alone: wall %.2f×,"
                + " CPU %.2f×; analysis only ÷ pgRouting whole: wall %.2f×%n", h / (p + q), hc / (pc + qc), h / q, hc / qc, a / (p + q)));
        text.append(String.format(Locale.ROOT, "covered: ParkGrid %,d (HTTP), %,d (analysis only); pgRouting %,d; %s%n", ours.size(),
                analysis.getSummary().coveredCount(), theirs.size(), onlyOurs.isEmpty() && onlyTheirs.isEmpty() ? "SAME SET"
                        : "differ: " + onlyOurs.size() + " only ParkGrid, " + onlyTheirs.size() + " only pgRouting"));
        try (Connection c = DriverManager.getConnection(db, user, password)) {
            explain(text, "only ParkGrid", onlyOurs, analysis, villages, pg, c);
            explain(text, "only pgRouting", onlyTheirs, analysis, villages, pg, c);
        }
        System.out.print(text);
        Files.writeString(out.resolve("network-vs-pgrouting.txt"), text, StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static double cpuSeconds(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** utime + stime of a PostgreSQL backend from /proc (Linux; the bench runs beside the database). */
    private static double backendCpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // fields 14, 15; USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static CoverageAnalysis analyse(List<Feature> suppliers, List<Feature> villages, List<Feature> lines) {
        CoverageAnalysis a = new CoverageAnalysis(suppliers, villages, RadiusPolicy.constant(RADIUS), CoverageOptions.network(lines)
                .withPopulationProperty(CoverageOptions.DEFAULT_POPULATION_PROPERTY).withSupplierNoun("supplier"));
        a.compute();
        return a;
    }

    /** Up to 20 differing ids with both distances, so a tolerance effect at exactly the radius shows as such. */
    private static void explain(StringBuilder text, String label, TreeSet<Long> ids, CoverageAnalysis analysis, List<Feature> villages,
                                PgRoutingCoverage pg, Connection c) throws Exception {
        int shown = 0;
        for (long id : ids) {
            if (shown++ == 20) {
                text.append("    … ").append(ids.size() - 20).append(" more\n");
                break;
            }
            int index = -1;
            for (int i = 0; i < villages.size() && index < 0; i++) if (villages.get(i).id() == id) index = i;
            DemandResult r = analysis.getDemandResults().get(index);
            double[] d = pg.distance(c, id);
            text.append(String.format(Locale.ROOT, "    %s: village %d — ParkGrid %s m (access %s m); pgRouting %.3f m (access %.3f m); %s%n", label,
                    id, r.covered() ? String.format(Locale.ROOT, "%.3f", r.distanceMetres()) : r.nearestDistanceMetres() == null ? "∞"
                            : String.format(Locale.ROOT, "%.3f", r.nearestDistanceMetres()),
                    r.accessMetres() == null ? "?" : String.format(Locale.ROOT, "%.3f", r.accessMetres()), d[0], d[1], r.reason()));
        }
    }

    /** What the client needs from one answer. */
    record Answer(double seconds, long covered, List<Long> uncovered, int epsg, double maxAccessMetres) {}

    static Answer post(HttpClient http, String baseUrl, String inputs) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/processes/coverage/execution")).timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":" + inputs + "}", StandardCharsets.UTF_8)).build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (resp.statusCode() != 200) {
            throw new IOException("HTTP " + resp.statusCode() + ": " + new String(resp.body(), StandardCharsets.UTF_8));
        }
        List<Long> uncovered = new ArrayList<>();
        JsonNode summary = null;
        try (JsonParser p = CoverageBench.JSON.getFactory().createParser(resp.body())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("summary")) {
                    summary = p.readValueAsTree();
                } else if (name.equals("uncovered")) {
                    while (p.nextToken() != JsonToken.END_ARRAY) uncovered.add(p.getLongValue());
                } else if (t.isStructStart()) {
                    p.skipChildren();
                }
            }
        }
        if (summary == null) throw new IOException("no summary in the answer");
        int epsg = Integer.parseInt(summary.path("projection").asText().replace("EPSG:", ""));
        return new Answer(seconds, summary.path("covered_count").asLong(), uncovered, epsg, summary.path("network").path("max_access_m").asDouble());
    }

    private static String pgRoutingVersion(String db, String user, String password) {
        try (Connection c = DriverManager.getConnection(db, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pgr_version()")) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            return "?";
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[pgr] " + format + "%n", args);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
