package parkgrid.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load by {@code wrk} (Debian's, C, epoll): {@code clients} connections on two threads, each request
 * for one of the windows' bbox pages drawn at random (a Lua {@code request} function), bodies read and dropped — the
 * HTTP counterpart of pgbench's C client, which reads and drops rows. {@link HttpLoad} checks every answer but decodes
 * each 300 KB body to a String and counts its features on the same two cores as the server; this client does not, so
 * the server is measured the way PostgreSQL is. Answers are checked by the {@link HttpLoad} warm-up that precedes it.
 */
final class WrkLoad {
    record Result(double requestsPerSecond, double p50Ms, double p99Ms, long requests, long errors, String output) {}

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private WrkLoad() {}

    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Result run(String baseUrl, String collection, List<HttpLoad.Window> windows, int limit, int clients, int seconds, Path work)
            throws IOException, InterruptedException {
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (HttpLoad.Window w : windows) {
            lua.append("  \"/collections/").append(collection).append("/items?bbox=").append(w.bbox()).append("&limit=").append(limit).append("\",\n");
        }
        lua.append("}\nlocal headers = {[\"Accept\"] = \"application/geo+json\"}\n")
                .append("request = function() return wrk.format(\"GET\", paths[math.random(#paths)], headers) end\n");
        Path script = work.resolve("wrk-windows.lua");
        Files.writeString(script, lua, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("wrk", "-t", String.valueOf(Math.min(2, clients)), "-c", String.valueOf(clients), "-d", seconds + "s",
                "--timeout", "30s", "--latency", "-s", script.toString(), baseUrl).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("wrk failed: " + out);
        Matcher rps = RPS.matcher(out), n = REQUESTS.matcher(out);
        if (!rps.find() || !n.find()) throw new IOException("no Requests/sec in wrk's output: " + out);
        long errors = 0;
        Matcher bad = NON_2XX.matcher(out);
        if (bad.find()) errors += Long.parseLong(bad.group(1));
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) for (int g = 1; g <= 4; g++) errors += Long.parseLong(socket.group(g));
        return new Result(Double.parseDouble(rps.group(1)), percentileMs(out, "50%"), percentileMs(out, "99%"), Long.parseLong(n.group(1)),
                errors, out);
    }

    /** A line of wrk's latency distribution, e.g. {@code 99%  120.51ms}, in ms. */
    private static double percentileMs(String out, String label) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$").matcher(out);
        if (!m.find()) throw new IOException("no " + label + " latency in wrk's output: " + out);
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
