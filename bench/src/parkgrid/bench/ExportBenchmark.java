package parkgrid.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import parkgrid.imports.ImportJobs;
import parkgrid.imports.ImportRequest;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.SyntheticProvince;

/**
 * Export of 200 000 line segments (SyntheticProvince, as the import benchmark) from each store in each file format,
 * over HTTP ({@code GET /collections/lines/export?format=…} from a {@code java -Xmx256m -jar} server, body read and
 * counted by the client; peak heap by jstat and the GC log), each beside {@code ogr2ogr} converting the same table of
 * the same store (the store's GeoPackage file / {@code PG:}) to the same format, interleaved.
 * {@code bash bench/export.sh}.
 */
public final class ExportBenchmark {
    /** format → ogr2ogr driver, output file name, extra flags. */
    private static final List<String[]> FORMATS = List.of(
            new String[] {"geojson", "GeoJSON", "lines.geojson", ""},
            new String[] {"geopackage", "GPKG", "lines.gpkg", ""},
            new String[] {"csv", "CSV", "lines.csv", "-lco GEOMETRY=AS_WKT"},
            new String[] {"kml", "KML", "lines.kml", ""},
            new String[] {"shapefile", "ESRI Shapefile", "lines.shp.zip", "-lco ENCODING=UTF-8"},
            new String[] {"flatgeobuf", "FlatGeobuf", "lines.fgb", ""});

