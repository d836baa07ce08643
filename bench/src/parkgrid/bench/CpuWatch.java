package parkgrid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How busy the machine was with work that is not the benchmark's: CPU used by all processes
 * ({@code /proc/stat}) minus the CPU of this JVM and its live child processes (the server JVMs), as a
 * percentage of all cores over the window. PostgreSQL server processes count as the benchmark's (they
 * serve its PostGIS store; other clients' backends are then counted too, so this is a lower bound).
 * The benchmark may share the machine; this tells how much.
 */
final class CpuWatch {
    private static final double NANOS_PER_JIFFY = 1e7; // USER_HZ = 100

    private final long busy0, total0;
    private final Map<Long, Long> ours0;

    private CpuWatch(long busy0, long total0, Map<Long, Long> ours0) {
        this.busy0 = busy0;
        this.total0 = total0;
        this.ours0 = ours0;
    }

    static CpuWatch start() {
        long[] s = procStat();
        return new CpuWatch(s[0], s[1], ourCpuNanos());
    }

    /** Percent of the machine's CPU capacity used by other processes since {@link #start}, or -1 if unknown. */
    double otherPercent() {
        long[] s = procStat();
        if (s[1] <= total0 || total0 == 0) return -1;
        Map<Long, Long> ours1 = ourCpuNanos();
        long oursNanos = 0;
        for (Map.Entry<Long, Long> e : ours1.entrySet()) oursNanos += e.getValue() - ours0.getOrDefault(e.getKey(), 0L);
        double busy = s[0] - busy0, total = s[1] - total0;
        return Math.max(0, (busy - oursNanos / NANOS_PER_JIFFY) / total * 100);
    }

    /** The 1-minute load average, or -1. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Map<Long, Long> ourCpuNanos() {
        Map<Long, Long> m = new HashMap<>();
        ProcessHandle self = ProcessHandle.current();
        m.put(self.pid(), self.info().totalCpuDuration().map(Duration::toNanos).orElse(0L));
        self.descendants().forEach(p -> m.put(p.pid(), p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)));
        // PostgreSQL backends serve the PostGIS store: count them as ours (this also counts other clients' backends)
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("/postmaster")).orElse(false))
                .forEach(p -> m.put(p.pid(), p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)));
        return m;
    }

    /** {busy, total} jiffies over all cores. */
    private static long[] procStat() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) total += Long.parseLong(f[i]); // user..steal
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
