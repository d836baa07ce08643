package parkgrid.process;

import static parkgrid.process.ProcessInput.optional;
import parkgrid.config.LayerRoles;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parkgrid.analysis.NetworkScope;
import parkgrid.analysis.SupplyRadiusCheck;
import parkgrid.analysis.SupplyRadiusOptions;
import parkgrid.analysis.SupplyRadiusRules;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.store.FeatureStore;

/**
 * {@code supply-radius}: the longest network path (metres along the lines) from each 10 kV / 0.4 kV source
 * to its loads, flagged where it exceeds the DL/T 5729 limit of the source's supply-area class.
 */
public final class SupplyRadiusProcess extends LayerAnalysisProcess<SupplyRadiusAnswer> {
    static final ProcessDeclaration DECLARATION = new ProcessDeclaration("supply-radius", "Supply-radius check",
            "Longest network path from each 10 kV / 0.4 kV source to its loads, flagged over the DL/T 5729 class limit",
            List.of(
                optional("voltage_kv", Schema.number().enumOf(10, 0.4).defaultValue(10), "the voltage level checked"),
                optional("class", Schema.string().enumOf(RadiusInput.CLASSES), "one supply-area class for every source; default: the class "
                        + "of each source's nearest village, D without villages"),
                optional("lines", Schema.string().defaultValue(LayerRoles.seed().layerFor(LayerRoles.LINES)), "the line collection"),
                optional("sources", Schema.string(), "the source collection; default substations at 10 kV, transformers at 0.4 kV"),
                optional("loads", Schema.string(), "the load collection; default transformers at 10 kV, the line ends at 0.4 kV"),
                NetworkInput.filterDeclaration(),
                NetworkInput.maxAccessDeclaration()),
            "GeoJSON FeatureCollection of the sources with their longest path (metres), limit and flag, with a summary member", false);

    /** @param roles which layers the execution falls back to when it names none */
    public SupplyRadiusProcess(FeatureStore store, LayerRoles roles) {
        super(store, roles, InputPaths.SUPPLY_RADIUS);
    }

    @Override
    public ProcessDeclaration declaration() {
        return DECLARATION;
    }

    @Override
    protected SupplyRadiusAnswer run(JsonNode in, Instant deadline) throws IOException {
        double kv = InputValues.number(in, "voltage_kv", 10);
        if (kv != 10 && kv != 0.4) throw ParkGridException.invalidParameter("voltage_kv", "voltage_kv must be 10 or 0.4, got " + kv);
        Layer lines = InputValues.layer(store, InputValues.text(in, "lines", roles.layerFor(LayerRoles.LINES)), "lines");
        Layer sources = InputValues.layer(store, InputValues.text(in, "sources", kv == 10 ? roles.layerFor(LayerRoles.SUPPLY_SUBSTATIONS) : roles.layerFor(LayerRoles.SUPPLY_TRANSFORMERS)), "sources");
        String loadsName = kv == 10 ? InputValues.text(in, "loads", roles.layerFor(LayerRoles.SUPPLY_TRANSFORMERS))
                : (in.hasNonNull("loads") ? InputValues.text(in, "loads", null) : null);
        List<Feature> loads = loadsName == null ? null : LocatedFeatures.read(store, InputValues.layer(store, loadsName, "loads").name());
        NetworkScope scope = NetworkInput.scope(in, lines);
        SupplyRadiusOptions options = SupplyRadiusOptions.defaults().withDeadline(deadline).withNetworkScope(scope);
        if (in.hasNonNull("class")) {
            options = options.withDefaultClass(InputValues.text(in, "class", null));
        } else if (store.layer(roles.layerFor(LayerRoles.DEMAND)).isPresent()) {
            // each source takes the class of its nearest village
            options = options.withVillages(LocatedFeatures.read(store, roles.layerFor(LayerRoles.DEMAND)));
        }
        List<Feature> sourceFeatures = LocatedFeatures.read(store, sources.name());
        Map<Long, Feature> byId = new HashMap<>();
        sourceFeatures.forEach(f -> byId.put(f.id(), f));
        SupplyRadiusCheck check = new SupplyRadiusCheck(NetworkInput.lines(store, lines, scope), sourceFeatures, loads, kv,
                SupplyRadiusRules.dlt5729(), options);
        check.compute();
        return new SupplyRadiusAnswer(check.getResults(), byId, kv, check.getNetworkSummary());
    }
}
