package parkgrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Geometry;
import parkgrid.analysis.siting.Candidate;
import parkgrid.analysis.siting.CriterionCheck;
import parkgrid.analysis.siting.SiteSize;
import parkgrid.geo.GeoJsonWriter;
import parkgrid.process.SitingAnswer;

/**
 * Writes the siting answer: a GeoJSON FeatureCollection (RFC 7946 lon/lat) of the feasible area (id 0,
 * {@code kind: feasible_area}) and the candidates (id = rank, {@code kind: candidate}) with their scores, areas,
 * reasons in English and Chinese and per-criterion breakdown, then the {@code summary}.
 */
final class SitingResponse {
    private SitingResponse() {}

    static void write(Context ctx, SitingAnswer answer) throws IOException {
        var r = answer.result();
        ctx.contentType(OgcVocabulary.GEOJSON);
        OutputStream out = ctx.outputStream();
        try (JsonGenerator g = Responses.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            Map<String, Object> feasible = new LinkedHashMap<>();
            feasible.put("kind", "feasible_area");
            feasible.put("area_m2", round(r.feasibleSquareMetres(), 1));
            feasible.put("area_mu", round(SiteSize.mu(r.feasibleSquareMetres()), 2));
            feature(g, 0, r.feasibleLonLat(), feasible);
            for (int i = 0; i < r.candidates().size(); i++) {
                Candidate c = r.candidates().get(i);
                Map<String, Object> p = properties(c);
                if (i < answer.compliance().size()) p.put("compliance", answer.compliance().get(i));
                feature(g, c.rank(), c.siteLonLat(), p);
            }
            g.writeEndArray();
            g.writeNumberField("numberReturned", r.candidates().size() + 1);
            g.writeObjectField("summary", answer.summary());
            g.writeEndObject();
        }
    }

    private static Map<String, Object> properties(Candidate c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", "candidate");
        p.put("rank", c.rank());
        p.put("score", round(c.score(), 4));
        p.put("area_m2", round(c.areaSquareMetres(), 1));
        p.put("area_mu", round(c.areaMu(), 2));
        p.put("width_m", round(c.widthMetres(), 2));
        p.put("length_m", round(c.lengthMetres(), 2));
        List<String> en = new ArrayList<>(), zh = new ArrayList<>();
        List<Map<String, Object>> breakdown = new ArrayList<>();
        for (CriterionCheck k : c.breakdown()) {
            en.add(k.reasonEn());
            zh.add(k.reasonZh());
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("kind", k.kind());
            b.put("label", k.label().en());
            b.put("label_zh", k.label().zh());
            b.put("distance_m", Double.isNaN(k.distanceMetres()) ? null : round(k.distanceMetres(), 1));
            if (!Double.isNaN(k.limitMetres())) b.put(k.kind().equals("exclusion") ? "min_m" : "max_m", k.limitMetres());
            b.put("satisfied", k.satisfied());
            if (k.kind().equals("preference")) {
                b.put("weight", k.weight());
                b.put("score", round(k.score(), 4));
                b.put("count_within_1km", k.countWithinKm());
            }
            b.put("reason", k.reasonEn());
            b.put("reason_zh", k.reasonZh());
            breakdown.add(b);
        }
        p.put("reasons", en);
        p.put("reasons_zh", zh);
        p.put("breakdown", breakdown);
        return p;
    }

    private static void feature(JsonGenerator g, long id, Geometry geometry, Map<String, Object> properties) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeNumberField("id", id);
        g.writeFieldName("geometry");
        GeoJsonWriter.RFC7946.writeGeometry(g, geometry);
        g.writeObjectField("properties", properties);
        g.writeEndObject();
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
