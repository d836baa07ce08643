package parkgrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parkgrid.analysis.CoverageAnalysis;
import parkgrid.analysis.CoverageArea;
import parkgrid.analysis.CoverageOptions;
import parkgrid.analysis.CoverageResult;
import parkgrid.analysis.DemandResult;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.analysis.SourceRadius;
import parkgrid.analysis.SupplyRadiusCheck;
import parkgrid.analysis.SupplyRadiusOptions;
import parkgrid.analysis.SupplyRadiusRules;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyType;
import parkgrid.geo.GeoJsonWriter;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;

/**
 * {@code POST /processes/coverage/execution}, {@code POST /processes/supply-radius/execution} and
 * {@code GET /processes/coverage/rules} (the DL/T 5729 rule set, to read and edit). Reads the layers the
 * inputs name, runs the pure analysis under a time limit and writes GeoJSON with a summary.
 */
final class CoverageHandler {
    /** An analysis that would run longer stops with 503 rather than hold a server thread. */
    private final Duration timeLimit;
    /**
     * Covered areas are built on one worker thread: a JTS union cannot be interrupted, so one that
     * outlasts the time limit is answered with 503 while it finishes in the background, and at most one
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
        doc.set("dlt5729", rulesJson(SupplyRadiusRules.dlt5729()));
        doc.set("hv_service_radius", rulesJson(SupplyRadiusRules.highVoltageServiceRadius()));
        Responses.write(ctx, ResponseFormat.JSON, "Supply radius rules", doc, OgcVocabulary.JSON);
    }

    void coverage(Context ctx) throws IOException {
        Instant deadline = Instant.now().plus(timeLimit); // reading the layers counts against the limit too
        JsonNode in = JsonBody.inputs(ctx);
        Layer supply = CollectionsHandler.layer(store, JsonBody.text(in, "supply", null));
        Layer demand = CollectionsHandler.layer(store, JsonBody.text(in, "demand", null));
        RadiusPolicy policy = policy(in.get("radius"), supply, demand);
        String mode = JsonBody.text(in, "mode", "euclidean");
        CoverageOptions options;
        int networkLines = 0;
        if (mode.equals("euclidean")) {
            options = CoverageOptions.euclidean();
        } else if (mode.equals("network")) {
            Layer network = CollectionsHandler.layer(store, JsonBody.text(in, "network", "power_lines"));
            if (network.geometryKind() != GeometryKind.LINESTRING && network.geometryKind() != GeometryKind.MULTILINESTRING) {
                throw ParkGridException.invalidParameter("network", "network layer '" + network.name() + "' holds "
                        + network.geometryKind().geoJsonName() + ", not lines");
            }
            List<Feature> lines = readGeometries(network.name());
            networkLines = lines.size();
            options = CoverageOptions.network(lines);
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
        writeCoverage(ctx, features ? demands : List.of(), result, coveredAreas, areasOmitted);
    }

    private List<CoverageArea> areasBefore(CoverageAnalysis analysis, Instant deadline) {
        Future<List<CoverageArea>> areas = areaWorker.submit(analysis::getCoveredAreas);
        try {
            return areas.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            areas.cancel(true);
            throw new ParkGridException(503, "Analysis time limit exceeded", "include_areas", "the covered area was not finished within "
                    + timeLimit.toSeconds() + " s; ask again with \"include_areas\": false for the coverage itself");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("covered area failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParkGridException(503, "Interrupted", null, "the server is stopping");
        }
    }

    void supplyRadius(Context ctx) throws IOException {
        Instant deadline = Instant.now().plus(timeLimit);
        JsonNode in = JsonBody.inputs(ctx);
        double kv = JsonBody.number(in, "voltage_kv", 10);
        if (kv != 10 && kv != 0.4) throw ParkGridException.invalidParameter("voltage_kv", "voltage_kv must be 10 or 0.4, got " + kv);
        Layer lines = CollectionsHandler.layer(store, JsonBody.text(in, "lines", "power_lines"));
        Layer sources = CollectionsHandler.layer(store, JsonBody.text(in, "sources", kv == 10 ? "substations" : "transformers"));
        String loadsName = kv == 10 ? JsonBody.text(in, "loads", "transformers") : (in.hasNonNull("loads") ? JsonBody.text(in, "loads", null) : null);
        List<Feature> loads = loadsName == null ? null : read(CollectionsHandler.layer(store, loadsName).name());
        SupplyRadiusOptions options = SupplyRadiusOptions.defaults().withDeadline(deadline);
        if (in.hasNonNull("class")) {
            options = options.withDefaultClass(JsonBody.text(in, "class", null));
        } else if (store.layer("villages").isPresent()) {
            options = options.withVillages(read("villages")); // each source takes the class of its nearest village
        }
        List<Feature> sourceFeatures = read(sources.name());
        Map<Long, Feature> byId = new HashMap<>();
        sourceFeatures.forEach(f -> byId.put(f.id(), f));
        SupplyRadiusCheck check = new SupplyRadiusCheck(read(lines.name()), sourceFeatures, loads, kv, SupplyRadiusRules.dlt5729(), options);
        check.compute();
        writeSupplyRadius(ctx, check.getResults(), byId, kv);
    }

    private RadiusPolicy policy(JsonNode r, Layer supply, Layer demand) {
        if (r == null || !r.isObject()) {
            throw ParkGridException.invalidParameter("radius", "radius must be an object: {\"type\":\"constant\",\"metres\":500}, "
                    + "{\"type\":\"property\",\"property\":…} or {\"type\":\"rule\",\"rules\":\"dlt5729\",\"voltage_kv\":0.4,…}");
        }
        String type = JsonBody.text(r, "type", null);
        switch (type) {
            case "constant": {
                JsonNode m = r.get("metres");
                if (m == null || !m.isNumber()) throw ParkGridException.invalidParameter("radius", "radius.metres must be a number of metres");
                return RadiusPolicy.constant(m.asDouble());
            }
            case "property": {
                String p = JsonBody.text(r, "property", null);
                var def = supply.property(p).orElseThrow(() -> ParkGridException.invalidParameter("radius",
                        "supply layer '" + supply.name() + "' has no property '" + p + "'"));
                if (def.type() == PropertyType.STRING) throw ParkGridException.invalidParameter("radius", "property '" + p + "' is text, not metres");
                return RadiusPolicy.supplierProperty(p);
            }
            case "rule": {
                SupplyRadiusRules rules = rules(r);
                double kv = JsonBody.number(r, "voltage_kv", 0.4);
                if (r.hasNonNull("class")) return RadiusPolicy.byClass(rules, JsonBody.text(r, "class", null), kv);
                String classProperty = JsonBody.text(r, "class_property", RadiusPolicy.DEFAULT_CLASS_PROPERTY);
                if (demand.property(classProperty).isEmpty()) {
                    throw ParkGridException.invalidParameter("radius", "demand layer '" + demand.name() + "' has no property '"
                            + classProperty + "'; give radius.class (A+, A, B, C, D or E) instead");
                }
                return RadiusPolicy.byDemandClass(rules, classProperty, kv);
            }
            default:
                throw ParkGridException.invalidParameter("radius", "unknown radius type '" + type + "': use constant, property or rule");
        }
    }

    /** {@code "rules": "dlt5729"} (default) or an edited table {@code {"10": {"D": 15000, …}, "0.4": {…}}}. */
    private static SupplyRadiusRules rules(JsonNode r) {
        JsonNode rules = r.get("rules");
        if (rules == null || rules.isNull() || rules.asText().equals("dlt5729")) return SupplyRadiusRules.dlt5729();
        if (!rules.isObject()) throw ParkGridException.invalidParameter("rules", "rules must be \"dlt5729\" or a table {\"10\": {\"D\": 15000}}");
        Map<String, Map<String, Number>> table = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> kvs = rules.fields();
        while (kvs.hasNext()) {
            Map.Entry<String, JsonNode> kv = kvs.next();
            Map<String, Number> classes = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> cs = kv.getValue().fields();
            while (cs.hasNext()) {
                Map.Entry<String, JsonNode> c = cs.next();
                if (!c.getValue().isNull() && !c.getValue().isNumber()) {
                    throw ParkGridException.invalidParameter("rules", "radius for class " + c.getKey() + " at " + kv.getKey() + " kV must be metres or null");
                }
                classes.put(c.getKey(), c.getValue().isNull() ? null : c.getValue().numberValue());
            }
            table.put(kv.getKey(), classes);
        }
        return SupplyRadiusRules.of("custom", "edited by the user from DL/T 5729", "user-defined", table);
    }

