package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import parkgrid.feature.ParkGridException;

/**
 * {@code /processes} and {@code /processes/{id}}: the analyses ParkGrid runs, shaped as OGC API –
 * Processes descriptions (synchronous execution only, JSON inputs, GeoJSON output).
 */
final class ProcessesHandler {
    /** id → (title, description, inputs: name → description). */
    private static final Map<String, String[]> PROCESSES = new LinkedHashMap<>();

    static {
        PROCESSES.put("spatial-query", new String[] {"Spatial query",
            "Features of a collection in a relation to a GeoJSON geometry or a stored feature, with distances in metres",
            "collection|relation (intersects, within, contains, within-distance)|distance (metres, for within-distance)"
                + "|geometry (GeoJSON, lon/lat) or feature {collection, id}|limit"});
        PROCESSES.put("coverage", new String[] {"Supply coverage",
            "Which demand features lie within a supplier's supply radius, straight-line or along the line network",
            "supply (collection)|demand (collection)|radius {type: constant, metres} or {type: property, property} or "
                + "{type: rule, rules: dlt5729, voltage_kv, class_property, class}|mode (euclidean, network)|network (line collection)"
                + "|population_property|include_features (default true)|include_areas (default true; false for networks over 20 000 lines)"});
        PROCESSES.put("supply-radius", new String[] {"Supply-radius check",
            "Longest network path from each 10 kV / 0.4 kV source to its loads, flagged over the DL/T 5729 class limit",
            "voltage_kv (10 or 0.4)|class (A+ … E, default D)|lines (collection)|sources|loads"});
    }

    void list(Context ctx) {
        Links links = new Links(ctx);
        ObjectNode doc = Responses.JSON.createObjectNode();
        ArrayNode ps = doc.putArray("processes");
        PROCESSES.forEach((id, p) -> ps.add(summary(id, p, links)));
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url("/processes"), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, "Processes");
        Responses.write(ctx, ResponseFormat.of(ctx), "Processes", doc, OgcVocabulary.JSON);
    }

    void one(Context ctx) {
        String id = ctx.pathParam("processId");
        String[] p = PROCESSES.get(id);
        if (p == null) throw ParkGridException.notFound("processId", "no process named '" + id + "'");
        ObjectNode doc = summary(id, p, new Links(ctx));
        ObjectNode inputs = doc.putObject("inputs");
        for (String input : p[2].split("\\|")) {
            String name = input.split(" ")[0];
            inputs.putObject(name).put("description", input);
        }
        doc.putObject("outputs").putObject("result").put("description", "GeoJSON FeatureCollection with a summary member")
                .putObject("schema").put("contentMediaType", OgcVocabulary.GEOJSON);
        Responses.write(ctx, ResponseFormat.of(ctx), p[0], doc, OgcVocabulary.JSON);
    }

    private static ObjectNode summary(String id, String[] p, Links links) {
        ObjectNode s = Responses.JSON.createObjectNode();
        s.put("id", id).put("title", p[0]).put("description", p[1]).put("version", "1.0.0");
        s.putArray("jobControlOptions").add("sync-execute");
        ArrayNode l = s.putArray("links");
        Links.add(l, links.url("/processes/" + id), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, p[0]);
        Links.add(l, links.url("/processes/" + id + "/execution"), "http://www.opengis.net/def/rel/ogc/1.0/execute",
                OgcVocabulary.JSON, "Execute (POST)");
        return s;
    }
}
