package parkgrid.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import parkgrid.process.Schema;

/**
 * One declared request parameter of an operation, as OpenAPI 3.0 writes it.
 *
 * @param name        the parameter name as the client writes it
 * @param in          {@code path}, {@code query} or {@code header}
 * @param required    true when the operation cannot run without it (always true for path parameters)
 * @param schema      its JSON schema (type, bounds, default, enum, items)
 * @param description what it means, with units and CRS
 * @param style       OpenAPI serialisation style ({@code form} for query parameters), or null
 * @param explode     OpenAPI {@code explode} ({@code false} for comma-separated arrays), or null
 */
record Parameter(String name, In in, boolean required, Schema schema, String description, String style, Boolean explode) {
    /** Where the parameter is. */
    enum In { PATH, QUERY, HEADER }

    Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(description, "description");
        if (in == In.PATH && !required) throw new IllegalArgumentException("path parameter " + name + " must be required");
    }

    static Parameter path(String name, Schema schema, String description) {
        return new Parameter(name, In.PATH, true, schema, description, null, null);
    }

    /** An optional query parameter, {@code style: form}, {@code explode: false}. */
    static Parameter query(String name, Schema schema, String description) {
        return new Parameter(name, In.QUERY, false, schema, description, "form", false);
    }

    /** A request header the operation reads ({@code If-Match}, {@code Content-Crs}). */
    static Parameter header(String name, Schema schema, String description) {
        return new Parameter(name, In.HEADER, false, schema, description, null, null);
    }

    Parameter asRequired() {
        return new Parameter(name, in, true, schema, description, style, explode);
    }

    ObjectNode openApi() {
        ObjectNode p = Responses.JSON.createObjectNode();
        p.put("name", name).put("in", in.name().toLowerCase(java.util.Locale.ROOT)).put("required", required)
                .put("description", description);
        if (style != null) p.put("style", style);
        if (explode != null) p.put("explode", explode);
        p.set("schema", schema.json());
        return p;
    }
}
