package parkgrid.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.geo.GeoJsonReader;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;

/**
 * ParkGrid holds no state outside the store that a reader or an editor depends on: two server JVMs
 * ({@code java -cp <test class path> parkgrid.app.Main}, as {@code java -jar parkgrid.jar} runs it) over one PostGIS
 * schema, with Debian's HAProxy in front (round robin, health check on {@code /health}, {@code retries} and
 * {@code option redispatch}). A feature written through one instance is read, with the same ETag, through the other,
 * and an If-Match from one is honoured and checked by the other; under a steady read load through HAProxy one
 * instance gets SIGTERM and no request fails beyond those in flight at that moment. An import started through one
 * instance is polled to its end through the other (import jobs are rows in the store), and one whose instance is killed
 * mid-write answers failed through the other after the staleness, with nothing of it left in PostGIS. Needs PostGIS and
 * {@code /usr/sbin/haproxy} (under {@code CI=true} their absence fails the test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {
    private static final String SCHEMA = "scaleout_test";
    private static final String LAYER = "scaleout_sites";
    private static final String GEOJSON = "application/geo+json";
    private static final int LOAD_THREADS = 4;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private String url;
    private Path haproxyBinary;
    private String editorToken;
    private Instance one;
    private Instance two;
    private Process haproxy;
    private int haproxyPort;
    private Path dir;

    /** A server JVM, its port and log. */
    private record Instance(String name, Process process, int port, Path log) {
        String base() {
            return "http://127.0.0.1:" + port;
        }
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        url = RequiredServices.postGisUrl();
        haproxyBinary = RequiredServices.executable("/usr/sbin/haproxy");
        dropSchema();
        try (PostGisStore store = PostGisStore.open(url, "postgres", "", SCHEMA)) {
            store.createLayer(new Layer(LAYER, "Scale-out sites", "扩展测试点", null, GeometryKind.POINT,
                    List.of(new PropertyDefinition("name_zh", PropertyType.STRING)), null, null));
            List<Feature> sites = new ArrayList<>();
            for (int i = 1; i <= 300; i++) {
                sites.add(new Feature(i, GeoJsonReader.WGS84.createPoint(new Coordinate(112.0 + i / 1000.0, 34.2)),
                        Map.of("name_zh", "程村" + i + "号变")));
            }
            store.insert(LAYER, sites);
            editorToken = store.tokens().issue("规划员 王五", "editor", "ScaleOutTest").secret();
        }
        one = launch("one");
        two = launch("two");
        awaitHealthy(one);
        awaitHealthy(two);
        haproxyPort = freePort();
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, haproxyConfig(haproxyPort, one, two), StandardCharsets.UTF_8);
        haproxy = new ProcessBuilder(haproxyBinary.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!answersThroughHaproxy()) {
            if (!haproxy.isAlive()) throw new IllegalStateException("haproxy exited: " + Files.readString(dir.resolve("haproxy.log")));
            if (System.nanoTime() > deadline) throw new IllegalStateException("haproxy did not answer in 15 s");
            Thread.sleep(50);
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (Process p : new Process[] {haproxy, one == null ? null : one.process(), two == null ? null : two.process()}) {
            if (p == null || !p.isAlive()) continue;
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        dropSchema();
    }

    @Test
    @Order(1)
    void aFeatureWrittenThroughOneInstanceIsReadAndVersionCheckedThroughTheOther() throws Exception {
        String items = "/collections/" + LAYER + "/items";
        HttpResponse<String> created = send("POST", one.base() + items,
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.5,34.25]},\"properties\":{\"name_zh\":\"东源头\"}}",
                "Content-Type", GEOJSON);
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/collections/"));
        String etag = created.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> read = get(two.base() + path);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("东源头"), read.body());
        assertEquals(etag, read.headers().firstValue("ETag").orElseThrow(), "the same version through both instances");
        assertEquals(304, send("GET", two.base() + path, null, "If-None-Match", etag).statusCode());

        String replacement = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.5,34.25]},"
                + "\"properties\":{\"name_zh\":\"东源头村\"}}";
        HttpResponse<String> replaced = send("PUT", two.base() + path, replacement, "Content-Type", GEOJSON, "If-Match", etag);
        assertEquals(200, replaced.statusCode(), replaced.body());
        String newEtag = replaced.headers().firstValue("ETag").orElseThrow();
        assertTrue(!newEtag.equals(etag), "a new version: " + newEtag);

        HttpResponse<String> stale = send("PUT", one.base() + path, replacement, "Content-Type", GEOJSON, "If-Match", etag);
        assertEquals(412, stale.statusCode(), "instance one refuses the version instance two replaced: " + stale.body());
        HttpResponse<String> again = get(one.base() + path);
        assertEquals(newEtag, again.headers().firstValue("ETag").orElseThrow());
        assertTrue(again.body().contains("东源头村"), again.body());
    }

    @Test
    @Order(2)
    void anImportStartedThroughOneInstanceIsPolledToItsEndThroughTheOther() throws Exception {
        String layer = "scaleout_substations";
        HttpResponse<String> started = send("POST", one.base() + "/imports?layer=" + layer + "&format=geojson",
                points(layer, 30_000), "Content-Type", "application/octet-stream", "Prefer", "respond-async");
        assertEquals(202, started.statusCode(), started.body());
        String job = started.headers().firstValue("Location").orElseThrow();
        List<String> seen = new ArrayList<>();
        String state = "";
        String body = "";
        for (int poll = 0; poll < 1200 && !List.of("done", "rejected", "failed").contains(state); poll++) {
            String via = poll % 2 == 0 ? two.base() : "http://127.0.0.1:" + haproxyPort; // instance two, and round robin
            HttpResponse<String> r = getAsEditor(via + job);
            assertEquals(200, r.statusCode(), "poll " + poll + " through " + via + ": " + r.body());
            body = r.body();
            state = field(body, "state");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) seen.add(state);
            Thread.sleep(100);
        }
        assertEquals("done", state, body);
        assertTrue(body.contains("\"status\":\"succeeded\"") && body.contains("\"features_written\":30000") && body.contains("规划员 王五"), body);
        assertTrue(seen.stream().anyMatch(s -> s.equals("checking") || s.equals("writing")), "instance two saw the import going on: " + seen);
        HttpResponse<String> collection = null;
        for (int i = 0; i < 50 && (collection == null || collection.statusCode() != 200); i++) { // the catalog refreshes within 1 s
            collection = get(two.base() + "/collections/" + layer);
            Thread.sleep(100);
        }
        assertEquals(200, collection.statusCode(), collection.body());
        assertTrue(collection.body().contains("新建变电站"), collection.body());
        System.out.println("ScaleOutTest: import through one, states seen through two and HAProxy: " + seen);
    }

    @Test
    @Order(3)
    void anImportWhoseInstanceIsKilledAnswersFailedThroughTheOtherAndLeavesNothing() throws Exception {
        String layer = "scaleout_killed";
        Instance three = launch("three");
        try {
            awaitHealthy(three);
            HttpResponse<String> started = send("POST", three.base() + "/imports?layer=" + layer + "&format=geojson",
                    points(layer, 150_000), "Content-Type", "application/octet-stream", "Prefer", "respond-async");
            assertEquals(202, started.statusCode(), started.body());
            String job = started.headers().firstValue("Location").orElseThrow();
            String body = "";
            for (int poll = 0; poll < 1800 && !(field(body, "state").equals("writing") && !field(body, "features_written").equals("0")); poll++) {
                body = getAsEditor(two.base() + job).body();
                assertTrue(!List.of("done", "rejected", "failed").contains(field(body, "state")), "the import ended before it could be killed: " + body);
                Thread.sleep(100);
            }
            assertEquals("writing", field(body, "state"), body);
            long written = Long.parseLong(field(body, "features_written"));
            three.process().destroyForcibly(); // SIGKILL, mid-write: no shutdown hook, no last word
            assertTrue(three.process().waitFor(10, TimeUnit.SECONDS));
            long killed = System.nanoTime();
            for (int poll = 0; poll < 300 && !field(body, "state").equals("failed"); poll++) {
                Thread.sleep(100);
                body = getAsEditor(two.base() + job).body();
            }
            double seconds = (System.nanoTime() - killed) / 1e9;
            assertEquals("failed", field(body, "state"), body);
            assertTrue(body.contains("\"status\":\"failed\"") && body.contains("the instance running this import stopped"), body);
            assertTrue(seconds < 3 + 2 + 5, "failed within the staleness (3 s) and a heartbeat: " + seconds + " s");
            boolean tableGone = false;
            for (int i = 0; i < 150 && !tableGone; i++) { // PostgreSQL rolls the dead connection's transaction back
                tableGone = !tableExists(layer);
                if (!tableGone) Thread.sleep(100);
            }
            assertTrue(tableGone, "nothing of the killed import is in PostGIS");
            assertEquals(404, get(two.base() + "/collections/" + layer).statusCode());
            System.out.printf("ScaleOutTest: instance three killed with %d of 150000 features written (uncommitted); instance two "
                    + "answered failed %.1f s later; no table left%n", written, seconds);
        } finally {
            if (three.process().isAlive()) three.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(4)
    void stoppingOneInstanceUnderReadLoadFailsNoRequestBeyondThoseInFlight() throws Exception {
        String page = "http://127.0.0.1:" + haproxyPort + "/collections/" + LAYER + "/items?limit=200";
        Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong okAfterStop = new AtomicLong();
        AtomicBoolean stopping = new AtomicBoolean();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
        for (int t = 0; t < LOAD_THREADS; t++) {
            pool.submit(() -> {
                for (int n = 0; n < 20_000 && System.nanoTime() < end; n++) { // bounded in count and time
                    inFlight.incrementAndGet();
                    try {
                        HttpResponse<String> r = get(page);
                        String by = servedBy(r);
                        if (r.statusCode() == 200 && r.body().contains("\"numberReturned\":200")) {
                            ok.incrementAndGet();
                            served.computeIfAbsent(by, k -> new AtomicInteger()).incrementAndGet();
                            if (stopping.get()) okAfterStop.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            failures.add(r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                        }
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        failures.add(e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(4_000);
        Map<String, Integer> before = new java.util.TreeMap<>();
        served.forEach((k, v) -> before.put(k, v.get()));
        int inFlightAtStop = inFlight.get();
        stopping.set(true);
        long sigterm = System.nanoTime();
        one.process().destroy(); // SIGTERM: Main's shutdown hook stops Jetty gracefully, then closes the store
        boolean exited = one.process().waitFor(ParkGridApp.SHUTDOWN_DRAIN.toSeconds() + 10, TimeUnit.SECONDS);
        double exitSeconds = (System.nanoTime() - sigterm) / 1e9;
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "the load stops by itself");

        assertTrue(exited, "instance one ends after SIGTERM within the drain time");
        assertEquals(143, one.process().exitValue(), "exit by SIGTERM (128 + 15), not by a crash");
        assertTrue(before.getOrDefault("one", 0) > 0 && before.getOrDefault("two", 0) > 0,
                "round robin reached both instances before the stop: " + before);
        assertTrue(failed.get() <= inFlightAtStop,
                failed.get() + " failed requests, " + inFlightAtStop + " were in flight at SIGTERM: " + failures);
        assertTrue(okAfterStop.get() > 50, "reads went on after the stop: " + okAfterStop.get());
        System.out.printf("ScaleOutTest: %d ok (%s before the stop), %d failed, %d in flight at SIGTERM, %d ok after it; "
                + "instance one exited %.1f s after SIGTERM; failures %s%n", ok.get(), before, failed.get(), inFlightAtStop, okAfterStop.get(), exitSeconds, failures);
    }

    // ---------------------------------------------------------------- helpers

    private Instance launch(String name) throws IOException {
        int port = freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PARKGRID_"));
        pb.environment().putAll(Map.of("PARKGRID_DB", url, "PARKGRID_DB_SCHEMA", SCHEMA, "PARKGRID_PORT", Integer.toString(port),
                "PARKGRID_IMPORT_JOB_STALE_SECONDS", "3"));
        Path log = dir.resolve("server-" + name + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new Instance(name, pb.start(), port, log);
    }

    private void awaitHealthy(Instance instance) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            if (!instance.process().isAlive()) {
                throw new IllegalStateException("server " + instance.name() + " exited: " + Files.readString(instance.log()));
            }
            try {
                if (get(instance.base() + "/health").statusCode() == 200) return;
            } catch (IOException notYet) {
                // connection refused until Jetty listens
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("server " + instance.name() + " did not answer /health in 40 s: " + Files.readString(instance.log()));
    }

    /**
     * Round robin over both instances; a health check every 200 ms takes a stopped one out after one failure.
     * {@code retries} with {@code option redispatch} sends a request whose connection was refused or closed without an
     * answer to the other server, so the requests that arrive while an instance is going away do not fail. A draining
     * Jetty answers a new request on a kept-alive connection with 503 without running it; HAProxy retries those too,
     * for GET and HEAD only (a write is never sent twice by the balancer).
     */
    private static String haproxyConfig(int port, Instance a, Instance b) {
        return String.join("\n",
                "global",
                "    maxconn 512",
                "defaults",
                "    mode http",
                "    timeout connect 1s",
                "    timeout client 30s",
                "    timeout server 30s",
                "    retries 3",
                "    option redispatch 1",
                "    retry-on conn-failure empty-response response-timeout 503",
                "frontend parkgrid",
                "    bind 127.0.0.1:" + port,
                "    http-request disable-l7-retry unless METH_GET || METH_HEAD",
                "    default_backend instances",
                "backend instances",
                "    balance roundrobin",
                "    option httpchk GET /health",
                "    http-check expect status 200",
                "    http-response set-header X-Served-By %s",
                "    default-server inter 200ms fall 1 rise 2",
                "    server one 127.0.0.1:" + a.port() + " check",
                "    server two 127.0.0.1:" + b.port() + " check",
                "");
    }

    private boolean answersThroughHaproxy() throws InterruptedException {
        try {
            return !servedBy(get("http://127.0.0.1:" + haproxyPort + "/health")).isEmpty();
        } catch (IOException notYet) {
            return false; // refused until haproxy listens
        }
    }

    private static String servedBy(HttpResponse<String> r) {
        return r.headers().firstValue("X-Served-By").orElse("");
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return send("GET", uri, null);
    }

    /** GET with the editor's token: an import's progress is an editor's to read. */
    private HttpResponse<String> getAsEditor(String uri) throws IOException, InterruptedException {
        return send("GET", uri, null, "Authorization", "Bearer " + editorToken);
    }

    /** A GeoJSON layer of {@code n} points with Chinese names, titled 新建变电站. */
    private static String points(String name, int n) {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"name\":\"").append(name)
                .append("\",\"title\":\"New substations\",\"title_zh\":\"新建变电站\",\"features\":[");
        for (int i = 1; i <= n; i++) {
            if (i > 1) b.append(',');
            b.append("{\"type\":\"Feature\",\"id\":").append(i).append(",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                    .append(112 + (i % 1000) / 1000.0).append(',').append(34 + (i / 1000) / 1000.0).append("]},\"properties\":{\"name_zh\":\"柏树乡")
                    .append(i).append("号变\"}}");
        }
        return b.append("]}").toString();
    }

    /** The text or number of a top-level member of a job's JSON, or "" (the answers are flat up to their report). */
    private static String field(String json, String member) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + member + "\":(\"([^\"]*)\"|(-?\\d+))").matcher(json);
        return !m.find() ? "" : m.group(2) != null ? m.group(2) : m.group(3);
    }

    private boolean tableExists(String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             var ps = c.prepareStatement("SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?)"
                     + " + (SELECT count(*) FROM " + SCHEMA + ".parkgrid_layer WHERE table_name = ?)")) {
            ps.setString(1, SCHEMA);
            ps.setString(2, table);
            ps.setString(3, table);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private HttpResponse<String> send(String method, String uri, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!"GET".equals(method)) b.header("Authorization", "Bearer " + editorToken);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void dropSchema() throws Exception {
        if (url == null) return;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
