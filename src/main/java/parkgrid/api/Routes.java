package parkgrid.api;

import io.javalin.Javalin;
import parkgrid.config.Settings;
import parkgrid.process.ProcessRunner;
import parkgrid.process.Processes;
import parkgrid.store.FeatureStore;

/**
 * Registers the {@link Operations} table with Javalin: each declared operation with its role, behind the
 * access check ({@link AccessCheck}, which reads that role) and the check that its query parameters are
 * declared ones. Nothing else is routed here, so the API document lists every route.
 */
public final class Routes {
    private Routes() {}

    /** The standard processes, on a runner with the settings' analysis time limit. */
    public static void register(Javalin app, FeatureStore store, Settings settings) {
        register(app, store, settings, Processes.standard(store, settings.roles()), ProcessRunner.withTimeLimit(settings.analysisTimeLimit()));
    }

    /** {@code processes} on {@code runner}: a test app registers a process of its own, or a small runner. */
    public static void register(Javalin app, FeatureStore store, Settings settings, Processes processes, ProcessRunner runner) {
        // Jetty encodes a String body in ISO-8859-1 unless told otherwise: every text body ParkGrid writes is UTF-8.
        app.before(Utf8ContentType::encodeBody);
        new AccessCheck(store.tokens()).register(app);
        for (Operation op : new Operations(store, settings, processes, runner).all()) {
            DeclaredParameters check = new DeclaredParameters(op, store);
            app.addHttpHandler(op.method(), op.path(), ctx -> {
                check.require(ctx);
                op.handler().handle(ctx);
            }, op.role());
        }
        ProblemMapper.register(app);
    }
}
