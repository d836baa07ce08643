package parkgrid.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkgrid.config.Settings;

/**
 * {@code java -jar parkgrid.jar}: serves the embedded, seeded GeoPackage on port 7070 unless configured otherwise.
 * {@code java -jar parkgrid.jar create-admin-token "管理员 张三"} is the one-time setup step ({@link AdminTokenSetup}).
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Settings settings = Settings.fromEnvironment(System.getenv());
        if (args.length > 0) {
            System.exit(AdminTokenSetup.run(java.util.List.of(args), settings, System.out, System.err));
        }
        ParkGridApp app = ParkGridApp.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "parkgrid-shutdown"));
        String warm = app.warmUp(settings.host());
        LOG.info("ParkGrid serving {} on http://{}:{}/ (started in {} ms; warm-up: {})", app.store().description(), settings.host(), app.port(),
                (System.nanoTime() - t0) / 1_000_000, warm);
        preloadExactSolver();
    }

    /**
     * Loads the exact solver's native libraries (OR-Tools, 1.4–8 s) on a background thread after the warm-up, so the
     * first facility-location request does not pay for it; a failure is remembered and answered as 503 then.
     */
    private static void preloadExactSolver() {
        Thread t = new Thread(() -> {
            try {
                parkgrid.analysis.facility.OrToolsNatives.require();
                LOG.info("exact solver (OR-Tools) loaded in {} s", String.format(java.util.Locale.ROOT, "%.1f",
                        parkgrid.analysis.facility.OrToolsNatives.loadSeconds()));
            } catch (RuntimeException e) {
                LOG.warn("exact solver (OR-Tools) unavailable: {}", e.getMessage());
            }
        }, "parkgrid-solver-preload");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
