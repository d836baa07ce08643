package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.geo.SupportedCrs;
import parkgrid.store.FeatureStore;

/**
 * {@code /api}: the OpenAPI 3.0 definition, generated from the layer registry so that each collection's
 * items path declares exactly the query parameters the server accepts (its properties as filters).
 */
final class OpenApiHandler {
    private final FeatureStore store;

    OpenApiHandler(FeatureStore store) {
        this.store = store;
    }

    void get(Context ctx) {
        ObjectNode doc = document(new Links(ctx));
        Responses.write(ctx, ResponseFormat.of(ctx), "ParkGrid API (OpenAPI 3.0)", doc, OgcVocabulary.OPENAPI_JSON);
    }

    private ObjectNode document(Links links) {
        ObjectNode d = Responses.JSON.createObjectNode();
        d.put("openapi", "3.0.3");
        d.putObject("info").put("title", "ParkGrid").put("version", "0.1.0")
                .put("description", "OGC API – Features for the Ruyang park and power-grid layers");
        d.putArray("servers").addObject().put("url", links.url(""));
        ObjectNode paths = d.putObject("paths");
        simple(paths, "/", "Landing page", OgcVocabulary.JSON);
        simple(paths, "/conformance", "Conformance classes", OgcVocabulary.JSON);
        simple(paths, "/api", "This API definition", OgcVocabulary.OPENAPI_JSON);
        simple(paths, "/collections", "Layers", OgcVocabulary.JSON);
        for (Layer layer : store.layers()) {
            String base = "/collections/" + layer.name();
            simple(paths, base, layer.title(), OgcVocabulary.JSON);
            simple(paths, base + "/schema", layer.title() + " property schema", OgcVocabulary.SCHEMA_JSON);
            ObjectNode items = operation(paths, base + "/items", "Features of " + layer.title(), OgcVocabulary.GEOJSON);
            ArrayNode ps = items.putArray("parameters");
            param(ps, "bbox", "minLon,minLat,maxLon,maxLat in CRS84", "array").put("style", "form").put("explode", false);
            param(ps, "bbox-crs", "CRS of bbox (OGC API Part 2), default CRS84", "string");
            param(ps, "crs", "response CRS (OGC API Part 2): " + SupportedCrs.supportedList(), "string");
            param(ps, "limit", "page size, default 1000, larger values are clamped to 10000", "integer");
            param(ps, "offset", "features to skip", "integer");
            param(ps, "filter", "CQL2 text filter (OGC API Part 3), geometry literals in CRS84", "string");
            param(ps, "filter-lang", "cql2-text", "string");
            param(ps, "filter-crs", "CRS84 only", "string");
            param(ps, "sortby", "comma-separated properties, '-' for descending", "string");
            param(ps, "properties", "comma-separated properties to return", "string");
            formatParam(ps);
            for (PropertyDefinition p : layer.properties()) param(ps, p.name(), "equals filter on " + p.name(), p.type().jsonName());
            ArrayNode nps = operation(paths, base + "/nearest", "The k features of " + layer.title() + " nearest to a point",
                    OgcVocabulary.GEOJSON).putArray("parameters");
            param(nps, "point", "lon,lat (CRS84)", "string").put("required", true);
            param(nps, "k", "how many, 1..1000, default 5", "integer");
            param(nps, "crs", "response CRS", "string");
            ArrayNode sps = operation(paths, base + "/statistics", "Counts, km, m² and sums of " + layer.title() + " per property value",
                    OgcVocabulary.JSON).putArray("parameters");
            param(sps, "groupby", "property to group by", "string");
            param(sps, "sum", "numeric property to add up", "string");
            ArrayNode eps = operation(paths, base + "/export", "The whole layer as a GeoJSON download", OgcVocabulary.GEOJSON)
                    .putArray("parameters");
            param(eps, "format", "geojson", "string");
            param(eps, "bbox", "minLon,minLat,maxLon,maxLat", "string");
            param(eps, "filter", "CQL2 text filter", "string");
            ObjectNode item = operation(paths, base + "/items/{featureId}", "One feature of " + layer.title(), OgcVocabulary.GEOJSON);
            ArrayNode ips = item.putArray("parameters");
            param(ips, "featureId", "feature id", "integer").put("in", "path").put("required", true);
            formatParam(ips);
        }
        simple(paths, "/statistics", "Planning dashboard statistics: the source article's figures as stated (with wording and section, "
                + "and the data's value where it can check them), per-layer positioned/placeholder counts, summaries and upgrade progress",
                OgcVocabulary.JSON);
        simple(paths, "/processes", "Analyses", OgcVocabulary.JSON);
        for (String process : new String[] {"spatial-query", "coverage", "supply-radius"}) {
            ObjectNode post = paths.putObject("/processes/" + process + "/execution").putObject("post");
            post.put("summary", "Run " + process + " (see /processes/" + process + " for its inputs)");
            post.putObject("requestBody").put("required", true).putObject("content").putObject(OgcVocabulary.JSON)
                    .putObject("schema").put("type", "object");
            ObjectNode responses = post.putObject("responses");
            responses.putObject("200").put("description", "GeoJSON with a summary").putObject("content").putObject(OgcVocabulary.GEOJSON);
            responses.putObject("400").put("description", "Invalid input").putObject("content").putObject(OgcVocabulary.PROBLEM_JSON);
            responses.putObject("503").put("description", "Time limit exceeded").putObject("content").putObject(OgcVocabulary.PROBLEM_JSON);
        }
        return d;
    }

    private static void simple(ObjectNode paths, String path, String summary, String type) {
        formatParam(operation(paths, path, summary, type).putArray("parameters"));
    }

    private static ObjectNode operation(ObjectNode paths, String path, String summary, String type) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("summary", summary);
        ObjectNode responses = get.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description", "OK").putObject("content");
        ok.putObject(type);
        ok.putObject(OgcVocabulary.HTML);
        responses.putObject("400").put("description", "Invalid parameter").putObject("content").putObject(OgcVocabulary.PROBLEM_JSON);
        responses.putObject("404").put("description", "Not found").putObject("content").putObject(OgcVocabulary.PROBLEM_JSON);
        return get;
    }

    private static void formatParam(ArrayNode ps) {
        ObjectNode f = ps.addObject().put("name", "f").put("in", "query").put("required", false);
        f.putObject("schema").put("type", "string").putArray("enum").add("json").add("html");
    }

    private static ObjectNode param(ArrayNode ps, String name, String description, String type) {
        ObjectNode p = ps.addObject().put("name", name).put("in", "query").put("required", false).put("description", description);
        ObjectNode schema = p.putObject("schema").put("type", type);
        if (type.equals("array")) schema.putObject("items").put("type", "number");
        return p;
    }
}