    private void writeCoverage(Context ctx, List<Feature> demands, CoverageResult result, List<CoverageArea> areas,
                               String areasOmitted) throws IOException {
        Map<Long, DemandResult> byId = new HashMap<>();
        result.demands().forEach(d -> byId.put(d.featureId(), d));
        ctx.contentType(OgcVocabulary.GEOJSON);
        try (OutputStream out = ctx.outputStream(); JsonGenerator g = Responses.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Feature f : demands) {
                DemandResult d = byId.get(f.id());
                Map<String, Object> props = new LinkedHashMap<>(f.properties());
                props.put("covered", d.covered());
                props.put("covering_supplier_id", d.coveringSupplierId());
                props.put("distance_m", rounded(d.distanceMetres()));
                props.put("nearest_supplier_id", d.nearestSupplierId());
                props.put("nearest_distance_m", rounded(d.nearestDistanceMetres()));
                props.put("reason", d.reason());
                GeoJsonWriter.RFC7946.writeFeature(g, new Feature(f.id(), f.geometry(), props));
            }
            g.writeEndArray();
            var s = result.summary();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("demand_count", s.demandCount());
            g.writeNumberField("covered_count", s.coveredCount());
            g.writeNumberField("unassessed_count", s.unassessedCount());
            g.writeNumberField("covered_share", s.coveredShare());
            g.writeNumberField("supplier_count", s.supplierCount());
            g.writeNumberField("population_covered", s.populationCovered());
            g.writeNumberField("population_total", s.populationKnown());
            g.writeNumberField("population_unknown", s.populationUnknownCount());
            if (s.populationCoveredShare() != null) g.writeNumberField("population_covered_share", s.populationCoveredShare());
            else g.writeNullField("population_covered_share");
            g.writeStringField("mode", s.mode().name().toLowerCase());
            g.writeStringField("radius", s.radiusDescription());
            g.writeStringField("projection", "EPSG:" + s.epsg());
            if (areasOmitted != null) g.writeStringField("coverage_area_omitted", areasOmitted);
            g.writeEndObject();
            g.writeArrayFieldStart("uncovered");
            for (Long id : result.uncoveredIds()) g.writeNumber(id);
            g.writeEndArray();
            g.writeObjectFieldStart("coverage_area");
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            long n = 1;
            for (CoverageArea a : areas) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("supply_class", a.supplyClass());
                props.put("area_m2", Math.round(a.areaSquareMetres()));
                GeoJsonWriter.RFC7946.writeFeature(g, new Feature(n++, a.areaLonLat(), props));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private void writeSupplyRadius(Context ctx, List<SourceRadius> results, Map<Long, Feature> sources, double kv) throws IOException {
        ctx.contentType(OgcVocabulary.GEOJSON);
        SupplyRadiusRules rules = SupplyRadiusRules.dlt5729();
        try (OutputStream out = ctx.outputStream(); JsonGenerator g = Responses.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            int over = 0;
            for (SourceRadius r : results) {
                Feature source = sources.get(r.sourceId());
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("source_id", r.sourceId());
                props.put("source_name", name(source));
                props.put("voltage_kv", r.voltageKv());
                props.put("supply_class", r.supplyClass());
                props.put("longest_path_m", rounded(r.longestPathMetres()));
                props.put("limit_m", r.limitMetres());
                props.put("over", r.over());
                props.put("farthest_load_id", r.farthestLoadId());
                props.put("farthest_load_kind", r.farthestLoadKind());
                props.put("load_count", r.loadCount());
                props.put("reason", r.reason());
                if (r.over()) over++;
                var geometry = r.pathLonLat() != null ? r.pathLonLat() : source.geometry();
                GeoJsonWriter.RFC7946.writeFeature(g, new Feature(r.sourceId(), geometry, props));
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("voltage_kv", kv);
            g.writeNumberField("source_count", results.size());
            g.writeNumberField("over_count", over);
            g.writeStringField("rules", rules.name());
            g.writeStringField("rules_source", rules.source());
            g.writeStringField("rules_confidence", rules.confidence());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static String name(Feature f) {
        if (f == null) return null;
        Object zh = f.properties().get("name_zh"), en = f.properties().get("name_en"), plain = f.properties().get("name");
        if (zh != null && en != null) return zh + " " + en;
        return zh != null ? zh.toString() : en != null ? en.toString() : plain != null ? plain.toString() : null;
    }

    private static Double rounded(Double metres) {
        return metres == null ? null : Math.round(metres * 10) / 10.0;
    }

    private static String singular(String layer) {
        return layer.endsWith("s") ? layer.substring(0, layer.length() - 1) : layer;
    }

    private static ObjectNode rulesJson(SupplyRadiusRules rules) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("name", rules.name()).put("source", rules.source()).put("confidence", rules.confidence());
        ObjectNode t = n.putObject("radius_m");
        rules.radiiMetres().forEach((kv, classes) -> {
            ObjectNode c = t.putObject(kv == Math.rint(kv) ? String.valueOf(kv.longValue()) : String.valueOf(kv));
            classes.forEach((cls, m) -> { if (m == null) c.putNull(cls); else c.put(cls, m); });
        });
        return n;
    }

    /** Only the geometries: a network of 200 000 lines is held without its property maps. */
    private List<Feature> readGeometries(String layer) throws IOException {
        List<Feature> out = new ArrayList<>();
        store.forEach(layer, FeatureQuery.all(), f -> out.add(new Feature(f.id(), f.geometry(), Map.of())));
        return out;
    }

    private List<Feature> read(String layer) throws IOException {
        List<Feature> out = new ArrayList<>();
        store.forEach(layer, FeatureQuery.all(), out::add);
        return out;
    }
}
