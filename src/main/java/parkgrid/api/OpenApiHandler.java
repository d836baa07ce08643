package parkgrid.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import parkgrid.store.FeatureStore;

/** {@code /api}: the OpenAPI 3.0 definition, generated from the operation table and the layer registry. */
final class OpenApiHandler {
    private final FeatureStore store;
    private final Supplier<List<Operation>> operations;

    OpenApiHandler(FeatureStore store, Supplier<List<Operation>> operations) {
        this.store = store;
        this.operations = operations;
    }

    void get(Context ctx) {
        var doc = OpenApiDocument.of(operations.get(), store.layers(), new Links(ctx).url(""));
        Responses.write(ctx, ResponseFormat.of(ctx), "ParkGrid API (OpenAPI 3.0)", doc, OgcVocabulary.OPENAPI_JSON);
    }
}
