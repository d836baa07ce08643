package parkgrid.api;

import io.javalin.http.HandlerType;
import parkgrid.config.ReadAccess;

import static parkgrid.api.Parameter.path;
import static parkgrid.api.Parameter.query;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import parkgrid.config.Settings;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.geo.SupportedCrs;
import parkgrid.process.Process;
import parkgrid.process.ProcessRunner;
import parkgrid.process.Processes;
import parkgrid.process.Schema;
import parkgrid.process.SitingProcess;
import parkgrid.imports.ImportJobs;
import parkgrid.imports.Importer;
import parkgrid.io.LayerReaders;
import parkgrid.io.FeatureFormat;
import parkgrid.io.FeatureFormats;
import parkgrid.io.ProjectExport;
import parkgrid.io.TextEncoding;
import parkgrid.store.FeatureStore;

/**
 * The operation table: every path ParkGrid answers, declared once with its method, role, parameters,
 * media types and handler. {@link Routes} registers it, {@link OpenApiDocument} describes it, and the
 * processes' descriptions and execution routes come from the registered {@link Processes}: each one's
 * {@link parkgrid.process.ProcessDeclaration} is the body its execution checks and the OpenAPI request body.
 */
final class Operations {
    static final String COLLECTION_PATH = "/collections/{collectionId}";

    static final Parameter COLLECTION_ID = path("collectionId", Schema.string(), "a collection id from /collections");
    static final Parameter F = query("f", Schema.string().enumOf("json", "html"),
            "representation; without it the Accept header decides (text/html: HTML, otherwise JSON)");
    /** {@code f} of feature collections: every format of the registry. */
    static final Parameter F_FEATURES = query("f", Schema.string().enumOf(ResponseFormat.fValues(FeatureFormats.STANDARD)),
            "representation; without it the Accept header decides (text/html: HTML, otherwise GeoJSON)");
    static final Parameter BBOX = query("bbox", Schema.arrayOf(Schema.number()).minItems(4).maxItems(6),
            "minLon,minLat,maxLon,maxLat (or minLon,minLat,minZ,maxLon,maxLat,maxZ, Z ignored) in bbox-crs, default CRS84; "
                    + "minLon > maxLon crosses the antimeridian");
    static final Parameter BBOX_CRS = query("bbox-crs", Schema.string().format("uri"),
            "CRS of bbox (OGC API – Features Part 2), default CRS84; one of " + SupportedCrs.supportedList());
    static final Parameter CRS = query("crs", Schema.string().format("uri"),
            "CRS of the response coordinates (OGC API – Features Part 2), default CRS84; one of " + SupportedCrs.supportedList());
    static final Parameter LIMIT = query("limit", Schema.integer().minimum(1).maximum(OgcVocabulary.MAX_LIMIT)
            .defaultValue(OgcVocabulary.DEFAULT_LIMIT), "page size; larger values are clamped to " + OgcVocabulary.MAX_LIMIT);
    static final Parameter OFFSET = query("offset", Schema.integer().minimum(0).defaultValue(0), "features to skip");
    static final Parameter DATETIME = query("datetime", Schema.string(),
            "RFC 3339 instant (2026-12-01T08:00:00Z or 2026-12-01) or interval a/b, ../b, a/..; applies to the collection's "
                    + "temporal property (extent.temporal), collections without one ignore it");
    static final Parameter FILTER = query("filter", Schema.string(),
            "CQL2 filter (OGC API – Features Part 3) in filter-lang; geometry literals in CRS84");
    static final Parameter FILTER_LANG = query("filter-lang", Schema.string().enumOf("cql2-text", "cql2-json").defaultValue("cql2-text"),
            "language of filter");
    static final Parameter FILTER_CRS = query("filter-crs", Schema.string().format("uri").enumOf(OgcVocabulary.CRS84),
            "CRS of geometry literals in filter: CRS84 only");
    static final Parameter SORTBY = query("sortby", Schema.arrayOf(Schema.string()),
            "comma-separated properties, '-' before a name for descending, '+' or nothing for ascending");
    static final Parameter PROPERTIES = query("properties", Schema.arrayOf(Schema.string()),
            "comma-separated properties to return; default all");

