package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parkgrid.analysis.CoverageArea;
import parkgrid.analysis.CoverageResult;
import parkgrid.analysis.DemandResult;
import parkgrid.analysis.NetworkSummary;
import parkgrid.analysis.SourceRadius;
import parkgrid.analysis.SupplyRadiusRules;
import parkgrid.feature.Feature;
import parkgrid.io.CollectionMetadata;
import parkgrid.io.EncodingOptions;
import parkgrid.io.FeatureEncoder;
import parkgrid.io.FeatureFormats;
import parkgrid.io.FeatureSet;

/**
 * Streams the answers of the coverage and supply-radius processes: GeoJSON features carrying each
 * feature's result, then a {@code summary} (for coverage also the {@code uncovered} ids and the
 * {@code coverage_area} polygons).
 */
final class CoverageResponse {
    private CoverageResponse() {}

    static void write(Context ctx, List<Feature> demands, CoverageResult result, String areasOmitted) throws IOException {
        Map<Long, DemandResult> byId = new HashMap<>();
        result.demands().forEach(d -> byId.put(d.featureId(), d));
        var s = result.summary();
        ObjectNode summary = Responses.JSON.createObjectNode();
        summary.put("demand_count", s.demandCount());
        summary.put("covered_count", s.coveredCount());
        summary.put("unassessed_count", s.unassessedCount());
        summary.put("covered_share", s.coveredShare());
        summary.put("supplier_count", s.supplierCount());
        summary.put("population_covered", s.populationCovered());
        summary.put("population_total", s.populationKnown());
        summary.put("population_unknown", s.populationUnknownCount());
        summary.put("population_covered_share", s.populationCoveredShare());
        summary.put("mode", s.mode().name().toLowerCase());
        summary.put("radius", s.radiusDescription());
        summary.put("projection", "EPSG:" + s.epsg());
        if (areasOmitted != null) summary.put("coverage_area_omitted", areasOmitted);
        if (s.network() != null) summary.set("network", network(s.network()));
        List<Feature> areas = new ArrayList<>();
        long n = 1;
        for (CoverageArea a : result.coveredAreas()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("supply_class", a.supplyClass());
            props.put("area_m2", Math.round(a.areaSquareMetres()));
            areas.add(new Feature(n++, a.areaLonLat(), props));
        }
        CollectionMetadata metadata = CollectionMetadata.titled("Coverage").with("summary", summary)
                .with("uncovered", result.uncoveredIds()).with("coverage_area", new FeatureSet(areas));
        ctx.contentType(FeatureFormats.GEOJSON.contentType());
        try (FeatureEncoder encoder = FeatureFormats.GEOJSON.encoder(ctx.outputStream(), EncodingOptions.crs84())) {
            encoder.start(metadata);
            for (Feature f : demands) {
                DemandResult d = byId.get(f.id());
                Map<String, Object> props = new LinkedHashMap<>(f.properties());
                props.put("covered", d.covered());
                props.put("covering_supplier_id", d.coveringSupplierId());
                props.put("distance_m", rounded(d.distanceMetres()));
                props.put("nearest_supplier_id", d.nearestSupplierId());
                props.put("nearest_distance_m", rounded(d.nearestDistanceMetres()));
                props.put("access_m", rounded(d.accessMetres()));
                props.put("reason", d.reason());
                encoder.feature(new Feature(f.id(), f.geometry(), props));
            }
            encoder.end();
        }
    }

    static void writeSupplyRadius(Context ctx, List<SourceRadius> results, Map<Long, Feature> sources, double kv,
                                  NetworkSummary network) throws IOException {
        SupplyRadiusRules rules = SupplyRadiusRules.dlt5729();
        ctx.contentType(FeatureFormats.GEOJSON.contentType());
        try (FeatureEncoder encoder = FeatureFormats.GEOJSON.encoder(ctx.outputStream(), EncodingOptions.crs84())) {
            encoder.start(CollectionMetadata.titled("Supply radius"));
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
                encoder.feature(new Feature(r.sourceId(), geometry, props));
            }
            ObjectNode summary = Responses.JSON.createObjectNode();
            summary.put("voltage_kv", kv);
            summary.put("source_count", results.size());
            summary.put("over_count", over);
            summary.put("rules", rules.name());
            summary.put("rules_source", rules.source());
            summary.put("rules_confidence", rules.confidence());
            summary.set("network", network(network));
            encoder.end(Map.of("summary", summary));
        }
    }

    /** The {@code network} member of a summary: which lines formed the network and the access-leg bound. */
    static ObjectNode network(NetworkSummary n) {
        ObjectNode o = Responses.JSON.createObjectNode();
        o.put("filter", n.filter());
        o.put("origin", n.origin());
        o.put("line_count", n.lineCount());
        o.put("line_total", n.lineTotal());
        o.put("voltage_kv", n.levelKv());
        o.put("max_access_m", n.maxAccessMetres());
        o.put("max_access_origin", n.accessOrigin());
        ArrayNode off = o.putArray("suppliers_off_network");
        for (Long id : n.suppliersOffNetwork()) off.add(id);
        o.put("description", n.description());
        return o;
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
}
