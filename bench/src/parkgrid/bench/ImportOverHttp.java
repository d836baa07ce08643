package parkgrid.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The import a planner makes: {@code POST /imports?layer=…&format=…&filename=…} with the file as the body, to a
 * running server ({@code java -Xmx256m -jar parkgrid.jar}) as an admin (token from {@code create-admin-token}).
 * The server is started once per store; {@link #warmUp} imports small files of each format first, so the timed
 * import runs on a warmed JVM, as it does on a server that has been up for a while.
 */
final class ImportOverHttp implements AutoCloseable {
    record Result(int status, double seconds, double cpuSeconds, double jstatPeakMb, double gcAfterMb, String body) {}

    private final ServerProcess server;
    private final String token;
    private final Path gcLog;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private ImportOverHttp(ServerProcess server, String token, Path gcLog) {
        this.server = server;
        this.token = token;
        this.gcLog = gcLog;
    }

    /** A server on {@code port} with the store {@code env} names, and an admin token made by the setup command first. */
    static ImportOverHttp start(Path jar, Map<String, String> env, Path out, String name, int port) throws Exception {
        List<String> setup = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "create-admin-token", "基准 管理员"));
        ProcessBuilder pb = new ProcessBuilder(setup);
        pb.environment().keySet().removeIf(k -> k.startsWith("PARKGRID_"));
        pb.environment().putAll(env);
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String token = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 || !token.startsWith("pgt_")) throw new IOException("create-admin-token failed: " + token);
        Path gcLog = out.resolve("import-http-gc-" + name + ".log");
        Files.deleteIfExists(gcLog);
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        String jfr = System.getenv("BENCH_JFR");
        if (jfr != null && !jfr.isBlank()) {
            jvm.add("-XX:StartFlightRecording=filename=" + out.resolve("import-http-" + name + ".jfr") + ",settings=profile");
        }
        ServerProcess server = ServerProcess.start(jar, jvm, env, out.resolve("import-http-server-" + name + ".log"), port);
        ImportOverHttp self = new ImportOverHttp(server, token, gcLog);
        server.awaitHealthy(self.http, Duration.ofSeconds(120));
        return self;
    }

    /** One import of a small file per format into a layer of its own (JIT and class loading, as on a running server). */
    void warmUp(Map<String, Path> smallFiles) throws Exception {
        for (Map.Entry<String, Path> e : smallFiles.entrySet()) {
            Result r = post("warmup_" + e.getKey(), e.getKey(), e.getValue());
            if (r.status() != 201) throw new IOException("warm-up import of " + e.getValue() + " answered " + r.status() + ": " + r.body());
        }
    }

    /** {@code POST /imports} of {@code file} as a new layer; wall time, server CPU and heap during the request. */
    Result post(String layer, String format, Path file) throws Exception {
        String url = server.baseUrl() + "/imports?layer=" + layer + "&format=" + format + "&filename="
                + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HeapWatch watch = HeapWatch.start(server.pid(), gcLog); // returns once jstat runs, before the timer starts
        double cpu0 = server.cpuSeconds();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = server.cpuSeconds() - cpu0;
        HeapWatch.Peak peak = watch.stop();
        return new Result(r.statusCode(), seconds, cpu, peak.jstatMaxUsedMb(), peak.gcMaxAfterMb(), r.body());
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
