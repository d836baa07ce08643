package parkgrid.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Downloads an export, reading and discarding the body in 64 KiB chunks while counting bytes and the
 * features in it (occurrences of {@code "type":"Feature"}, matched across chunk boundaries); or, with
 * {@link #curl}, has the C client curl write the body to a file, as {@code psql \copy} does, and counts after the
 * timer stops.
 */
final class ExportDownload {
    record Result(int status, long bytes, long features, double seconds, double firstByteSeconds, String tail) {
        double megabytes() { return bytes / 1e6; }
        double featuresPerSecond() { return features / seconds; }
    }

    private static final byte[] FEATURE = "\"type\":\"Feature\"".getBytes(StandardCharsets.US_ASCII);

    private ExportDownload() {}

    static Result get(HttpClient client, String url, Duration timeout) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        FeatureCounter counter = new FeatureCounter();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        double firstByte = (System.nanoTime() - t0) / 1e9;
        long bytes = 0;
        byte[] buf = new byte[65_536];
        byte[] last = new byte[200];
        int lastLen = 0;
        try (InputStream in = resp.body()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                bytes += n;
                counter.scan(buf, n);
                // keep the last bytes to show how the body ended
                int keep = Math.min(n, last.length);
                if (lastLen + keep > last.length) {
                    int drop = lastLen + keep - last.length;
                    System.arraycopy(last, drop, last, 0, lastLen - drop);
                    lastLen -= drop;
                }
                System.arraycopy(buf, n - keep, last, lastLen, keep);
                lastLen += keep;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(resp.statusCode(), bytes, counter.features, seconds, firstByte,
                new String(last, 0, lastLen, StandardCharsets.UTF_8));
    }

    /**
     * The body written to {@code file} by {@code curl -s -o}, timed like a {@code psql} run (the process's wall time,
     * start-up included); first byte as curl reports it ({@code time_starttransfer}). Features are counted in the file
     * after the timer stops, so the figure is the server's and a C client's, not the counting's.
     */
    static Result curl(String url, Path file, Duration timeout) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("curl", "-s", "-m", Long.toString(timeout.toSeconds()), "-o", file.toString(),
                "-w", "%{http_code} %{time_starttransfer}", url).redirectErrorStream(true).start();
        String written = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (exit != 0) throw new IOException("curl exited with " + exit + ": " + written);
        String[] w = written.split(" ");
        FeatureCounter counter = new FeatureCounter();
        long bytes = 0;
        byte[] buf = new byte[65_536];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                bytes += n;
                counter.scan(buf, n);
            }
        }
        long size = Files.size(file);
        byte[] tail = new byte[(int) Math.min(200, size)];
        try (var raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            raf.seek(size - tail.length);
            raf.readFully(tail);
        }
        return new Result(Integer.parseInt(w[0]), bytes, counter.features, seconds, Double.parseDouble(w[1]),
                new String(tail, StandardCharsets.UTF_8));
    }

    /** Counts {@code "type":"Feature"} in a byte stream fed in chunks (KMP, so a match across chunks counts). */
    private static final class FeatureCounter {
        private final int[] fail = failure(FEATURE);
        private int state;
        long features;

        void scan(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                while (state > 0 && FEATURE[state] != b) state = fail[state - 1];
                if (FEATURE[state] == b) state++;
                if (state == FEATURE.length) {
                    features++;
                    state = fail[state - 1];
                }
            }
        }
    }

    /** KMP failure function. */
    private static int[] failure(byte[] p) {
        int[] f = new int[p.length];
        for (int i = 1, k = 0; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) k = f[k - 1];
            if (p[i] == p[k]) k++;
            f[i] = k;
        }
        return f;
    }
}
