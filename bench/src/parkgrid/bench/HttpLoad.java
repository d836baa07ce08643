package parkgrid.bench;

import parkgrid.testing.SyntheticProvince;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load on {@code /collections/villages/items?bbox=..&limit=1000}: a fixed number of
 * client threads each send the next request as soon as the previous answer has been read completely.
 * Every answer is checked: status 200, {@code numberMatched} equal to the count computed from the
 * generated data, {@code numberReturned} equal to the limit and as many features in the body.
 */
final class HttpLoad {
    /** A bbox query string value and how many villages it contains. */
    record Window(String bbox, int expectedMatched) {}

    record Result(int requests, double seconds, double requestsPerSecond, double p50Ms, double p95Ms, double p99Ms,
                  double maxMs, double meanMs, long bytes, int badAnswers, String firstProblem, boolean timeLimited) {}

    private static final Pattern NUMBER_MATCHED = Pattern.compile("\"numberMatched\"\\s*:\\s*(\\d+)");
    private static final Pattern NUMBER_RETURNED = Pattern.compile("\"numberReturned\"\\s*:\\s*(\\d+)");

    private HttpLoad() {}

    /**
     * {@code count} square windows (in metres on the ground) at uniformly random centres, each grown to
     * the smallest size that holds at least {@code target} villages, bounds rounded outward to 1e-6°.
     */
    static List<Window> windows(SyntheticProvince data, int count, int target, long seed) {
        Random rnd = new Random(seed);
        List<Window> out = new ArrayList<>(count);
        while (out.size() < count) {
            double cx = SyntheticProvince.MIN_LON + rnd.nextDouble() * (SyntheticProvince.MAX_LON - SyntheticProvince.MIN_LON);
            double cy = SyntheticProvince.MIN_LAT + rnd.nextDouble() * (SyntheticProvince.MAX_LAT - SyntheticProvince.MIN_LAT);
            double lo = 100, hi = 200_000; // half side in metres
            if (count(data, cx, cy, hi) < target) continue;
            for (int i = 0; i < 40; i++) {
                double mid = (lo + hi) / 2;
                if (count(data, cx, cy, mid) >= target) hi = mid; else lo = mid;
            }
            double dy = hi / SyntheticProvince.M_PER_DEG_LAT, dx = hi / SyntheticProvince.mPerDegLon(cy);
            double minX = Math.floor((cx - dx) * 1e6) / 1e6, maxX = Math.ceil((cx + dx) * 1e6) / 1e6;
            double minY = Math.floor((cy - dy) * 1e6) / 1e6, maxY = Math.ceil((cy + dy) * 1e6) / 1e6;
            String bbox = String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", minX, minY, maxX, maxY);
            String[] p = bbox.split(",");
            int n = data.villagesIn(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]));
            out.add(new Window(bbox, n));
        }
        return out;
    }

    private static int count(SyntheticProvince data, double cx, double cy, double halfM) {
        double dy = halfM / SyntheticProvince.M_PER_DEG_LAT, dx = halfM / SyntheticProvince.mPerDegLon(cy);
        return data.villagesIn(cx - dx, cy - dy, cx + dx, cy + dy);
    }

    static Result run(HttpClient client, String baseUrl, String collection, List<Window> windows, int limit, int requests,
                      int threads, Duration timeLimit, long seed) throws InterruptedException {
        Random rnd = new Random(seed);
        int[] order = new int[requests];
        for (int i = 0; i < requests; i++) order[i] = rnd.nextInt(windows.size());
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<String> firstProblem = new AtomicReference<>();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= requests) return;
                    Window w = windows.get(order[i]);
                    URI uri = URI.create(baseUrl + "/collections/" + collection + "/items?bbox=" + w.bbox() + "&limit=" + limit);
                    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Accept", "application/geo+json").GET().build();
                    long s = System.nanoTime();
                    String problem;
                    try {
                        HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        latencies[i] = System.nanoTime() - s;
                        bytes.addAndGet(resp.body().length);
                        problem = check(resp.statusCode(), new String(resp.body(), StandardCharsets.UTF_8), w, limit);
                    } catch (Exception e) {
                        latencies[i] = System.nanoTime() - s;
                        problem = e.toString();
                    }
                    done.incrementAndGet();
                    if (problem != null) {
                        bad.incrementAndGet();
                        firstProblem.compareAndSet(null, uri + ": " + problem);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeLimit.toSeconds() + 120, TimeUnit.SECONDS)) pool.shutdownNow();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int n = done.get();
        long[] lat = Arrays.copyOf(latencies, Math.min(n, requests));
        // with the time limit hit, slots may be unfilled: keep only measured ones
        lat = Arrays.stream(lat).filter(v -> v > 0).sorted().toArray();
        double mean = Arrays.stream(lat).average().orElse(0) / 1e6;
        return new Result(n, seconds, n / seconds, pct(lat, 50), pct(lat, 95), pct(lat, 99),
                lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6, mean, bytes.get(), bad.get(), firstProblem.get(),
                n < requests);
    }

    private static String check(int status, String body, Window w, int limit) {
        if (status != 200) return "HTTP " + status + " " + body.substring(0, Math.min(300, body.length()));
        String head = body.substring(0, Math.min(400, body.length()));
        Matcher m = NUMBER_MATCHED.matcher(head), r = NUMBER_RETURNED.matcher(head);
        if (!m.find() || !r.find()) return "no numberMatched/numberReturned in " + head;
        long matched = Long.parseLong(m.group(1)), returned = Long.parseLong(r.group(1));
        long features = occurrences(body, "\"type\":\"Feature\"");
        long expectedReturned = Math.min(limit, w.expectedMatched());
        if (matched != w.expectedMatched() || returned != expectedReturned || features != returned) {
            return "numberMatched " + matched + " (expected " + w.expectedMatched() + "), numberReturned " + returned
                    + " (expected " + expectedReturned + "), features in body " + features;
        }
        return null;
    }

    private static long occurrences(String s, String what) {
        long n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) n++;
        return n;
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
