package parkgrid.api;

import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Set;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.store.FeatureStore;

/**
 * Refuses a query parameter the operation does not declare (OGC API – Features: "a parameter not in the
 * API definition is an error"), so that what {@code /api} says the server accepts is what it accepts.
 * Collection-specific parameters (property filters) come from the layer the path names; an unknown
 * collection is left to the handler's not-found.
 */
final class DeclaredParameters {
    private final Operation operation;
    private final FeatureStore store;
    private final Set<String> names = new LinkedHashSet<>();

    DeclaredParameters(Operation operation, FeatureStore store) {
        this.operation = operation;
        this.store = store;
        operation.queryParameters().forEach(p -> names.add(p.name()));
    }

    /** @throws ParkGridException (invalid input) naming the first undeclared parameter */
    void require(Context ctx) {
        Layer layer = null;
        for (String name : ctx.queryParamMap().keySet()) {
            if (name.isEmpty() || names.contains(name)) continue; // an empty name is a stray '&'
            if (operation.hasLayerParameters()) {
                if (layer == null) layer = store.layer(ctx.pathParam("collectionId")).orElse(null);
                if (layer == null) return; // the handler answers not found for the collection
                if (operation.layerParameters().apply(layer).stream().anyMatch(p -> p.name().equals(name))) continue;
                throw ParkGridException.invalidParameter(name, "unknown parameter '" + name + "': collection '" + layer.name()
                        + "' has no such property, and " + operation.path() + " takes " + String.join(", ", names));
            }
            throw ParkGridException.invalidParameter(name, "unknown parameter '" + name + "': " + operation.path()
                    + (names.isEmpty() ? " takes no query parameters" : " takes " + String.join(", ", names)));
        }
    }
}
