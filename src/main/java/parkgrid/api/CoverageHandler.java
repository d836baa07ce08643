package parkgrid.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parkgrid.analysis.CoverageAnalysis;
import parkgrid.analysis.CoverageArea;
import parkgrid.analysis.CoverageOptions;
import parkgrid.analysis.CoverageResult;
import parkgrid.analysis.NetworkScope;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.analysis.SupplyRadiusCheck;
import parkgrid.analysis.SupplyRadiusOptions;
import parkgrid.analysis.SupplyRadiusRules;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;

/**
 * {@code POST /processes/coverage/execution}, {@code POST /processes/supply-radius/execution} and
 * {@code GET /processes/coverage/rules} (the DL/T 5729 rule set, to read and edit). Reads the layers the
 * inputs name, runs the pure analysis under a time limit and writes GeoJSON with a summary.
 */
final class CoverageHandler {
    /** An analysis that would run longer stops (time limit exceeded) rather than hold a server thread. */
    private final Duration timeLimit;
    /**
     * Covered areas are built on one worker thread: a JTS union cannot be interrupted, so one that
     * outlasts the time limit is answered "time limit exceeded" while it finishes in the background, and at most one
     * such computation runs at a time.
     */
    private final ExecutorService areaWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "coverage-area");
        t.setDaemon(true);
        return t;
    });
    /**
     * Buffering the reachable part of a network larger than this takes minutes (measured: 316 s for a
     * 200 000-segment grid), so its covered area is left out unless asked for explicitly.
     */
    static final int NETWORK_AREA_DEFAULT_MAX_LINES = 20_000;
    private final FeatureStore store;

    CoverageHandler(FeatureStore store, Duration timeLimit) {
        this.store = store;
        this.timeLimit = timeLimit;
    }

    void rules(Context ctx) {
        ObjectNode doc = Responses.JSON.createObjectNode();
        RadiusInput.NAMED_RULES.forEach((name, rules) -> doc.set(name, RadiusInput.rulesJson(rules)));
        Responses.write(ctx, ResponseFormat.JSON, "Supply radius rules", doc, OgcVocabulary.JSON);
    }

    void coverage(Context ctx) throws IOException {
        try {
            runCoverage(ctx);
        } catch (ParkGridException e) {
            throw InputPaths.COVERAGE.named(e);
        }
    }

    private void runCoverage(Context ctx) throws IOException {
        Instant deadline = Instant.now().plus(timeLimit); // reading the layers counts against the limit too
        JsonNode in = JsonBody.inputs(ctx, ProcessDeclarations.COVERAGE);
        Layer supply = CollectionsHandler.layer(store, JsonBody.text(in, "supply", null), "supply");
        Layer demand = CollectionsHandler.layer(store, JsonBody.text(in, "demand", null), "demand");
        RadiusPolicy policy = RadiusInput.policy(in.get("radius"), supply, demand);
        String mode = JsonBody.text(in, "mode", "euclidean");
        CoverageOptions options;
        int networkLines = 0;
        if (mode.equals("euclidean")) {
            for (String networkOnly : new String[] {"network_filter", "max_access_m"}) {
                if (in.hasNonNull(networkOnly)) {
                    throw ParkGridException.invalidParameter(networkOnly, networkOnly + " applies to mode network only; this request is euclidean");
                }
            }
            options = CoverageOptions.euclidean();
        } else if (mode.equals("network")) {
            Layer network = CollectionsHandler.layer(store, JsonBody.text(in, "network", "power_lines"), "network");
            if (network.geometryKind() != GeometryKind.LINESTRING && network.geometryKind() != GeometryKind.MULTILINESTRING) {
                throw ParkGridException.invalidParameter("network", "network layer '" + network.name() + "' holds "
                        + network.geometryKind().geoJsonName() + ", not lines");
            }
            NetworkScope scope = NetworkInput.scope(in, network);
            List<Feature> lines = NetworkInput.lines(store, network, scope);
            networkLines = lines.size();
            options = CoverageOptions.network(lines).withNetworkScope(scope);
        } else {
            throw ParkGridException.invalidParameter("mode", "unknown mode '" + mode + "': use euclidean or network");
        }
        String population = JsonBody.text(in, "population_property", CoverageOptions.DEFAULT_POPULATION_PROPERTY);
        options = options.withPopulationProperty(population).withSupplierNoun(singular(supply.name())).withDeadline(deadline);
        String areasOmitted = null;
        boolean areas;
        if (in.hasNonNull("include_areas")) {
            areas = in.get("include_areas").asBoolean();
            if (!areas) areasOmitted = "include_areas is false";
        } else {
            areas = networkLines <= NETWORK_AREA_DEFAULT_MAX_LINES;
            if (!areas) areasOmitted = "the network has " + networkLines + " lines, more than " + NETWORK_AREA_DEFAULT_MAX_LINES
                    + " whose reachable part can be buffered in the time limit; send include_areas: true to try anyway";
        }
        List<Feature> demands = read(demand.name());
        CoverageAnalysis analysis = new CoverageAnalysis(read(supply.name()), demands, policy, options);
        analysis.compute();
        // not getResult(): that would compute the covered areas even when they are not wanted
        List<CoverageArea> coveredAreas = areas ? areasBefore(analysis, deadline) : List.of();
        CoverageResult result = new CoverageResult(analysis.getSummary(), analysis.getDemandResults(), analysis.getUncoveredIds(), coveredAreas);
        boolean features = !in.hasNonNull("include_features") || in.get("include_features").asBoolean();
        CoverageResponse.write(ctx, features ? demands : List.of(), result, areasOmitted);
    }

    private List<CoverageArea> areasBefore(CoverageAnalysis analysis, Instant deadline) {
        Future<List<CoverageArea>> areas = areaWorker.submit(analysis::getCoveredAreas);
        try {
            return areas.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            areas.cancel(true);
            throw ParkGridException.timeLimit("include_areas", "the covered area was not finished within "
                    + timeLimit.toSeconds() + " s; ask again with \"include_areas\": false for the coverage itself");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("covered area failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ParkGridException.busy("the server is stopping");
        }
    }

    void supplyRadius(Context ctx) throws IOException {
        try {
            runSupplyRadius(ctx);
        } catch (ParkGridException e) {
            throw InputPaths.SUPPLY_RADIUS.named(e);
        }
    }

    private void runSupplyRadius(Context ctx) throws IOException {
        Instant deadline = Instant.now().plus(timeLimit);
        JsonNode in = JsonBody.inputs(ctx, ProcessDeclarations.SUPPLY_RADIUS);
        double kv = JsonBody.number(in, "voltage_kv", 10);
        if (kv != 10 && kv != 0.4) throw ParkGridException.invalidParameter("voltage_kv", "voltage_kv must be 10 or 0.4, got " + kv);
        Layer lines = CollectionsHandler.layer(store, JsonBody.text(in, "lines", "power_lines"), "lines");
        Layer sources = CollectionsHandler.layer(store, JsonBody.text(in, "sources", kv == 10 ? "substations" : "transformers"), "sources");
        String loadsName = kv == 10 ? JsonBody.text(in, "loads", "transformers") : (in.hasNonNull("loads") ? JsonBody.text(in, "loads", null) : null);
        List<Feature> loads = loadsName == null ? null : read(CollectionsHandler.layer(store, loadsName, "loads").name());
        NetworkScope scope = NetworkInput.scope(in, lines);
        SupplyRadiusOptions options = SupplyRadiusOptions.defaults().withDeadline(deadline).withNetworkScope(scope);
        if (in.hasNonNull("class")) {
            options = options.withDefaultClass(JsonBody.text(in, "class", null));
        } else if (store.layer("villages").isPresent()) {
            options = options.withVillages(read("villages")); // each source takes the class of its nearest village
        }
        List<Feature> sourceFeatures = read(sources.name());
        Map<Long, Feature> byId = new HashMap<>();
        sourceFeatures.forEach(f -> byId.put(f.id(), f));
        SupplyRadiusCheck check = new SupplyRadiusCheck(NetworkInput.lines(store, lines, scope), sourceFeatures, loads, kv,
                SupplyRadiusRules.dlt5729(), options);
        check.compute();
        CoverageResponse.writeSupplyRadius(ctx, check.getResults(), byId, kv, check.getNetworkSummary());
    }

    private static String singular(String layer) {
        return layer.endsWith("s") ? layer.substring(0, layer.length() - 1) : layer;
    }

    /** The located features of a layer: features without a place (null geometry) take no part in an analysis. */
    private List<Feature> read(String layer) throws IOException {
        List<Feature> out = new ArrayList<>();
        store.forEach(layer, FeatureQuery.all(), f -> {
            if (f.hasGeometry()) out.add(f);
        });
        return out;
    }
}
