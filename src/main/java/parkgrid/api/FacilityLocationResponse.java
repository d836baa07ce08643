package parkgrid.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parkgrid.analysis.facility.ChosenSite;
import parkgrid.analysis.facility.CoverSolution;
import parkgrid.analysis.facility.FacilityLocationResult;
import parkgrid.feature.Feature;
import parkgrid.io.CollectionMetadata;
import parkgrid.io.EncodingOptions;
import parkgrid.io.FeatureEncoder;
import parkgrid.io.FeatureFormats;
import parkgrid.io.FeatureSet;
import parkgrid.process.FacilityLocationAnswer;

/**
 * Writes the facility-location answer: GeoJSON features of the chosen sites (the candidate's properties plus
 * {@code rank}, {@code newly_covered_weight}, {@code newly_covered_count}, {@code reachable_count}), then members
 * {@code summary} and {@code newly_covered} (the demand features the new sites cover, flagged with the rank of the
 * site that covers them).
 */
final class FacilityLocationResponse {
    private FacilityLocationResponse() {}

    static void write(Context ctx, FacilityLocationAnswer a) throws IOException {
        FacilityLocationResult r = a.result();
        ObjectNode s = Responses.JSON.createObjectNode();
        s.put("p", r.sites().size());
        s.put("candidates", a.candidates());
        s.put("candidate_count", r.candidateCount());
        s.put("demand", a.demandLayer());
        s.putPOJO("existing", a.existingLayers());
        if (a.weightProperty() == null) s.putNull("weight_property"); else s.put("weight_property", a.weightProperty());
        s.put("weight_unknown_count", r.weightUnknownCount());
        s.put("radius", r.radius());
        s.put("existing_radius", r.existingRadius());
        if (r.network() == null) {
            s.put("mode", "euclidean");
            s.put("distance", "straight-line, metres on the WGS84 ellipsoid");
        } else {
            s.put("mode", "network");
            s.put("distance", "along the line network, metres (access legs + path)");
            s.set("network", CoverageResponse.network(r.network()));
        }
        s.put("demand_count", r.demandCount());
        s.put("demand_weight", r.demandWeight());
        ObjectNode before = s.putObject("before");
        before.put("covered_count", r.coveredBefore()).put("covered_weight", r.weightBefore());
        ObjectNode after = s.putObject("after");
        after.put("covered_count", r.coveredAfter()).put("covered_weight", r.weightAfter());
        s.put("newly_covered_count", r.coveredAfter() - r.coveredBefore());
        s.put("newly_covered_weight", r.weightAfter() - r.weightBefore());
        s.put("reachable_uncovered_count", r.reachableCount());
        s.put("pair_count", r.pairCount());
        s.put("demand_groups", r.groupCount());
        s.put("answer", r.answer().solver());
        s.put("objective", r.answer().objective());
        putNumber(s, "bound", r.answer().bound());
        putNumber(s, "gap", r.answer().gap());
        s.put("status", r.answer().statusText());
        if (r.greedy() != null) s.set("greedy", solution(r.greedy()));
        if (r.exact() != null) s.set("exact", solution(r.exact()));
        if (r.exactSkipped() != null) s.put("exact_skipped", r.exactSkipped());
        putNumber(s, "greedy_gap", r.greedyGap());
        putNumber(s, "native_load_s", r.nativeLoadSeconds());

        List<Feature> newly = new ArrayList<>();
        for (int i = 0; i < a.demands().size(); i++) {
            int rank = r.newlyCoveredBy()[i];
            if (rank == 0) continue;
            Feature f = a.demands().get(i);
            Map<String, Object> props = new LinkedHashMap<>(f.properties());
            props.put("newly_covered", true);
            props.put("covered_by_rank", rank);
            props.put("covered_by_candidate_id", r.sites().get(rank - 1).feature().id());
            newly.add(new Feature(f.id(), f.geometry(), props));
        }
        CollectionMetadata metadata = CollectionMetadata.titled("Facility location").with("summary", s)
                .with("newly_covered", new FeatureSet(newly));
        ctx.contentType(FeatureFormats.GEOJSON.contentType());
        try (FeatureEncoder encoder = FeatureFormats.GEOJSON.encoder(ctx.outputStream(), EncodingOptions.crs84())) {
            encoder.start(metadata);
            for (ChosenSite site : r.sites()) {
                Map<String, Object> props = new LinkedHashMap<>(site.feature().properties());
                props.put("rank", site.rank());
                props.put("candidate_id", site.feature().id());
                props.put("newly_covered_weight", site.newlyCoveredWeight());
                props.put("newly_covered_count", site.newlyCoveredCount());
                props.put("reachable_count", site.reachableCount());
                encoder.feature(new Feature(site.feature().id(), site.feature().geometry(), props));
            }
            encoder.end();
        }
    }

    private static ObjectNode solution(CoverSolution c) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("solver", c.solver());
        n.put("objective", c.objective());
        putNumber(n, "bound", c.bound());
        putNumber(n, "gap", c.gap());
        n.put("status", c.statusText());
        n.put("solve_s", Math.round(c.seconds() * 1000) / 1000.0);
        if (c.note() != null) n.put("note", c.note());
        return n;
    }

    private static void putNumber(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) n.put(key, v); else n.putNull(key);
    }
}
