package parkgrid.app;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkgrid.api.Routes;
import parkgrid.config.Settings;
import parkgrid.io.SeedData;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;

/** A running ParkGrid: its store (seeded on first start) and its HTTP server. */
public final class ParkGridApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParkGridApp.class);
    private final FeatureStore store;
    private final Javalin javalin;

    private ParkGridApp(FeatureStore store, Javalin javalin) {
        this.store = store;
        this.javalin = javalin;
    }

    /** Opens the configured store, loads the seed if it has no layers, and starts serving. */
    public static ParkGridApp start(Settings settings) {
        FeatureStore store = openStore(settings);
        try {
            if (SeedData.loadIfEmpty(store)) LOG.info("seeded {} from the committed seed set", store.description());
            return start(settings, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Serves an already opened store (tests and benchmarks build their own). */
    public static ParkGridApp start(Settings settings, FeatureStore store) {
        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.router.ignoreTrailingSlashes = true;
            config.http.maxRequestSize = 16L * 1024 * 1024; // a 100 000-vertex query geometry is ~4 MB of GeoJSON
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        Routes.register(javalin, store, settings);
        javalin.start(settings.port());
        return new ParkGridApp(store, javalin);
    }

    static FeatureStore openStore(Settings settings) {
        if (settings.usesPostGis()) {
            return PostGisStore.open(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword(),
                    settings.databaseSchema());
        }
        if (!java.nio.file.Files.exists(settings.geoPackage())) {
            LOG.info("creating {} from the committed seed set", settings.geoPackage());
        }
        return GeoPackageStore.openSeeded(settings.geoPackage(), SeedData::read);
    }

    public int port() {
        return javalin.port();
    }

    public FeatureStore store() {
        return store;
    }

    public void stop() {
        javalin.stop();
        store.close();
    }

    @Override
    public void close() {
        stop();
    }
}
