package parkgrid.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A ParkGrid server in a JVM of its own ({@code java [jvmArgs] -jar parkgrid.jar}), configured by environment. */
final class ServerProcess implements AutoCloseable {
    /** The settings a benchmark run may give its servers from its own environment. */
    private static final java.util.Set<String> PASSED_THROUGH = java.util.Set.of("PARKGRID_FEATURE_CACHE_MB", "PARKGRID_PAGE_WORKERS");
    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+) ms");

    final Process process;
    final int port;
    final Path log;
    private final long startNanos;

    private ServerProcess(Process process, int port, Path log, long startNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startNanos = startNanos;
    }

    static ServerProcess start(Path jar, List<String> jvmArgs, Map<String, String> env, Path log) throws IOException {
        return start(jar, jvmArgs, env, log, 0);
    }

    /** As above on {@code port} (0: a free one). */
    static ServerProcess start(Path jar, List<String> jvmArgs, Map<String, String> env, Path log, int port) throws IOException {
        if (port == 0) port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // the bench's own PARKGRID_FEATURE_CACHE_MB and PARKGRID_PAGE_WORKERS pass through (to compare a server without the
        // cache, or with other page workers); no other setting does
        pb.environment().keySet().removeIf(k -> k.startsWith("PARKGRID_") && !PASSED_THROUGH.contains(k));
        pb.environment().putAll(env);
        pb.environment().put("PARKGRID_PORT", Integer.toString(port));
        Files.createDirectories(log.getParent());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        return new ServerProcess(pb.start(), port, log, t0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Polls {@code /health} every 10 ms; returns ms from process start to the first 200. */
    double awaitHealthy(HttpClient client, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server exited with " + process.exitValue() + " before answering /health; see " + log);
            }
            try {
                HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return (System.nanoTime() - startNanos) / 1e6;
            } catch (IOException notYet) {
                // connection refused until Jetty listens
            }
            Thread.sleep(10);
        }
        throw new IOException("server did not answer /health within " + timeout + "; see " + log);
    }

    /** The {@code started in N ms} the server logs itself, or -1. */
    long loggedStartMs() throws IOException {
        Matcher m = STARTED_IN.matcher(Files.readString(log));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time of the whole server JVM so far (all threads, JIT and GC included). */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Peak resident set size of the process so far (VmHWM), in MB, or -1 if unknown. */
    double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or already gone
        }
        return -1;
    }

    /** SIGTERM (the server's shutdown hook closes the store), then kill after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A free loopback port: any, or the first free one of {@code BENCH_PORTS} ({@code 7400-7499}) on a shared machine. */
    static int freePort() throws IOException {
        String range = System.getenv("BENCH_PORTS");
        if (range == null || range.isBlank()) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
        String[] ends = range.trim().split("-");
        for (int port = Integer.parseInt(ends[0]); port <= Integer.parseInt(ends[ends.length - 1]); port++) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // next one
            }
        }
        throw new IOException("no free port in BENCH_PORTS=" + range);
    }
}