    static final Parameter FORMAT = query("format", Schema.string()
            .enumOf(FeatureFormats.STANDARD.files().stream().map(FeatureFormat::name).toList())
            .defaultValue(FeatureFormats.GEOJSON.name()), "file format");
    static final Parameter ENCODING = query("encoding", Schema.string().enumOf(TextEncoding.parameterValues()),
            "text encoding of a Shapefile's DBF or a CSV: utf-8 (default), utf-8-bom (CSV for Excel), gbk; "
                    + "GeoJSON, FlatGeobuf and GeoPackage are always UTF-8");
    /** The query parameters of {@code /items} besides the property filters. */
    static final List<Parameter> ITEMS_QUERY = List.of(BBOX, BBOX_CRS, CRS, LIMIT, OFFSET, DATETIME, FILTER, FILTER_LANG,
            FILTER_CRS, SORTBY, PROPERTIES, F_FEATURES);
    /** The query parameters of {@code /export} besides the property filters: those of {@code /items} without paging. */
    static final List<Parameter> EXPORT_QUERY = List.of(FORMAT, ENCODING, BBOX, BBOX_CRS, CRS, DATETIME, FILTER, FILTER_LANG, FILTER_CRS,
            SORTBY, PROPERTIES);

    static final Parameter TILE_MATRIX_SET_ID = path("tileMatrixSetId", Schema.string().enumOf("WebMercatorQuad"), "tile matrix set id");
    static final Parameter FEATURE_ID = path("featureId", Schema.integer(), "feature id");
    static final Parameter REPAIR = query("repair", Schema.bool().defaultValue(false),
            "true: an invalid geometry (e.g. a self-intersecting ring) is repaired with JTS GeometryFixer instead of refused");
    static final Parameter CONTENT_CRS = Parameter.header(FeatureBody.CONTENT_CRS, Schema.string(),
            "CRS of the body's coordinates (OGC API – Features Part 4/2), in its authority axis order: <uri> or the bare URI, "
                    + "default CRS84; one of " + SupportedCrs.supportedList());
    static final Parameter IF_MATCH = Parameter.header(EntityTag.IF_MATCH, Schema.string(),
            "the ETag of the version this change replaces (from GET …/items/{featureId}); without it 428, when stale 412").asRequired();
    static final Parameter IF_MATCH_WHEN_GIVEN = Parameter.header(EntityTag.IF_MATCH, Schema.string(),
            "the ETag of the version this change replaces (from GET …/items/{featureId}); 412 when stale; without it "
                    + "(PARKGRID_WRITE_PRECONDITION=optional, for QGIS 3.32+) the current version is replaced");
    static final Parameter IF_MATCH_OPTIONAL = Parameter.header(EntityTag.IF_MATCH, Schema.string(),
            "the ETag the feature must have now (for a deleted one, the version of its delete record); 412 when it has changed");
    static final Parameter IF_NONE_MATCH = Parameter.header(EntityTag.IF_NONE_MATCH, Schema.string(),
            "an ETag the client holds: 304 without a body when it is still current");
    /** The query parameters of {@code POST /imports}. */
    static final List<Parameter> IMPORT_QUERY = List.of(
            query("layer", Schema.string(), "the layer to create (mode=create) or append to (mode=append)").asRequired(),
            query("mode", Schema.string().enumOf("create", "append").defaultValue("create"),
                    "create a new layer (the file's ids kept) or append to an existing one (ids numbered on from its highest)"),
            query("format", Schema.string().enumOf(LayerReaders.STANDARD.ids()),
                    "the file's format; without it the file name's ending decides"),
            query("filename", Schema.string(), "the upload's file name (its ending picks the format)"),
            query("crs", Schema.string(), "CRS of the file's positions: EPSG:4326/4490/4491–4554 …, GCJ-02 (AMap, Tencent), "
                    + "CGCS2000-GK (zone from the easting); default what the file declares, else lon/lat or Gauss–Krüger by the values"),
            query("zone", Schema.integer(), "Gauss–Krüger zone of eastings without zone prefix (3° zones 25–45, 6° zones 13–23)"),
            query("cm", Schema.number(), "central meridian (°E, a multiple of 3) of eastings without zone prefix"),
            query("dry_run", Schema.bool().defaultValue(false), "check and report only; write nothing"),
            query("charset", Schema.string(), "the file's text encoding (UTF-8, GBK); default detected"));

