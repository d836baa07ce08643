package parkgrid.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import parkgrid.config.ImportLimits;
import parkgrid.feature.Feature;
import parkgrid.feature.PropertyDefinition;
import parkgrid.imports.ImportJob;
import parkgrid.imports.ImportJobs;
import parkgrid.imports.ImportReport;
import parkgrid.imports.ImportRequest;
import parkgrid.imports.Importer;
import parkgrid.io.LayerReaders;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.SyntheticProvince;

/**
 * Import of 200 000 line segments (SyntheticProvince, as bench/run.sh generates them) through ParkGrid's import
 * into each store twice — over HTTP into a running, warmed-up server ({@link ImportOverHttp}, as a planner imports) and
 * through the pipeline ({@link Importer}) in a child JVM with -Xmx256m (time, peak heap from MemoryPoolMXBean peaks and
 * the GC log) — each beside {@code ogr2ogr} doing the same conversion on the same machine, interleaved.
 *
 * <p>{@code ImportBenchmark <outDir> <classpath>} runs it all; {@code ImportBenchmark child <store> <file> <format>}
 * is one import.
 */
public final class ImportBenchmark {
    static final String SCHEMA = env("BENCH_SCHEMA", "import_bench");
    /** Which sources to import (BENCH_SOURCES, comma-separated). */
    static final List<String> sources = List.of(env("BENCH_SOURCES", "geojson,geopackage,shapefile").split(","));

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(args[1], Path.of(args[2]), args[3]);
            return;
        }
        new ImportBenchmark().run(Path.of(args[0]), args[1]);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String dbUrl() {
        return env("BENCH_DB", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private void run(Path outDir, String classpath) throws Exception {
        Path out = outDir.toAbsolutePath();
        Files.createDirectories(out);
        int segments = Integer.parseInt(env("BENCH_LINES", "200000"));
        long t0 = System.nanoTime();
        SyntheticProvince data = SyntheticProvince.generate(1000, segments, 100, SyntheticProvince.BENCH_SEED);
        Path geojson = out.resolve("lines.geojson");
        writeGeoJson(data.lines, geojson);
        System.err.printf(Locale.ROOT, "[import] %,d lines written to %s (%.1f MB) in %.1f s%n", data.lines.size(), geojson,
                Files.size(geojson) / 1e6, (System.nanoTime() - t0) / 1e9);
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%-44s %9s %7s %12s %12s %s", "import of " + data.lines.size() + " lines", "time s",
                "CPU s", "peak heap MB", "GC after MB", "notes"));
        // the same file in the formats ogr2ogr writes, for readers registered on other branches
        Path gpkgSource = out.resolve("lines_source.gpkg");
        Path shpZip = out.resolve("lines_shp.zip");
        ogrSources(out, geojson, gpkgSource, shpZip);

        String db = dbUrl().replace("jdbc:postgresql://", "");
        String host = db.substring(0, db.indexOf(':')), rest = db.substring(db.indexOf(':') + 1);
        String port = rest.substring(0, rest.indexOf('/')), name = rest.substring(rest.indexOf('/') + 1);
        String pg = "PG:host=" + host + " port=" + port + " dbname=" + name + " user=" + env("BENCH_DB_USER", "postgres");
        Path gpkgOut = out.resolve("ogr_lines.gpkg");
        // small files of each format for the HTTP server's warm-up imports
        Path smallGeojson = out.resolve("small.geojson");
        writeGeoJson(data.lines.subList(0, Math.min(2000, data.lines.size())), smallGeojson);
        Path smallGpkg = out.resolve("small.gpkg");
        Path smallShp = out.resolve("small_shp.zip");
        ogrSources(out, smallGeojson, smallGpkg, smallShp);
        Map<String, Path> small = new java.util.LinkedHashMap<>();
        small.put("geojson", smallGeojson);
        small.put("geopackage", smallGpkg);
        small.put("shapefile", smallShp);
        small.keySet().retainAll(sources);
        Path jar = out.resolve("parkgrid.jar");
        int serverPort = Integer.parseInt(env("BENCH_PORT", "7100"));
        boolean overHttp = !env("BENCH_HTTP", "1").equals("0");
        int rounds = Integer.parseInt(env("BENCH_ROUNDS", "1"));
        // interleaved: for each source the import over HTTP into the running server, the same import in a child JVM,
        // then ogr2ogr doing the same conversion, so all three see the same load
        for (String store : List.of("geopackage", "postgis")) {
            String httpSchema = SCHEMA + "_http";
            Path httpStore = out.resolve("import-http-store.gpkg");
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(httpStore + suffix));
            dropSchema(httpSchema);
            Map<String, String> serverEnv = store.equals("postgis")
                    ? Map.of("PARKGRID_DB", dbUrl(), "PARKGRID_DB_SCHEMA", httpSchema, "PARKGRID_DB_USER", env("BENCH_DB_USER", "postgres"),
                            "PARKGRID_DB_PASSWORD", env("BENCH_DB_PASSWORD", ""))
                    : Map.of("PARKGRID_GPKG", httpStore.toString());
            ImportOverHttp server = null;
            if (overHttp) {
                server = ImportOverHttp.start(jar, serverEnv, out, store, serverPort++);
                server.warmUp(small);
            }
            try {
                for (String[] input : List.of(new String[] {"geojson", geojson.toString(), geojson.toString()},
                        new String[] {"geopackage", gpkgSource.toString(), gpkgSource.toString()},
                        new String[] {"shapefile", shpZip.toString(), "/vsizip/" + shpZip + "/lines.shp"})) {
                    if (!sources.contains(input[0])) continue;
                    String label = "ParkGrid " + input[0] + " → " + store;
                    String ogrLabel = "ogr2ogr " + input[0] + " → " + (store.equals("postgis") ? "PostgreSQL" : "GPKG");
                    List<Double> httpTimes = new ArrayList<>(), ogrTimes = new ArrayList<>();
                    for (int round = 1; round <= rounds; round++) {
                        String tag = rounds == 1 ? "" : " #" + round;
                        if (server != null) {
                            ImportOverHttp.Result r = server.post("lines_" + input[0] + (rounds == 1 ? "" : "_" + round), input[0], Path.of(input[1]));
                            httpTimes.add(r.seconds());
                            rows.add(String.format(Locale.ROOT, "%-44s %9.2f %7.1f %12.0f %12.0f %s | load %s", label + " (HTTP)" + tag, r.seconds(),
                                    r.cpuSeconds(), r.jstatPeakMb(), r.gcAfterMb(),
                                    "HTTP " + r.status() + (r.status() == 201 ? "" : " " + r.body()) + "; server CPU, jstat peak", load()));
                            System.err.println(rows.get(rows.size() - 1));
                        }
                        String ogrRow;
                        if (store.equals("geopackage")) {
                            Files.deleteIfExists(gpkgOut);
                            ogrRow = ogr(out, ogrLabel + tag, "ogr2ogr", "-f", "GPKG", gpkgOut.toString(), input[2], "-nln", "lines");
                        } else {
                            dropSchema();
                            try (Connection c = DriverManager.getConnection(dbUrl(), env("BENCH_DB_USER", "postgres"), env("BENCH_DB_PASSWORD", ""))) {
                                c.createStatement().execute("CREATE SCHEMA " + SCHEMA);
                            }
                            ogrRow = ogr(out, ogrLabel + tag, "ogr2ogr", "-f", "PostgreSQL", pg, input[2], "-nln", SCHEMA + ".ogr_lines",
                                    "-lco", "GEOMETRY_NAME=geom", "-lco", "SPATIAL_INDEX=GIST", "--config", "PG_USE_COPY", "YES");
                            dropSchema();
                        }
                        ogrTimes.add(seconds(ogrRow));
                        rows.add(ogrRow + " | load " + load());
                        System.err.println(rows.get(rows.size() - 1));
                    }
                    if (server != null && rounds > 1) {
                        double h = median(httpTimes), o = median(ogrTimes);
                        rows.add(String.format(Locale.ROOT, "%-44s %9.2f vs %.2f s: %.2f× ogr2ogr (median of %d interleaved rounds) | load %s",
                                "median " + input[0] + " → " + store + " (HTTP)", h, o, h / o, rounds, load()));
                        System.err.println(rows.get(rows.size() - 1));
                    }
                    rows.add(childRun(out, classpath, store, Path.of(input[1]), input[0], label + " (child JVM)") + " | load " + load());
                    System.err.println(rows.get(rows.size() - 1));
                }
            } finally {
                if (server != null) server.close();
                dropSchema(httpSchema);
            }
        }
        rows.add("(machine: " + Runtime.getRuntime().availableProcessors() + " cores shared; ParkGrid children -Xmx256m; "
                + "ogr2ogr peak = max RSS from /usr/bin/time, the whole process)");
        String table = String.join("\n", rows);
        System.out.println(table);
        Files.writeString(out.resolve("import-results.txt"), table + "\n");
    }

    static void writeGeoJson(List<Feature> lines, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             JsonGenerator g = parkgrid.json.Json.MAPPER.getFactory().createGenerator(os)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", "lines");
            g.writeArrayFieldStart("schema");
            for (PropertyDefinition p : SyntheticProvince.LINES.properties()) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeStringField("type", p.type().jsonName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("geometry_type", "LineString");
            g.writeArrayFieldStart("features");
            for (Feature f : lines) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeNumberField("id", f.id());
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "LineString");
                g.writeArrayFieldStart("coordinates");
                for (Coordinate c : f.geometry().getCoordinates()) {
                    g.writeStartArray();
                    g.writeNumber(c.x);
                    g.writeNumber(c.y);
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                for (Map.Entry<String, Object> e : f.properties().entrySet()) g.writeObjectField(e.getKey(), e.getValue());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private String childRun(Path out, String classpath, String store, Path input, String format, String label) throws Exception {
        Path copy = out.resolve("upload-" + input.getFileName());
        Files.copy(input, copy, StandardCopyOption.REPLACE_EXISTING); // the pipeline deletes its spooled upload
        Path gcLog = out.resolve("gc-" + store + "-" + format + ".log");
        Files.deleteIfExists(gcLog);
        if (store.equals("postgis")) dropSchema();
        Files.deleteIfExists(out.resolve("import-bench.gpkg"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path cpuFile = out.resolve("cpu-" + store + "-" + format + ".txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "CPU %U %S", "-o", cpuFile.toString(), javaBin, "-Xmx256m", "-Xlog:gc:file=" + gcLog,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        if (!env("BENCH_JFR", "").isEmpty()) {
            // BENCH_JFR=1: a profile per import, summarised with `jfr print --events jdk.ExecutionSample`
            cmd.add("-XX:StartFlightRecording=filename=" + out.resolve("import-" + store + "-" + format + ".jfr") + ",settings=profile");
            cmd.add("-Xlog:jfr+startup=warning"); // its "Started recording" line on stdout broke the child's result line
        }
        cmd.addAll(List.of("-cp", classpath, ImportBenchmark.class.getName(), "child", store, copy.toString(), format));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        int exit = p.waitFor();
        Files.deleteIfExists(copy);
        if (store.equals("postgis")) dropSchema();
        if (exit != 0) return String.format(Locale.ROOT, "%-44s %9s %7s %12s %12s %s", label, "failed", "-", "-", "-", "exit " + exit + " " + result);
        String[] v = result.split(" ");
        String[] cpu = Files.readString(cpuFile).strip().lines().reduce((a, b) -> b).orElse("CPU 0 0").split(" ");
        return String.format(Locale.ROOT, "%-44s %9s %7.1f %12s %12.1f %s", label, v[0],
                Double.parseDouble(cpu[1]) + Double.parseDouble(cpu[2]), v[1], gcMaxAfterMb(gcLog), "written " + v[2] + ", store file/db size " + v[3] + " MB");
    }

    /** The largest heap after a collection in a -Xlog:gc file (the live set), MB. */
    static double gcMaxAfterMb(Path gcLog) throws IOException {
        var m = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        double max = 0;
        for (String line : Files.readAllLines(gcLog)) {
            var x = m.matcher(line);
            if (x.find()) max = Math.max(max, Double.parseDouble(x.group(2)));
        }
        return max;
    }

    /** One import in this JVM; prints "seconds peakHeapMb written sizeMb". */
    private static void child(String storeKind, Path file, String format) throws Exception {
        Path gpkg = file.resolveSibling("import-bench.gpkg");
        FeatureStore store = storeKind.equals("postgis")
                ? PostGisStore.open(dbUrl(), env("BENCH_DB_USER", "postgres"), env("BENCH_DB_PASSWORD", ""), SCHEMA)
                : GeoPackageStore.open(gpkg);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        long t0 = System.nanoTime();
        ImportJobs jobs = jobs(store);
        ImportJob job = jobs.register(new ImportRequest("lines", false, format, file.getFileName().toString(), null, null, null, false, null, Map.of()),
                "基准");
        ImportReport report = jobs.run(job, file);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        double size = storeKind.equals("postgis") ? postgisSizeMb() : Files.size(gpkg) / 1e6;
        store.close();
        System.out.printf(Locale.ROOT, "%.1f %.0f %d %.1f%n", seconds, peak / 1e6, report.featuresWritten(), size);
    }

    /** The import jobs of {@code store}, as the server makes them (without the api's problem mapping). */
    static ImportJobs jobs(FeatureStore store) {
        return new ImportJobs(new Importer(store, LayerReaders.STANDARD, new ImportLimits(Long.MAX_VALUE, Long.MAX_VALUE)), store.importJobs(),
                e -> Map.of("detail", e.toString()), java.time.Clock.systemUTC());
    }

    private static double postgisSizeMb() throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl(), env("BENCH_DB_USER", "postgres"), env("BENCH_DB_PASSWORD", ""));
             var rs = c.createStatement().executeQuery("SELECT pg_total_relation_size('" + SCHEMA + ".lines')")) {
            rs.next();
            return rs.getLong(1) / 1e6;
        }
    }

    /** The 1-minute load average, as `uptime` prints it. */
    static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** The time column of a result row, NaN when the run failed. */
    private static double seconds(String row) {
        try {
            return Double.parseDouble(row.substring(44).trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double median(List<Double> v) {
        List<Double> sorted = v.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static String ogr(Path out, String label, String... cmd) throws Exception {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "TIME %e %M %U %S"));
        full.addAll(List.of(cmd));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) return String.format(Locale.ROOT, "%-44s %9s %12s %12s %s", label, "failed", "-", "-", text.strip());
        String last = text.lines().filter(l -> l.startsWith("TIME ")).reduce((a, b) -> b).orElse("TIME - - 0 0");
        String[] v = last.split(" ");
        return String.format(Locale.ROOT, "%-44s %9s %7.1f %12.0f %12s %s", label, v[1], Double.parseDouble(v[3]) + Double.parseDouble(v[4]),
                Double.parseDouble(v[2]) / 1024, "-", "max RSS of the process; " + String.join(" ", cmd).replace(out + "/", ""));
    }

    /** {@code geojson} as ogr2ogr writes it: a GeoPackage (layer {@code lines}) and a zipped UTF-8 Shapefile. */
    private static void ogrSources(Path out, Path geojson, Path gpkg, Path shpZip) throws Exception {
        Files.deleteIfExists(gpkg);
        command(out, "ogr2ogr", "-f", "GPKG", gpkg.toString(), geojson.toString(), "-nln", "lines");
        Path shpDir = Path.of(shpZip.toString().replaceFirst("\\.zip$", ""));
        deleteTree(shpDir);
        command(out, "ogr2ogr", "-f", "ESRI Shapefile", shpDir.toString(), geojson.toString(), "-nln", "lines", "-lco", "ENCODING=UTF-8");
        Files.deleteIfExists(shpZip);
        command(shpDir, "zip", "-q", "-j", shpZip.toString(), "lines.shp", "lines.shx", "lines.dbf", "lines.prj", "lines.cpg");
    }

    private static void command(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + ": " + text);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static void dropSchema() throws Exception {
        dropSchema(SCHEMA);
    }

    private static void dropSchema(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl(), env("BENCH_DB_USER", "postgres"), env("BENCH_DB_PASSWORD", ""))) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
