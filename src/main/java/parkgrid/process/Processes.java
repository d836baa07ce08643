package parkgrid.process;

import java.util.ArrayList;
import parkgrid.config.LayerRoles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import parkgrid.feature.ParkGridException;
import parkgrid.store.FeatureStore;

/**
 * The processes a server runs, by id, in the order {@code /processes} lists them. Each one registered here
 * gets its execution route, its description, its OpenAPI request body and its input check.
 */
public final class Processes {
    private final Map<String, Process> byId = new LinkedHashMap<>();

    /** @throws IllegalArgumentException two processes with one id */
    public Processes(List<? extends Process> processes) {
        for (Process p : processes) {
            if (byId.putIfAbsent(p.id(), p) != null) throw new IllegalArgumentException("two processes are named '" + p.id() + "'");
        }
    }

    /** The analyses ParkGrid serves, reading their layers from {@code store}: one line per process. */
    public static Processes standard(FeatureStore store, LayerRoles roles) {
        return new Processes(List.of(
                new SpatialQueryProcess(store),
                new CoverageProcess(store, roles),
                new SupplyRadiusProcess(store, roles),
                new ComplianceProcess(store, roles),
                new FacilityLocationProcess(store, roles),
                new SitingProcess(store, roles, SitingPresets.standard())));
    }

    /** These processes and {@code more} after them. */
    public Processes with(Process... more) {
        List<Process> all = new ArrayList<>(byId.values());
        all.addAll(List.of(more));
        return new Processes(all);
    }

    public List<Process> all() {
        return List.copyOf(byId.values());
    }

    public List<ProcessDeclaration> declarations() {
        return byId.values().stream().map(Process::declaration).toList();
    }

    public Optional<Process> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws ParkGridException 404 for parameter {@code processId} */
    public Process require(String id) {
        return find(id).orElseThrow(() -> ParkGridException.notFound("processId", "no process named '" + id + "'"));
    }
}
