package parkgrid.bench;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GeoJSON export of the province's 200 000 lines: ParkGrid ({@code GET /collections/lines/export?format=geojson} from a
 * {@code java -Xmx256m -jar} server on PostGIS, body read by the client) beside PostGIS's own
 * {@code ST_AsGeoJSON(t.*)} over the same rows, streamed to a client-side file by {@code psql \copy}. Interleaved
 * runs, median of each, the ratio, and the server's heap (jstat and GC log). {@code bash bench/export-vs-postgis.sh}.
 *
 * <p>The ratio is taken with a C client on both sides, timed alike: {@code curl -s -o file} (features counted in the
 * file after the timer stops) against {@code psql \copy ... TO file}, each the wall time of its process. The Java
 * client ({@link ExportDownload#get}, HttpClient with a KMP scan of every byte while reading) is run too and its figure
 * printed beside it: on two shared cores that client's own work was part of ParkGrid's time (bench/README.md).
 */
public final class ExportVsPostGisBenchmark {
    private ExportVsPostGisBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        String db = env("BENCH_DB", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String schema = env("SCALE_SCHEMA", "parkgrid_bench_ab");
        int runs = Integer.parseInt(env("EXPORT_RUNS", "3"));
        int warmups = Integer.parseInt(env("EXPORT_WARMUP", "3"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Path gcLog = out.resolve("logs/export-vs-postgis-gc.log");
        Files.createDirectories(gcLog.getParent());
        Files.deleteIfExists(gcLog);
        Map<String, String> serverEnv = Map.of("PARKGRID_DB", db, "PARKGRID_DB_SCHEMA", schema,
                "PARKGRID_DB_USER", env("BENCH_DB_USER", "postgres"), "PARKGRID_DB_PASSWORD", env("BENCH_DB_PASSWORD", ""));
        // psql takes a libpq URL: jdbc:postgresql://host:port/db → postgresql://user@host:port/db
        String psqlUrl = db.replaceFirst("^jdbc:postgresql://", "postgresql://" + env("BENCH_DB_USER", "postgres") + "@");
        Path copyFile = out.resolve("export-vs-postgis.geojsonl");
        Path curlFile = out.resolve("export-vs-postgis-curl.geojson");
        String copy = "\\copy (SELECT ST_AsGeoJSON(t.*, 'geom') FROM " + schema + ".lines t) TO '" + copyFile + "'";

        List<Double> parkgrid = new ArrayList<>(), javaClient = new ArrayList<>(), postgis = new ArrayList<>();
        List<Double> firstByte = new ArrayList<>(), javaFirstByte = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        double maxJstat = -1, maxBefore = -1, maxAfter = -1;
        long features = -1, pgRows = -1;
        double mb = -1, pgMb = -1;
        try (ServerProcess server = ServerProcess.start(jar, List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog), serverEnv,
                out.resolve("logs/export-vs-postgis-server.log"))) {
            server.awaitHealthy(http, Duration.ofSeconds(90));
            String url = server.baseUrl() + "/collections/lines/export?format=geojson";
            // A server answers many exports in its life, a psql process one: time the JIT-compiled server. One warm-up
            // left it cold (the first timed run 25-40 % slower than the rest); the encoded-feature cache fills on the way.
            for (int w = 0; w < warmups; w++) ExportDownload.curl(url, curlFile, Duration.ofMinutes(5));
            runPsql(psqlUrl, copy);
            for (int run = 1; run <= runs; run++) {
                HeapWatch watch = HeapWatch.start(server.pid(), gcLog);
                ExportDownload.Result r = ExportDownload.curl(url, curlFile, Duration.ofMinutes(5));
                ExportDownload.Result j = ExportDownload.get(http, url, Duration.ofMinutes(5));
                HeapWatch.Peak p = watch.stop();
                parkgrid.add(r.seconds());
                firstByte.add(r.firstByteSeconds());
                javaClient.add(j.seconds());
                javaFirstByte.add(j.firstByteSeconds());
                features = r.features();
                mb = r.megabytes();
                maxJstat = Math.max(maxJstat, p.jstatMaxUsedMb());
                maxBefore = Math.max(maxBefore, p.gcMaxBeforeMb());
                maxAfter = Math.max(maxAfter, p.gcMaxAfterMb());
                long t0 = System.nanoTime();
                runPsql(psqlUrl, copy);
                postgis.add((System.nanoTime() - t0) / 1e9);
                pgMb = Files.size(copyFile) / 1e6;
                try (var s = Files.lines(copyFile)) {
                    pgRows = s.count();
                }
                lines.add(String.format(Locale.ROOT, "run %d: ParkGrid curl %.2f s (first byte %.3f s, HTTP %d, %,d features, %.1f MB), "
                        + "Java client %.2f s (first byte %.3f s, %,d features); psql \\copy ST_AsGeoJSON %.2f s (%,d rows, %.1f MB)",
                        run, r.seconds(), r.firstByteSeconds(), r.status(), r.features(), r.megabytes(), j.seconds(), j.firstByteSeconds(),
                        j.features(), postgis.get(postgis.size() - 1), pgRows, pgMb));
                System.err.println("[export] " + lines.get(lines.size() - 1));
            }
        }
        Files.deleteIfExists(copyFile);
        Files.deleteIfExists(curlFile);
        double pg = median(parkgrid), ps = median(postgis);
        String cacheMb = System.getenv("PARKGRID_FEATURE_CACHE_MB");
        StringBuilder text = new StringBuilder("GeoJSON export of " + schema + ".lines, ParkGrid vs PostGIS ST_AsGeoJSON; "
                + Runtime.getRuntime().availableProcessors() + " cores; load average " + f(CpuWatch.loadAverage()) + "; "
                + warmups + " warm-up exports; PARKGRID_FEATURE_CACHE_MB=" + (cacheMb == null ? "(default)" : cacheMb) + "\n");
        for (String l : lines) text.append("  ").append(l).append('\n');
        text.append(String.format(Locale.ROOT, "median: ParkGrid (curl -o file) %.2f s, first byte %.3f s | PostGIS (psql \\copy to file) %.2f s "
                + "| ratio %.2f× (goal ≤ 1.3×) | %,d vs %,d features, %.1f vs %.1f MB%n",
                pg, median(firstByte), ps, pg / ps, features, pgRows, mb, pgMb));
        double jc = median(javaClient);
        text.append(String.format(Locale.ROOT, "median with the Java client (HttpClient, KMP scan per byte while reading): %.2f s, first byte %.3f s, "
                + "ratio %.2f× (the old harness's figure)%n", jc, median(javaFirstByte), jc / ps));
        text.append(String.format(Locale.ROOT, "server -Xmx256m heap: peak used %.0f MB (jstat 100 ms), max before GC %.0f MB, max after GC %.0f MB (goal ≤ 256 MB)%n",
                maxJstat, maxBefore, maxAfter));
        System.out.print(text);
        Files.writeString(out.resolve("export-vs-postgis.txt"), text, StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static void runPsql(String url, String command) throws Exception {
        Process p = new ProcessBuilder("psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("psql failed: " + output);
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
