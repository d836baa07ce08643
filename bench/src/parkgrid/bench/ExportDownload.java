package parkgrid.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Downloads an export, reading and discarding the body in 64 KiB chunks while counting bytes and the
 * features in it (occurrences of {@code "type":"Feature"}, matched across chunk boundaries).
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
        int[] fail = failure(FEATURE);
        long t0 = System.nanoTime();
        HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        double firstByte = (System.nanoTime() - t0) / 1e9;
        long bytes = 0, features = 0;
        int state = 0;
        byte[] buf = new byte[65_536];
        byte[] last = new byte[200];
        int lastLen = 0;
        try (InputStream in = resp.body()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    while (state > 0 && FEATURE[state] != b) state = fail[state - 1];
                    if (FEATURE[state] == b) state++;
                    if (state == FEATURE.length) {
                        features++;
                        state = fail[state - 1];
                    }
                }
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
        return new Result(resp.statusCode(), bytes, features, seconds, firstByte,
                new String(last, 0, lastLen, StandardCharsets.UTF_8));
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
