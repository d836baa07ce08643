package parkgrid.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import parkgrid.feature.Layer;
import parkgrid.process.ProcessDeclaration;

/**
 * One operation of the API, declared once: the route ({@link Routes}), its OpenAPI entry
 * ({@link OpenApiDocument}) and, for a process execution, its process description come from this record.
 *
 * @param id              the OpenAPI {@code operationId}
 * @param method          HTTP method
 * @param path            the path template, {@code {name}} for path parameters (Javalin and OpenAPI write it alike)
 * @param role            who may call it, enforced by {@link AccessCheck} before the handler runs
 * @param summary         one line for the API document
 * @param parameters      every path and query parameter it accepts
 * @param layerParameters extra query parameters a collection adds (one equality filter per property), or null
 * @param process         the process whose execution this is (its inputs are the request body), or null
 * @param responseTypes   media types of a successful answer; empty for a redirect or an answer without a body
 * @param handler         does the work; query parameters are checked against the declaration before it runs
 * @param requestTypes    media types of the request body of a feature write; empty when it takes none (or a process body)
 * @param status          the status of a successful answer (200, 201 created, 204 no content, 302 redirect)
 * @param body            the JSON Schema of a JSON request body (not a feature, file or process body), or null
 * @param responseSchema  JSON Schema of the successful JSON answer for the API document (the members a client may rely
 *                        on), or null when the document gives none
 */
record Operation(String id, HandlerType method, String path, Role role, String summary, List<Parameter> parameters,
                 Function<Layer, List<Parameter>> layerParameters, ProcessDeclaration process, List<String> responseTypes,
                 Handler handler, List<String> requestTypes, int status, parkgrid.process.Schema body,
                 com.fasterxml.jackson.databind.node.ObjectNode responseSchema) {
    Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(handler, "handler");
        parameters = List.copyOf(parameters);
        responseTypes = List.copyOf(responseTypes);
        requestTypes = List.copyOf(requestTypes);
        for (Parameter p : parameters) {
            if (p.in() == Parameter.In.PATH && !path.contains("{" + p.name() + "}")) {
                throw new IllegalArgumentException(id + ": path parameter " + p.name() + " is not in " + path);
            }
        }
    }

    /** A public GET answering {@code responseTypes}. */
    static Operation get(String id, String path, String summary, Handler handler, String... responseTypes) {
        return new Operation(id, HandlerType.GET, path, Role.PUBLIC, summary, List.of(), null, null, List.of(responseTypes), handler,
                List.of(), responseTypes.length == 0 ? 302 : 200, null, null);
    }

    /**
     * A write or other non-GET operation for {@code role}: its body's media types ({@code requestTypes}, may be
     * empty), the status of its success and what that answer is ({@code responseTypes}, empty for none).
     */
    static Operation write(String id, HandlerType method, String path, Role role, String summary, Handler handler,
                           List<String> requestTypes, int status, String... responseTypes) {
        return new Operation(id, method, path, role, summary, List.of(), null, null, List.of(responseTypes), handler, requestTypes, status, null, null);
    }

    /** The public POST that executes {@code process}, answering GeoJSON. */
    static Operation execute(ProcessDeclaration process, Handler handler, Parameter... parameters) {
        return new Operation("execute-" + process.id(), HandlerType.POST, process.executionPath(), Role.PUBLIC,
                "Run " + process.title().toLowerCase(java.util.Locale.ROOT) + " (inputs: /processes/" + process.id() + ")",
                List.of(parameters), null, process, List.of(OgcVocabulary.GEOJSON), handler, List.of(), 200, null, null);
    }

    Operation with(Parameter... more) {
        List<Parameter> all = new ArrayList<>(parameters);
        all.addAll(List.of(more));
        return new Operation(id, method, path, role, summary, all, layerParameters, process, responseTypes, handler, requestTypes, status, body, responseSchema);
    }

    /** The same operation with its JSON request body described by {@code schema} (in the API document). */
    Operation withBody(parkgrid.process.Schema schema) {
        return new Operation(id, method, path, role, summary, parameters, layerParameters, process, responseTypes, handler, requestTypes, status, schema, responseSchema);
    }

    /** The same operation for callers holding {@code needed}. */
    Operation as(Role needed) {
        return new Operation(id, method, path, needed, summary, parameters, layerParameters, process, responseTypes, handler, requestTypes, status, body, responseSchema);
    }

    Operation withLayerParameters(Function<Layer, List<Parameter>> perLayer) {
        return new Operation(id, method, path, role, summary, parameters, perLayer, process, responseTypes, handler, requestTypes, status, body, responseSchema);
    }

    /** The same operation with {@code schema} as its JSON answer's schema in the API document. */
    Operation withResponseSchema(com.fasterxml.jackson.databind.node.ObjectNode schema) {
        return new Operation(id, method, path, role, summary, parameters, layerParameters, process, responseTypes, handler, requestTypes, status, body, schema);
    }

    /** True when the path has {@code {collectionId}} and each collection adds parameters of its own. */
    boolean hasLayerParameters() {
        return layerParameters != null;
    }

    List<Parameter> queryParameters() {
        return parameters.stream().filter(p -> p.in() == Parameter.In.QUERY).toList();
    }
}
