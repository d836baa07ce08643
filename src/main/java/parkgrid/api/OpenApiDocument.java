package parkgrid.api;

import parkgrid.feature.ParkGridException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import parkgrid.feature.Layer;

/**
 * The OpenAPI 3.0 document, generated from the {@link Operations} table: one path item per declared
 * operation, plus, for operations whose collection adds parameters (the property filters of
 * {@code /items} and {@code /export}), one concrete path per collection ({@code /collections/villages/items})
 * with those parameters — the form OGC API – Features clients look for.
 */
final class OpenApiDocument {
    private OpenApiDocument() {}

    static ObjectNode of(List<Operation> operations, List<Layer> layers, String serverUrl) {
        ObjectNode d = Responses.JSON.createObjectNode();
        d.put("openapi", "3.0.3");
        d.putObject("info").put("title", "ParkGrid").put("version", "0.1.0")
                .put("description", "OGC API – Features and Processes for the Ruyang park and power-grid layers");
        d.putArray("servers").addObject().put("url", serverUrl);
        ObjectNode paths = d.putObject("paths");
        d.putObject("components").putObject("securitySchemes").putObject(BEARER).put("type", "http").put("scheme", "bearer")
                .put("description", "A ParkGrid token (pgt_…), made by an admin at POST /admin/tokens; x-parkgrid-role says which role an operation needs");
        for (Operation op : operations) {
            paths.withObject(pointer(op.path())).set(op.method().name().toLowerCase(Locale.ROOT), operation(op, op.parameters(), op.id()));
        }
        for (Operation op : operations) {
            if (!op.hasLayerParameters()) continue;
            for (Layer layer : layers) {
                String path = op.path().replace("{collectionId}", layer.name());
                List<Parameter> ps = new java.util.ArrayList<>(op.parameters().stream().filter(p -> !p.name().equals("collectionId")).toList());
                ps.addAll(op.layerParameters().apply(layer));
                ObjectNode o = operation(op, ps, op.id() + "." + layer.name());
                o.put("summary", op.summary() + " – " + layer.title());
                paths.withObject(pointer(path)).set(op.method().name().toLowerCase(Locale.ROOT), o);
            }
        }
        return d;
    }

    /** The name of the bearer-token security scheme. */
    static final String BEARER = "bearerToken";

    private static String pointer(String path) {
        return "/" + path.replace("~", "~0").replace("/", "~1");
    }

    private static ObjectNode operation(Operation op, List<Parameter> parameters, String operationId) {
        ObjectNode o = Responses.JSON.createObjectNode();
        o.put("operationId", operationId);
        o.put("summary", op.summary());
        o.put("x-parkgrid-role", op.role().apiName());
        if (op.role() != Role.PUBLIC) o.putArray("security").addObject().putArray(BEARER);
        ArrayNode ps = o.putArray("parameters");
        parameters.forEach(p -> ps.add(p.openApi()));
        if (op.process() != null) {
            o.putObject("requestBody").put("required", true).putObject("content").putObject(OgcVocabulary.JSON)
                    .set("schema", op.process().requestSchema());
        }
        if (!op.requestTypes().isEmpty()) {
            ObjectNode content = o.putObject("requestBody").put("required", true).putObject("content");
            // an upload (POST /imports) is the file itself; a feature write a JSON object
            op.requestTypes().forEach(t -> {
                ObjectNode schema = content.putObject(t).putObject("schema");
                if (t.equals("application/octet-stream")) schema.put("type", "string").put("format", "binary");
                else if (op.body() != null && t.equals(OgcVocabulary.JSON)) schema.setAll(op.body().json());
                else schema.put("type", "object");
            });
        }
        ObjectNode responses = o.putObject("responses");
        ObjectNode success = responses.putObject(Integer.toString(op.status())).put("description", switch (op.status()) {
            case 201 -> "Created (Location and ETag name the new feature)";
            case 204 -> "No content";
            case 302 -> "Redirect";
            default -> "OK";
        });
        if (!op.responseTypes().isEmpty()) {
            ObjectNode content = success.putObject("content");
            op.responseTypes().forEach(t -> {
                ObjectNode type = content.putObject(t);
                if (op.responseSchema() != null && t.equals(OgcVocabulary.JSON)) type.set("schema", op.responseSchema().deepCopy());
            });
        }
        problem(responses, ProblemMapper.statusOf(ParkGridException.InvalidInput.class), "Invalid parameter or input");
        if (op.role() != Role.PUBLIC) {
            problem(responses, ProblemMapper.statusOf(ParkGridException.Unauthorized.class), "No bearer token, or one unknown or revoked");
            problem(responses, ProblemMapper.statusOf(ParkGridException.Forbidden.class), "The token's role is below " + op.role().apiName());
        }
        if (op.path().contains("{")) problem(responses, ProblemMapper.statusOf(ParkGridException.NotFound.class), "No such collection, feature or process");
        if (op.process() == null && op.method() == io.javalin.http.HandlerType.POST) {
            problem(responses, ProblemMapper.statusOf(ParkGridException.TooLarge.class), "Upload or feature count over the import limits");
            problem(responses, ProblemMapper.statusOf(ParkGridException.Conflict.class), "The layer to create exists");
        }
        if (op.process() != null) problem(responses, ProblemMapper.statusOf(ParkGridException.TimeLimitExceeded.class), "Analysis time limit exceeded, or every analysis worker busy");
        if (!op.requestTypes().isEmpty()) problem(responses, ProblemMapper.statusOf(ParkGridException.TooLarge.class), "Body or geometry larger than the limits");
        if (op.path().endsWith("{featureId}") && op.method() != io.javalin.http.HandlerType.OPTIONS && !op.requestTypes().isEmpty()
                || op.method() == io.javalin.http.HandlerType.DELETE) {
            problem(responses, ProblemMapper.statusOf(ParkGridException.PreconditionFailed.class), "If-Match names a version that is no longer current");
            problem(responses, ProblemMapper.statusOf(ParkGridException.PreconditionRequired.class), "If-Match missing");
        }
        return o;
    }

    private static void problem(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content").putObject(OgcVocabulary.PROBLEM_JSON);
    }
}
