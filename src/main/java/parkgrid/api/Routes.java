package parkgrid.api;

import io.javalin.Javalin;
import parkgrid.config.Settings;
import parkgrid.store.FeatureStore;

/** The route table: every URL ParkGrid answers, in one place. */
public final class Routes {
    private Routes() {}

    public static void register(Javalin app, FeatureStore store, Settings settings) {
        LandingHandler landing = new LandingHandler(store);
        CollectionsHandler collections = new CollectionsHandler(store);
        ItemsHandler items = new ItemsHandler(store);
        OpenApiHandler openApi = new OpenApiHandler(store);
        MapConfigHandler mapConfig = new MapConfigHandler(settings);
        SpatialQueryHandler spatial = new SpatialQueryHandler(store);
        StatisticsHandler statistics = new StatisticsHandler(store);
        ProcessesHandler processes = new ProcessesHandler();
        CoverageHandler coverage = new CoverageHandler(store, settings.analysisTimeLimit());

        // Jetty encodes a String body in ISO-8859-1 unless told otherwise: every text body ParkGrid writes is UTF-8.
        app.before(Utf8ContentType::encodeBody);
        app.get("/", landing::landing);
        app.get("/conformance", landing::conformance);
        app.get("/api", openApi::get);
        app.get("/collections", collections::list);
        app.get("/collections/{collectionId}", collections::one);
        app.get("/collections/{collectionId}/schema", collections::schema);
        app.get("/collections/{collectionId}/items", items::items);
        app.get("/collections/{collectionId}/items/{featureId}", items::item);
        app.get("/collections/{collectionId}/export", items::export);
        app.get("/collections/{collectionId}/nearest", spatial::nearest);
        app.get("/processes", processes::list);
        app.get("/processes/{processId}", processes::one);
        app.post("/processes/spatial-query/execution", spatial::execute);
        app.post("/processes/coverage/execution", coverage::coverage);
        app.get("/processes/coverage/rules", coverage::rules);
        app.post("/processes/supply-radius/execution", coverage::supplyRadius);
        app.get("/collections/{collectionId}/statistics", statistics::layer);
        app.get("/statistics", statistics::dashboard);
        app.get("/map/config", mapConfig::get);
        app.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok", "store", store.kind())));
        app.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg"));
        ProblemMapper.register(app);
    }
}
