package parkgrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
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
import parkgrid.geo.GeoJsonWriter;

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
                props.put("access_m", rounded(d.accessMetres()));
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
            if (s.network() != null) writeNetwork(g, s.network());
            g.writeEndObject();
            g.writeArrayFieldStart("uncovered");
            for (Long id : result.uncoveredIds()) g.writeNumber(id);
            g.writeEndArray();
            g.writeObjectFieldStart("coverage_area");
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            long n = 1;
            for (CoverageArea a : result.coveredAreas()) {
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

    static void writeSupplyRadius(Context ctx, List<SourceRadius> results, Map<Long, Feature> sources, double kv,
                                  NetworkSummary network) throws IOException {
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
            writeNetwork(g, network);
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** The {@code network} member of a summary: which lines formed the network and the access-leg bound. */
    static void writeNetwork(JsonGenerator g, NetworkSummary n) throws IOException {
        g.writeObjectFieldStart("network");
        if (n.filter() != null) g.writeStringField("filter", n.filter());
        else g.writeNullField("filter");
        g.writeStringField("origin", n.origin());
        g.writeNumberField("line_count", n.lineCount());
        g.writeNumberField("line_total", n.lineTotal());
        if (n.levelKv() != null) g.writeNumberField("voltage_kv", n.levelKv());
        else g.writeNullField("voltage_kv");
        g.writeNumberField("max_access_m", n.maxAccessMetres());
        g.writeStringField("max_access_origin", n.accessOrigin());
        g.writeArrayFieldStart("suppliers_off_network");
        for (Long id : n.suppliersOffNetwork()) g.writeNumber(id);
        g.writeEndArray();
        g.writeStringField("description", n.description());
        g.writeEndObject();
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