    private ExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(out);
        String schema = env("BENCH_SCHEMA", "export_bench");
        int segments = Integer.parseInt(env("BENCH_LINES", "200000"));
        List<String> only = List.of(env("BENCH_FORMATS", "geojson,geopackage,csv,kml,shapefile,flatgeobuf").split(","));
        int port = Integer.parseInt(env("BENCH_PORT", "7100"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        Path geojson = out.resolve("lines.geojson");
        if (!Files.exists(geojson)) {
            SyntheticProvince data = SyntheticProvince.generate(1000, segments, 100, SyntheticProvince.BENCH_SEED);
            ImportBenchmark.writeGeoJson(data.lines, geojson);
        }
        Path gpkgStore = out.resolve("export-store.gpkg");
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(gpkgStore + suffix));
        dropSchema(schema);
        load(GeoPackageStore.open(gpkgStore), geojson);
        load(PostGisStore.open(ImportBenchmark.dbUrl(), user(), env("BENCH_DB_PASSWORD", ""), schema), geojson);

        String db = ImportBenchmark.dbUrl().replace("jdbc:postgresql://", "");
        String host = db.substring(0, db.indexOf(':')), rest = db.substring(db.indexOf(':') + 1);
        String pgPort = rest.substring(0, rest.indexOf('/')), name = rest.substring(rest.indexOf('/') + 1);
        String pg = "PG:host=" + host + " port=" + pgPort + " dbname=" + name + " user=" + user() + " tables=" + schema + ".lines";

        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%-40s %8s %7s %9s %13s %12s %s", "export of " + segments + " lines", "time s", "CPU s", "size MB",
                "peak heap MB", "GC after MB", "notes"));
        for (String store : List.of("geopackage", "postgis")) {
            Path gcLog = out.resolve("export-gc-" + store + ".log");
            Files.deleteIfExists(gcLog);
            Map<String, String> serverEnv = store.equals("postgis")
                    ? Map.of("PARKGRID_DB", ImportBenchmark.dbUrl(), "PARKGRID_DB_SCHEMA", schema, "PARKGRID_DB_USER", user(),
                            "PARKGRID_DB_PASSWORD", env("BENCH_DB_PASSWORD", ""))
                    : Map.of("PARKGRID_GPKG", gpkgStore.toString());
            List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog));
            if (!env("BENCH_JFR", "").isEmpty()) {
                jvm.add("-XX:StartFlightRecording=filename=" + out.resolve("export-" + store + ".jfr") + ",settings=profile");
            }
            try (ServerProcess server = ServerProcess.start(jar, jvm, serverEnv, out.resolve("export-server-" + store + ".log"), port++)) {
                server.awaitHealthy(http, Duration.ofSeconds(120));
                ExportDownload.get(http, server.baseUrl() + "/collections/lines/export?format=geojson", Duration.ofMinutes(5)); // warm-up
                for (String[] f : FORMATS) {
                    if (!only.contains(f[0])) continue;
                    double cpu0 = cpuSeconds(server.pid());
                    HeapWatch watch = HeapWatch.start(server.pid(), gcLog);
                    ExportDownload.Result r = ExportDownload.get(http, server.baseUrl() + "/collections/lines/export?format=" + f[0],
                            Duration.ofMinutes(10));
                    double cpu = cpuSeconds(server.pid()) - cpu0;
                    HeapWatch.Peak peak = watch.stop();
                    rows.add(String.format(Locale.ROOT, "%-40s %8.2f %7.1f %9.1f %13.0f %12.0f HTTP %d | load %s", "ParkGrid " + store + " → " + f[0],
                            r.seconds(), cpu, r.bytes() / 1e6, peak.jstatMaxUsedMb(), peak.gcMaxAfterMb(), r.status(), ImportBenchmark.load()));
                    System.err.println(rows.get(rows.size() - 1));
                    rows.add(ogr(out, store, f, store.equals("postgis") ? pg : gpkgStore.toString()));
                    System.err.println(rows.get(rows.size() - 1));
                }
            }
        }
        dropSchema(schema);
        rows.add("(" + Runtime.getRuntime().availableProcessors() + " cores shared; server java -Xmx256m -jar; peak heap = jstat every 100 ms, "
                + "GC after = largest live set after a collection; ogr2ogr peak = max RSS of the process from /usr/bin/time)");
        String table = String.join("\n", rows);
        System.out.println(table);
        Files.writeString(out.resolve("export-results.txt"), table + "\n");
        System.exit(0);
    }

    private static String ogr(Path out, String store, String[] f, String source) throws Exception {
        Path dir = out.resolve("ogr-" + store + "-" + f[0]);
        ImportBenchmark.deleteTree(dir);
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "TIME %e %M %U %S", "ogr2ogr", "-f", f[1], dir.resolve(f[2]).toString(), source));
        if (!source.startsWith("PG:")) cmd.add("lines");
        cmd.addAll(List.of("-nln", "lines"));
        if (!f[3].isEmpty()) cmd.addAll(List.of(f[3].split(" ")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String label = "ogr2ogr " + store + " → " + f[1];
        if (p.waitFor() != 0) return String.format(Locale.ROOT, "%-40s %8s %s", label, "failed", text.strip());
        String[] v = text.lines().filter(l -> l.startsWith("TIME ")).reduce((a, b) -> b).orElse("TIME - - 0 0").split(" ");
        long bytes;
        try (var s = Files.walk(dir)) {
            bytes = s.filter(Files::isRegularFile).mapToLong(x -> x.toFile().length()).sum();
        }
        String flags = String.join(" ", cmd.subList(3, cmd.size())).replace(out.toString() + "/", "");
        String row = String.format(Locale.ROOT, "%-40s %8s %7.1f %9.1f %13.0f %12s RSS; %s | load %s", label, v[1],
                Double.parseDouble(v[3]) + Double.parseDouble(v[4]), bytes / 1e6,
                Double.parseDouble(v[2]) / 1024, "-", flags, ImportBenchmark.load());
        ImportBenchmark.deleteTree(dir);
        return row;
    }

    /** User + system CPU the process has used so far (/proc/<pid>/stat, 100 ticks a second). */
    private static double cpuSeconds(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** The GeoJSON imported into {@code store} through the import pipeline as layer {@code lines}. */
    private static void load(FeatureStore store, Path geojson) throws Exception {
        Path upload = geojson.resolveSibling("export-upload.geojson");
        Files.copy(geojson, upload, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            ImportJobs jobs = ImportBenchmark.jobs(store);
            var job = jobs.register(new ImportRequest("lines", false, "geojson", "lines.geojson", null, null, null, false, null, Map.of()), "基准");
            jobs.run(job, upload);
        } finally {
            Files.deleteIfExists(upload);
            store.close();
        }
    }

    private static void dropSchema(String schema) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(ImportBenchmark.dbUrl(), user(), env("BENCH_DB_PASSWORD", ""))) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String user() {
        return env("BENCH_DB_USER", "postgres");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
