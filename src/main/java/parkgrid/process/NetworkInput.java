package parkgrid.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parkgrid.analysis.NetworkScope;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.filter.FilterBinder;
import parkgrid.filter.FilterEvaluator;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;

/**
 * The network inputs shared by the coverage (mode network) and supply-radius processes:
 * {@code network_filter} (CQL2 text on the line layer, bound to its schema) and {@code max_access_m}
 * (metres, &gt; 0), read into a {@link NetworkScope}; and the line features, read with only the
 * properties the analyses use (voltage, names) unless a filter needs them all.
 */
final class NetworkInput {
    /** Line properties kept for the default level selection and for naming lines in reasons. */
    private static final List<String> KEPT = List.of(RadiusPolicy.DEFAULT_VOLTAGE_PROPERTY, "name_zh", "name", "name_en");

    private NetworkInput() {}

    /** The declaration of {@code network_filter}. */
    static ProcessInput filterDeclaration() {
        return ProcessInput.optional("network_filter", Schema.string(),
                "CQL2 text applied to the line layer before the network is built, e.g. \"voltage_kv = 10 AND kind = 'overhead'\"");
    }

    /** The declaration of {@code max_access_m}. */
    static ProcessInput maxAccessDeclaration() {
        return ProcessInput.optional("max_access_m", Schema.number().minimum(0),
                "metres: the longest straight access leg from a demand point to the line network; points farther away are not reached");
    }

    /**
     * @throws ParkGridException (invalid input) naming {@code network_filter} (not text, syntax, unknown property, type
     *                           mismatch) or {@code max_access_m} (not a number, ≤ 0)
     */
    static NetworkScope scope(JsonNode in, Layer lines) {
        NetworkScope scope = NetworkScope.byLevel();
        if (in.hasNonNull("network_filter")) {
            String text = InputValues.text(in, "network_filter", null);
            FilterEvaluator evaluator;
            try {
                evaluator = new FilterEvaluator(FilterBinder.parseAndBind(text, lines));
            } catch (ParkGridException e) {
                throw e.at("network_filter", "network_filter on layer '" + lines.name() + "': " + e.detail());
            }
            scope = scope.withFilter(text, evaluator::matches);
        }
        if (in.hasNonNull("max_access_m")) scope = scope.withMaxAccessMetres(InputValues.number(in, "max_access_m", Double.NaN));
        return scope;
    }

    /**
     * The line features: geometries with the voltage and name properties only, or with every property when
     * {@code scope} has a filter (a network of 200 000 lines is otherwise held without its property maps); lines
     * without a place (null geometry) are left out.
     */
    static List<Feature> lines(FeatureStore store, Layer layer, NetworkScope scope) throws IOException {
        List<Feature> out = new ArrayList<>();
        boolean all = scope.hasFilter();
        store.forEach(layer.name(), FeatureQuery.all(), f -> {
            if (!f.hasGeometry()) return; // a line without a place is not part of the network
            if (all) {
                out.add(f);
                return;
            }
            Map<String, Object> kept = new HashMap<>(4);
            for (String p : KEPT) {
                Object v = f.properties().get(p);
                if (v != null) kept.put(p, v);
            }
            out.add(new Feature(f.id(), f.geometry(), kept));
        });
        return out;
    }
}
