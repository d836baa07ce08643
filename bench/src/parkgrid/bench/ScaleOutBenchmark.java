package parkgrid.bench;

import parkgrid.testing.SyntheticProvince;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One and two ParkGrid server JVMs behind Debian's HAProxy over one PostGIS schema: {@code bash bench/scaleout.sh}.
 * The bbox page of the province benchmark ({@link HttpLoad}, the same windows and checks), measured directly on one
 * instance, through HAProxy with one instance, and through HAProxy with two (round robin). Figures only.
 *
 * <p>Data: the province the A/B benchmark keeps in the PostGIS schema {@code parkgrid_bench_ab}
 * ({@code bash bench/ab.sh} loads it; {@code SCALE_SCHEMA} names another with the same data), read only.
 */
public final class ScaleOutBenchmark {
    private ScaleOutBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        String db = env("BENCH_DB", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String schema = env("SCALE_SCHEMA", "parkgrid_bench_ab");
        int requests = Integer.parseInt(env("SCALE_REQUESTS", "1500"));
        int rounds = Integer.parseInt(env("SCALE_ROUNDS", "2"));
        List<Integer> clients = List.of(4, 8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        SyntheticProvince data = SyntheticProvince.generate(50_000, 200_000, 2_000, ProvinceBenchmark.SEED);
        List<HttpLoad.Window> windows = HttpLoad.windows(data, 200, ProvinceBenchmark.LIMIT, ProvinceBenchmark.SEED + 1);
        List<HttpLoad.Window> warm = HttpLoad.windows(data, 50, ProvinceBenchmark.LIMIT, ProvinceBenchmark.SEED + 2);

        Map<String, String> serverEnv = Map.of("PARKGRID_DB", db, "PARKGRID_DB_SCHEMA", schema,
                "PARKGRID_DB_USER", env("BENCH_DB_USER", "postgres"), "PARKGRID_DB_PASSWORD", env("BENCH_DB_PASSWORD", ""));
        Path logs = out.resolve("logs");
        List<String[]> rows = new ArrayList<>();
        double loadStart = CpuWatch.loadAverage();
        try (ServerProcess a = ServerProcess.start(jar, List.of("-Xmx1g"), serverEnv, logs.resolve("scaleout-a.log"));
             ServerProcess b = ServerProcess.start(jar, List.of("-Xmx1g"), serverEnv, logs.resolve("scaleout-b.log"))) {
            a.awaitHealthy(http, Duration.ofSeconds(90));
            b.awaitHealthy(http, Duration.ofSeconds(90));
            Haproxy one = Haproxy.start(out, "one", a.port);
            Haproxy two = Haproxy.start(out, "two", a.port, b.port);
            try {
                Map<String, String> cases = new java.util.LinkedHashMap<>();
                cases.put("1 instance, direct", a.baseUrl());
                cases.put("1 instance behind HAProxy", one.baseUrl());
                cases.put("2 instances behind HAProxy", two.baseUrl());
                for (String base : cases.values()) HttpLoad.run(http, base, "villages", warm, ProvinceBenchmark.LIMIT, 300, 4, Duration.ofSeconds(120), 1);
                for (int round = 1; round <= rounds; round++) {
                    for (int c : clients) {
                        for (Map.Entry<String, String> e : cases.entrySet()) {
                            CpuWatch cpu = CpuWatch.start();
                            HttpLoad.Result r = HttpLoad.run(http, e.getValue(), "villages", windows, ProvinceBenchmark.LIMIT, requests, c,
                                    Duration.ofSeconds(120), ProvinceBenchmark.SEED + round);
                            rows.add(new String[] {e.getKey(), Integer.toString(c), Integer.toString(round),
                                    Integer.toString(r.requests()), f1(r.requestsPerSecond()), f1(r.p50Ms()), f1(r.p99Ms()),
                                    Integer.toString(r.badAnswers()), f1(cpu.otherPercent()), f1(CpuWatch.loadAverage())});
                            System.err.printf("[scaleout] %s, %d clients, round %d: %.1f req/s%n", e.getKey(), c, round, r.requestsPerSecond());
                        }
                    }
                }
            } finally {
                one.close();
                two.close();
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("ParkGrid scale-out: bbox page GET /collections/villages/items?bbox=<window>&limit=1000 on PostGIS schema ")
                .append(schema).append("; ").append(Runtime.getRuntime().availableProcessors()).append(" cores; ")
                .append(requests).append(" measured requests per row after 300 warm-up per case; each server java -Xmx1g -jar\n");
        String[] head = {"case", "clients", "round", "requests", "req/s", "p50 ms", "p99 ms", "bad", "other CPU %", "load avg"};
        text.append(String.join(" | ", head)).append('\n');
        for (String[] r : rows) text.append(String.join(" | ", r)).append('\n');
        text.append(String.format(Locale.ROOT, "1-minute load average %.1f at start, %.1f at end%n", loadStart, CpuWatch.loadAverage()));
        System.out.print(text);
        Files.writeString(out.resolve("scaleout.txt"), text, StandardCharsets.UTF_8);
        System.exit(0);
    }

    /** Debian's {@code /usr/sbin/haproxy} in the foreground, round robin over the given ports, health check on /health. */
    private record Haproxy(Process process, int port) implements AutoCloseable {
        static Haproxy start(Path out, String name, int... backends) throws Exception {
            int port = ServerProcess.freePort();
            StringBuilder cfg = new StringBuilder(String.join("\n", "global", "    maxconn 512", "defaults", "    mode http",
                    "    timeout connect 1s", "    timeout client 60s", "    timeout server 60s", "    retries 3", "    option redispatch 1",
                    "frontend parkgrid", "    bind 127.0.0.1:" + port, "    default_backend instances", "backend instances",
                    "    balance roundrobin", "    option httpchk GET /health", "    default-server inter 1s", ""));
            for (int i = 0; i < backends.length; i++) cfg.append("    server s").append(i).append(" 127.0.0.1:").append(backends[i]).append(" check\n");
            Path file = out.resolve("haproxy-" + name + ".cfg");
            Files.writeString(file, cfg);
            Process p = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                    .redirectOutput(out.resolve("logs").resolve("haproxy-" + name + ".log").toFile()).start();
            Thread.sleep(1500);
            if (!p.isAlive()) throw new IllegalStateException("haproxy exited; see " + out.resolve("logs"));
            return new Haproxy(p, port);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
