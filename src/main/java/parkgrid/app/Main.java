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
    }
}