    private final List<Operation> all;

    /** A salt for the suggestion client keys, new each start: the key counts posts, it identifies nobody. */
    private static byte[] randomSalt() {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        return salt;
    }

    Operations(FeatureStore store, Settings settings, Processes registered, ProcessRunner runner) {
        LandingHandler landing = new LandingHandler(store);
        CollectionsHandler collections = new CollectionsHandler(store);
        LayerAdminHandler layerAdmin = new LayerAdminHandler(store, settings.roles(), collections);
        PageAdmission admission = new PageAdmission(settings.pageWorkers());
        ItemsHandler items = new ItemsHandler(store, parkgrid.io.EncodedFeatureCache.ofBytes(settings.featureCacheBytes()), admission);
        TilesHandler tiles = new TilesHandler(store, settings.analysisTimeLimit(), admission);
        ItemWriteHandler writes = new ItemWriteHandler(store, settings.limits(), settings.writePrecondition());
        Parameter itemIfMatch = settings.writePrecondition() == parkgrid.config.WritePrecondition.REQUIRED ? IF_MATCH : IF_MATCH_WHEN_GIVEN;
        OpenApiHandler openApi = new OpenApiHandler(store, this::all);
        // PARKGRID_BASEMAP=mbtiles:|pmtiles:<file>: read its metadata once at start (a bad file stops the start, naming it)
        parkgrid.store.basemap.TileArchive basemapArchive = settings.basemapFile()
                .map(file -> parkgrid.store.basemap.TileArchive.open(settings.basemapName(), file)).orElse(null);
        MapConfigHandler mapConfig = new MapConfigHandler(settings, basemapArchive);
        SpatialQueryHandler spatial = new SpatialQueryHandler(store);
        StatisticsHandler statistics = new StatisticsHandler(store, settings.roles());
        ProcessesHandler processes = new ProcessesHandler(registered.declarations());
        ProcessExecutionHandler executions = new ProcessExecutionHandler(registered, runner);
        CoverageRulesHandler coverageRules = new CoverageRulesHandler();
        SuggestionsHandler suggestions = new SuggestionsHandler(new parkgrid.suggestion.SuggestionBox(store,
                settings.roles().layerFor(parkgrid.config.LayerRoles.SUGGESTIONS), parkgrid.suggestion.SuggestionLimits.DEFAULT,
                java.time.Clock.systemUTC()), randomSalt());
        TokensHandler tokens = new TokensHandler(store.tokens());
        CallerHandler me = new CallerHandler(settings.readAccess());
        // PARKGRID_READ=token: reading the data needs a viewer token. What stays public describes the service and
        // names no layer: the landing page (in a browser, the map page, whose sign-in control must load), the
        // conformance classes, health, the caller's own role and the browser icon. /api names every layer and its
        // properties, /map/config the layer roles and basemap key, so they are data here.
        Role read = settings.readAccess() == ReadAccess.TOKEN ? Role.VIEWER : Role.PUBLIC;
        ImportHandler imports = new ImportHandler(new ImportJobs(new Importer(store, LayerReaders.STANDARD, settings.imports()),
                store.importJobs(), ImportHandler::problem, java.time.Clock.systemUTC()));
        String json = OgcVocabulary.JSON, html = OgcVocabulary.HTML, geojson = OgcVocabulary.GEOJSON;
        List<String> featureBody = List.of(geojson, json);
        String items_ = COLLECTION_PATH + "/items", item = items_ + "/{featureId}";

        List<Operation> ops = new ArrayList<>();
        ops.add(Operation.get("getLandingPage", "/", "Landing page (in a browser: the map)", landing::landing, json, html).with(F));
        ops.add(Operation.get("getConformanceDeclaration", "/conformance", "Conformance classes", landing::conformance, json, html).with(F));
        ops.add(Operation.get("getApiDefinition", "/api", "This API definition", openApi::get, OgcVocabulary.OPENAPI_JSON, html).with(F).as(read));
        ops.add(Operation.get("getCollections", "/collections", "Layers, each with its feature count (itemCount)", collections::list, json, html)
                .with(F).as(read).withResponseSchema(CollectionsHandler.collectionsSchema()));
        ops.add(Operation.get("describeCollection", COLLECTION_PATH, "One layer: extent, CRS, properties, feature count (itemCount), links",
                collections::one, json, html).with(COLLECTION_ID, F).as(read).withResponseSchema(CollectionsHandler.collectionSchema()));
        ops.add(Operation.write("createCollection", HandlerType.POST, "/collections", Role.ADMIN,
                "Create an empty layer: JSON {name ([a-z][a-z0-9_]{0,62}), title, title_zh, description, geometry_type "
                        + "(Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon), properties: [{name, type: string|integer|number}]}; "
                        + "201 with Location and the collection, 409 when it exists",
                layerAdmin::create, List.of(json), 201, json).withBody(RequestBodies.layer()));
        ops.add(Operation.write("addCollectionProperty", HandlerType.POST, COLLECTION_PATH + "/properties", Role.ADMIN,
                "Add a property to a layer: JSON {name, type: string|integer|number}; existing features get null; 409 when it exists",
                layerAdmin::addProperty, List.of(json), 201, json).with(COLLECTION_ID).withBody(RequestBodies.property()));
        ops.add(Operation.write("deleteCollection", HandlerType.DELETE, COLLECTION_PATH, Role.ADMIN,
                "Delete a layer with its features, versions and audit trail, only with exported=true (else 428 with the export link) "
                        + "and never while it plays a layer role (409)",
                layerAdmin::delete, List.of(), 204).with(COLLECTION_ID,
                        query(LayerAdminHandler.EXPORTED, Schema.bool().defaultValue(false),
                                "true confirms that the layer's export (…/export?format=geopackage) was offered; required")));
        ops.add(Operation.get("getSchema", COLLECTION_PATH + "/schema", "JSON Schema of the layer's features (Part 5)",
                collections::schema, OgcVocabulary.SCHEMA_JSON, html).with(COLLECTION_ID, F).as(read));
        ops.add(Operation.get("getQueryables", COLLECTION_PATH + "/queryables", "Properties a filter may use (Part 3)",
                collections::queryables, OgcVocabulary.SCHEMA_JSON, html).with(COLLECTION_ID, F).as(read));
        ops.add(Operation.get("getFeatures", COLLECTION_PATH + "/items", "Features, paged; bbox, datetime, filter, sortby, properties",
                items::items, geojson, html)
                .with(COLLECTION_ID).with(ITEMS_QUERY.toArray(Parameter[]::new))
                .withLayerParameters(Operations::propertyFilters).as(read));
        ops.add(Operation.get("getFeature", item, "One feature, with its version as ETag", items::item, geojson, html)
                .with(COLLECTION_ID, FEATURE_ID, CRS, F, IF_NONE_MATCH).as(read));
        // Javalin answers HEAD on a GET route with an empty 200 without running it: this one sends the ETag
        ops.add(Operation.write("headFeature", HandlerType.HEAD, item, Role.PUBLIC, "The headers of GET on one feature (its ETag), no body",
                items::item, List.of(), 200).with(COLLECTION_ID, FEATURE_ID, CRS, F, IF_NONE_MATCH).as(read));
        ops.add(Operation.write("createFeature", HandlerType.POST, items_, Role.EDITOR,
                "Add a feature (GeoJSON Feature; without an id the next free one): 201 with Location and ETag",
                writes::create, featureBody, 201, geojson).with(COLLECTION_ID, REPAIR, CONTENT_CRS));
        ops.add(Operation.write("replaceFeature", HandlerType.PUT, item, Role.EDITOR,
                "Replace a feature (GeoJSON Feature); If-Match required, answers the new ETag",
                writes::replace, featureBody, 200, geojson).with(COLLECTION_ID, FEATURE_ID, REPAIR, itemIfMatch, CONTENT_CRS));
        ops.add(Operation.write("updateFeature", HandlerType.PATCH, item, Role.EDITOR,
                "Change some properties and/or the geometry (JSON Merge Patch; a null property clears it); If-Match required",
                writes::patch, List.of(OgcVocabulary.MERGE_PATCH_JSON, geojson, json), 200, geojson)
                .with(COLLECTION_ID, FEATURE_ID, REPAIR, itemIfMatch, CONTENT_CRS));
        ops.add(Operation.write("deleteFeature", HandlerType.DELETE, item, Role.EDITOR, "Delete a feature; If-Match required",
                writes::delete, List.of(), 204).with(COLLECTION_ID, FEATURE_ID, itemIfMatch));
        ops.add(Operation.write("optionsFeatures", HandlerType.OPTIONS, items_, Role.PUBLIC,
                "Allow: what this caller may do with the layer's features (POST for editors), as QGIS asks",
                writes::itemsOptions, List.of(), 204).with(COLLECTION_ID));
        ops.add(Operation.write("optionsFeature", HandlerType.OPTIONS, item, Role.PUBLIC,
                "Allow: what this caller may do with a feature (PUT, PATCH, DELETE for editors), for any id",
                writes::itemOptions, List.of(), 204).with(COLLECTION_ID, path("featureId", Schema.string(), "feature id")));
        ops.add(Operation.get("getFeatureHistory", item + "/history",
                "Every recorded change of a feature, oldest first: version, action, who, when, before and after (GeoJSON)",
                writes::history, json).with(COLLECTION_ID, FEATURE_ID).as(read));
        ops.add(Operation.write("revertFeature", HandlerType.POST, item + "/revert", Role.EDITOR,
                "Put a feature back as it was at a version (re-created if deleted), as a new version with its own record",
                writes::revert, List.of(), 200, geojson)
                .with(COLLECTION_ID, FEATURE_ID, query("version", Schema.integer().minimum(1), "the version to go back to (see history)").asRequired(),
                        IF_MATCH_OPTIONAL));
        ops.add(Operation.get("exportFeatures", COLLECTION_PATH + "/export", "The whole layer (filters apply, no paging) as a file download in format (GeoJSON by default) and crs",
                items::export, FeatureFormats.STANDARD.files().stream().map(FeatureFormat::mediaType).toArray(String[]::new))
                .with(COLLECTION_ID).with(EXPORT_QUERY.toArray(Parameter[]::new))
                .withLayerParameters(Operations::propertyFilters).as(read));
        ops.add(Operation.get("exportProject", "/export", "Every layer in one download: a GeoPackage with one table per layer "
                        + "(format=geopackage, the default), or a zip with one file per layer (a Shapefile set, GeoJSON, KML, CSV, FlatGeobuf), in crs",
                items::exportProject, "application/geopackage+sqlite3", "application/zip")
                .with(query("format", Schema.string().enumOf(ProjectExport.formats().stream().map(FeatureFormat::name).toList())
                        .defaultValue(FeatureFormats.GEOPACKAGE.name()), "file format: one GeoPackage, or a zip of one file per layer"),
                        ENCODING, CRS).as(read));
        String tilesets = COLLECTION_PATH + "/tiles", tileset = tilesets + "/{tileMatrixSetId}", tile = "/{tileMatrix}/{tileRow}/{tileCol}";
        Parameter[] tileAddress = {TILE_MATRIX_SET_ID, path("tileMatrix", Schema.integer().minimum(0).maximum(parkgrid.geo.WebMercatorQuad.MAX_ZOOM),
                "zoom, 0.." + parkgrid.geo.WebMercatorQuad.MAX_ZOOM), path("tileRow", Schema.integer().minimum(0), "row, from the top"),
                path("tileCol", Schema.integer().minimum(0), "column, from the left")};
        ops.add(Operation.get("getCollectionTileSets", tilesets, "The layer's vector tilesets (OGC API – Tiles)", tiles::tilesets, json, html)
                .with(COLLECTION_ID, F).as(read));
        ops.add(Operation.get("getCollectionTileSet", tileset, "Tileset metadata: tile matrix set, MVT tile URL template, limits, layer",
                tiles::tileset, json, html).with(COLLECTION_ID, TILE_MATRIX_SET_ID, F).as(read));
        ops.add(Operation.get("getCollectionTile", tileset + tile,
                "One Mapbox Vector Tile of the layer (MVT layer = collection id, extent 4096), simplified and thinned by zoom; "
                        + "ETag is a hash of the bytes (If-None-Match: 304)",
                tiles::tile, OgcVocabulary.MVT).with(COLLECTION_ID).with(tileAddress).with(FILTER, FILTER_LANG, FILTER_CRS, DATETIME,
                        query("properties", Schema.arrayOf(Schema.string()), "comma-separated properties to write; default all")).as(read));
        ops.add(Operation.get("getDatasetTile", "/tiles" + "/{tileMatrixSetId}" + tile,
                "One Mapbox Vector Tile of several layers, one MVT layer per collection (named by its id)", tiles::multiLayerTile, OgcVocabulary.MVT)
                .with(tileAddress).with(query("collections", Schema.arrayOf(Schema.string()),
                        "comma-separated collection ids, one MVT layer each; default every collection")).as(read));
        ops.add(Operation.get("getTileMatrixSets", "/tileMatrixSets", "Tile matrix sets (OGC 2DTMS)", tiles::tileMatrixSets, json, html).with(F));
        ops.add(Operation.get("getTileMatrixSet", "/tileMatrixSets/{tileMatrixSetId}", "One tile matrix set's definition (OGC 2DTMS)",
                tiles::tileMatrixSetDefinition, json, html).with(TILE_MATRIX_SET_ID, F));
        ops.add(Operation.get("getNearest", COLLECTION_PATH + "/nearest", "The k features nearest to a point, with distance_m (metres, geodesic)",
                spatial::nearest, geojson)
                .with(COLLECTION_ID,
                        query("point", Schema.arrayOf(Schema.number()).minItems(2).maxItems(2), "lon,lat in CRS84").asRequired(),
                        query("k", Schema.integer().minimum(1).maximum(SpatialQueryHandler.MAX_NEAREST).defaultValue(5), "how many"),
                        CRS).as(read));
        ops.add(Operation.get("getLayerStatistics", COLLECTION_PATH + "/statistics",
                "Count, length_km, area_m2 and sum per value of a property", statistics::layer, json)
                .with(COLLECTION_ID, query("groupby", Schema.string(), "property to group by; none: one group"),
                        query("sum", Schema.string(), "numeric property to add up per group")).as(read));
        ops.add(Operation.get("getDashboardStatistics", "/statistics",
                "Planning dashboard: the source article's figures as stated (with wording and section, and the data's value where it can check them), per-layer positioned/placeholder counts, line km by voltage, enterprises by cluster and status, land use, upgrade progress",
                statistics::dashboard, json).as(read));
        ops.add(Operation.get("getProcesses", "/processes", "Analyses (OGC API – Processes)", processes::list, json, html).with(F).as(read));
        ops.add(Operation.get("getProcessDescription", "/processes/{processId}", "One process: inputs and outputs",
                processes::one, json, html)
                .with(path("processId", Schema.string().enumOf(registered.all().stream().map(Process::id).toList()),
                        "process id"), F).as(read));
        for (Process p : registered.all()) {
            Parameter[] query = p.declaration().outputCrs() ? new Parameter[] {CRS} : new Parameter[0];
            ops.add(Operation.execute(p.declaration(), ctx -> executions.execute(ctx, p.id()), query).as(read));
        }
        ops.add(Operation.get("getCoverageRules", "/processes/coverage/rules",
                "Supply-radius rule sets (DL/T 5729 and high-voltage service radii), metres by voltage and class", coverageRules::rules, json).as(read));
        ops.add(Operation.get("getSuggestionForm", "/suggestions/form",
                "What the citizens' suggestion form offers: categories, statuses, limits", suggestions::form, json));
        ops.add(Operation.write("postSuggestion", HandlerType.POST, "/suggestions", Role.PUBLIC,
                "Leave a planning suggestion: JSON {text, category, author?, lon, lat} or a GeoJSON Point Feature; "
                        + SuggestionsHandler.MAX_BODY_BYTES + " bytes at most, a few per client per hour (429 beyond)",
                suggestions::submit, List.of(json, geojson), 201, geojson).withBody(RequestBodies.suggestion(parkgrid.suggestion.SuggestionLimits.DEFAULT)));
        ops.add(Operation.write("answerSuggestion", HandlerType.POST, "/suggestions/{suggestionId}/answer", Role.EDITOR,
                "Move a suggestion to under_review or answered with a reply: JSON {status, reply}; If-Match with its ETag",
                suggestions::answer, List.of(json), 200, geojson)
                .with(path("suggestionId", Schema.integer(), "the suggestion's feature id"), IF_MATCH).withBody(RequestBodies.suggestionAnswer()));
        registered.find("siting").filter(p -> p instanceof SitingProcess).map(p -> ((SitingProcess) p).presets()).ifPresent(presets ->
                ops.add(Operation.get("getSitingPresets", "/processes/siting/presets",
                        "Siting presets: named criteria sets (line protection corridors by voltage, health-protection distances) with their sources",
                        ctx -> Responses.write(ctx, ResponseFormat.JSON, "Siting presets", presets.json(), OgcVocabulary.JSON), json).as(read)));
        ops.add(Operation.write("importFeatures", HandlerType.POST, "/imports", Role.EDITOR,
                "Import a file (the request body) into a new layer or append it to one, all or nothing, with a report; "
                        + "Prefer: respond-async answers 202 and /imports/{importId} shows progress",
                imports::post, List.of("application/octet-stream"), 201, json).with(IMPORT_QUERY.toArray(Parameter[]::new)));
        ops.add(Operation.get("getImport", "/imports/{importId}", "An import's progress (state, features read and written) and its report",
                imports::get, json).with(path("importId", Schema.string(), "the id POST /imports gave (Location header)")).as(Role.EDITOR));
        ops.add(Operation.get("getMapConfig", "/map/config", "What the map page needs from the deployment (basemap, layer roles)", mapConfig::get, json).as(read));
        if (basemapArchive != null) {
            BasemapHandler basemap = new BasemapHandler(basemapArchive);
            ops.add(Operation.get("getBasemapTile", "/basemap/{z}/{x}/{y}",
                    "A tile of the offline basemap (PARKGRID_BASEMAP=mbtiles:|pmtiles:<file>), XYZ-addressed; 204 where the package has none",
                    basemap::tile, basemapArchive.mediaType())
                    .with(path("z", Schema.integer(), "zoom level"), path("x", Schema.integer(), "column, from the west"),
                            path("y", Schema.integer(), "row, from the north")).as(read));
        }
        ops.add(Operation.get("getHealth", "/health", "Liveness: 200 with status ok", ctx -> ctx.json(Map.of("status", "ok", "store", store.kind())), json));
        ops.add(Operation.get("getFavicon", "/favicon.ico", "Browser icon: redirects to /static/favicon.svg",
                ctx -> ctx.redirect("/static/favicon.svg")));
        ops.add(Operation.get("getCaller", "/me", "Who the server takes the caller for: the bearer token's holder and role, or anonymous",
                me::get, json));
        ops.add(Operation.write("createToken", HandlerType.POST, "/admin/tokens", Role.ADMIN,
                "Make a bearer token: body {\"name\": holder, \"role\": viewer|editor|admin}; the answer shows the token once",
                tokens::create, List.of(json), 201, json).withBody(RequestBodies.token()));
        ops.add(Operation.get("getTokens", "/admin/tokens", "Every token, without its secret", tokens::list, json).as(Role.ADMIN));
        ops.add(Operation.write("revokeToken", HandlerType.DELETE, "/admin/tokens/{tokenId}", Role.ADMIN, "Revoke a token from now on",
                tokens::revoke, List.of(), 204).with(path("tokenId", Schema.integer(), "token id")));
        this.all = List.copyOf(ops);
    }

    List<Operation> all() {
        return all;
    }

    /** One equality filter per schema property ({@code ?county=Song}), as OGC API – Features Part 1 allows. */
    static List<Parameter> propertyFilters(Layer layer) {
        List<Parameter> ps = new ArrayList<>();
        for (PropertyDefinition p : layer.properties()) {
            ps.add(query(p.name(), Schema.of(p.type().jsonName()), "features whose " + p.name() + " equals this value"));
        }
        return ps;
    }
}
