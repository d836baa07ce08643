package parkgrid.app;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.ParsedEndpoint;
import java.util.List;
import io.javalin.http.staticfiles.StaticFileConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkgrid.api.JettyProblemHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import java.time.Duration;
import parkgrid.api.Routes;
import parkgrid.api.Utf8ContentType;
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

    /** How long a stopping server lets the requests in flight finish before it closes their connections. */
    public static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(10);

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
                declareUtf8(files);
            });
            config.staticFiles.add(files -> { // what enableWebjars() sets up, with charsets
                files.hostedPath = "/webjars";
                files.directory = "/META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "max-age=31622400");
                declareUtf8(files);
            });
            config.http.prefer405over404 = true; // a wrong method on a known path is 405 with Allow, not 404
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyProblemHandler());
                // Graceful stop (SIGTERM → Main's shutdown hook → stop()): the connectors stop accepting at once, and the
                // StatisticsHandler lets the requests in flight finish for up to SHUTDOWN_DRAIN before Jetty stops, so a
                // load balancer in front sees this instance go away without failed answers (ScaleOutIT).
                server.setHandler(new StatisticsHandler());
                server.setStopTimeout(SHUTDOWN_DRAIN.toMillis());
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyProblemHandler()));
        });
        Routes.register(javalin, store, settings);
        javalin.after(Utf8ContentType::declare);
        javalin.start(settings.host(), settings.port());
        return new ParkGridApp(store, javalin);
    }

    /** The map's files are UTF-8 (Chinese labels); Jetty would leave the charset out, or write "charset=null". */
    private static void declareUtf8(StaticFileConfig files) {
        files.mimeTypes.add("text/html;charset=utf-8", "html");
        files.mimeTypes.add("text/javascript;charset=utf-8", "js");
        files.mimeTypes.add("text/css;charset=utf-8", "css");
        files.mimeTypes.add("image/svg+xml;charset=utf-8", "svg");
        files.mimeTypes.add("application/json;charset=utf-8", "json");
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

    /** A route the server answers, as registered: {@code GET /collections/{collectionId}/items}. */
    public record Route(String method, String path) {}

    /** Every HTTP route Javalin has, in registration order (before/after handlers and static files excluded). */
    public List<Route> routes() {
        return javalin.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(ParsedEndpoint::getEndpoint)
                .filter(e -> e.getMethod().isHttpMethod())
                .map(e -> new Route(e.getMethod().name(), e.getPath()))
                .toList();
    }

    /**
     * Asks this server, over HTTP, what the map page asks on its first load ({@link ServerWarmUp}), so that a cold
     * JVM's first-request costs are paid before the first user's; {@link Main} calls it after the start.
     *
     * @param host the address the server listens on ({@code 0.0.0.0} or {@code ::}: it is asked on the loopback)
     * @return e.g. "41 requests (41 answered) in 830 ms"
     */
    public String warmUp(String host) {
        ServerWarmUp.Report r = new ServerWarmUp(host, port()).run();
        return r.requests() + " requests (" + r.succeeded() + " answered) in " + r.millis() + " ms";
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
