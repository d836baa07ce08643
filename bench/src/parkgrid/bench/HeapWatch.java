package parkgrid.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches the heap of another JVM over a time window in two independent ways:
 * <ul>
 * <li>{@code jstat -gc <pid> 100}: used heap (survivors + eden + old) sampled every 100 ms;</li>
 * <li>the process's {@code -Xlog:gc} file, from the window's start: for every collection the heap used
 *     before it (the true high-water marks, which sampling can miss) and after it (the live set).</li>
 * </ul>
 */
final class HeapWatch implements AutoCloseable {
    /** Figures in MB; -1 when a source gave nothing. */
    record Peak(double jstatMaxUsedMb, int jstatSamples, double gcMaxBeforeMb, double gcMaxAfterMb, int gcCount, double heapCapacityMb,
                double remarkMaxAfterMb) {}

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final Process jstat;
    private final Thread reader;
    private final Path gcLog;
    private final long gcLogOffset;
    private volatile double maxUsedKb = -1;
    private volatile int samples;

    private HeapWatch(Process jstat, Path gcLog, long gcLogOffset) {
        this.jstat = jstat;
        this.gcLog = gcLog;
        this.gcLogOffset = gcLogOffset;
        this.reader = new Thread(this::readJstat, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts jstat and returns once it has given its first sample: jstat is a JVM of its own, and its start-up
     * (a few hundred ms of CPU on this 2-core machine) must not overlap the work being timed.
     */
    static HeapWatch start(long pid, Path gcLog) throws IOException {
        long offset = Files.exists(gcLog) ? Files.size(gcLog) : 0;
        Path jstatBin = Path.of(System.getProperty("java.home"), "bin", "jstat");
        Process p = new ProcessBuilder(Files.exists(jstatBin) ? jstatBin.toString() : "jstat", "-gc", Long.toString(pid), "100")
                .redirectErrorStream(true).start();
        HeapWatch watch = new HeapWatch(p, gcLog, offset);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (watch.samples == 0 && p.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return watch;
    }

    private void readJstat() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            String line;
            while ((line = r.readLine()) != null) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 0 && cols[0].equals("S0C")) {
                    header = Arrays.asList(cols);
                    continue;
                }
                if (header == null || cols.length != header.size()) continue;
                double used = 0;
                for (String c : new String[] {"S0U", "S1U", "EU", "OU"}) used += Double.parseDouble(cols[header.indexOf(c)]);
                if (used > maxUsedKb) maxUsedKb = used;
                samples++;
            }
        } catch (IOException | RuntimeException e) {
            // jstat ended
        }
    }

    /** Stops sampling and reads the GC log written since {@link #start}. */
    Peak stop() throws IOException, InterruptedException {
        Thread.sleep(250); // one more sample after the work
        close();
        double before = -1, after = -1, capacity = -1, remark = -1;
        int gcs = 0;
        if (Files.exists(gcLog)) {
            byte[] tail;
            try (RandomAccessFile f = new RandomAccessFile(gcLog.toFile(), "r")) {
                tail = new byte[(int) Math.max(0, f.length() - gcLogOffset)];
                f.seek(gcLogOffset);
                f.readFully(tail);
            }
            for (String line : new String(tail, StandardCharsets.UTF_8).split("\n")) {
                if (!line.contains("Pause") && !line.contains("GC(")) continue;
                Matcher m = GC_LINE.matcher(line);
                if (!m.find()) continue;
                if (line.contains("Pause Remark") || line.contains("Pause Full")) {
                    // after a marking cycle's remark (or a full GC): close to the live set, unlike after a young pause
                    remark = Math.max(remark, mb(m.group(3), m.group(4)));
                }
                if (line.contains("Pause Remark") || line.contains("Pause Cleanup")) continue; // not collections of their own
                gcs++;
                before = Math.max(before, mb(m.group(1), m.group(2)));
                after = Math.max(after, mb(m.group(3), m.group(4)));
                capacity = Math.max(capacity, mb(m.group(5), m.group(6)));
            }
        }
        return new Peak(maxUsedKb < 0 ? -1 : maxUsedKb / 1024.0, samples, before, after, gcs, capacity, remark);
    }

    private static double mb(String n, String unit) {
        double v = Double.parseDouble(n);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    @Override
    public void close() throws InterruptedException {
        if (jstat.isAlive()) {
            jstat.destroy();
            jstat.waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(2000);
    }
}
