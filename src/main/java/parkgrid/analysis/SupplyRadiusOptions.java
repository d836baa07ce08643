package parkgrid.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

/**
 * Settings of a {@link SupplyRadiusCheck}.
 *
 * @param voltageProperty       line property holding the voltage in kV (default {@code voltage_kv})
 * @param defaultClass          supply-area class used when no village gives one (default "D")
 * @param villages              EPSG:4326 features whose {@code classProperty} gives the class of the nearest
 *                              source, or empty to use {@code defaultClass} for every source
 * @param classProperty         village property holding the class (default {@code supply_class})
 * @param epsg                  metric CRS instead of the automatic CGCS2000 3° zone, or null
 * @param deadline              wall-clock limit, or null
 * @param snapToleranceMetres   network vertex-merge / T-junction tolerance (default 0.5 m)
 * @param networkScope          which lines form the network (default: those whose voltage property equals the
 *                              checked voltage) and how far a source or load may be from them (default by level,
 *                              {@link NetworkScope#defaultMaxAccessMetres}); farther ones are not on that network
 */
public record SupplyRadiusOptions(String voltageProperty, String defaultClass, List<Feature> villages, String classProperty,
                                  Integer epsg, Instant deadline, double snapToleranceMetres, NetworkScope networkScope) {
    /**
     * @throws ParkGridException (invalid input) naming {@code supply_class} or {@code snap_tolerance}
     */
    public SupplyRadiusOptions {
        voltageProperty = voltageProperty == null || voltageProperty.isBlank() ? RadiusPolicy.DEFAULT_VOLTAGE_PROPERTY : voltageProperty;
        defaultClass = SupplyRadiusRules.normaliseClass(defaultClass);
        if (defaultClass == null) throw ParkGridException.invalidParameter("supply_class", "a default supply class is required");
        villages = villages == null ? List.of() : List.copyOf(villages);
        classProperty = classProperty == null || classProperty.isBlank() ? RadiusPolicy.DEFAULT_CLASS_PROPERTY : classProperty;
        if (!(snapToleranceMetres >= 0) || Double.isInfinite(snapToleranceMetres)) {
            throw ParkGridException.invalidParameter("snap_tolerance", "snap tolerance must be ≥ 0 m, got " + snapToleranceMetres);
        }
        networkScope = networkScope == null ? NetworkScope.byLevel() : networkScope;
    }

    /** Class D everywhere, default properties and tolerances, no time limit. */
    public static SupplyRadiusOptions defaults() {
        return new SupplyRadiusOptions(null, "D", List.of(), null, null, null, LineNetwork.DEFAULT_SNAP_TOLERANCE_METRES, NetworkScope.byLevel());
    }

    /** Class of each source from the nearest of {@code villageFeatures} (falling back to the default class). */
    public SupplyRadiusOptions withVillages(List<Feature> villageFeatures) {
        return new SupplyRadiusOptions(voltageProperty, defaultClass, villageFeatures, classProperty, epsg, deadline, snapToleranceMetres, networkScope);
    }

    public SupplyRadiusOptions withDefaultClass(String supplyClass) {
        return new SupplyRadiusOptions(voltageProperty, supplyClass, villages, classProperty, epsg, deadline, snapToleranceMetres, networkScope);
    }

    public SupplyRadiusOptions withEpsg(Integer code) {
        return new SupplyRadiusOptions(voltageProperty, defaultClass, villages, classProperty, code, deadline, snapToleranceMetres, networkScope);
    }

    public SupplyRadiusOptions withDeadline(Instant limit) {
        return new SupplyRadiusOptions(voltageProperty, defaultClass, villages, classProperty, epsg, limit, snapToleranceMetres, networkScope);
    }

    public SupplyRadiusOptions withTimeLimit(Duration budget) {
        return withDeadline(budget == null ? null : Instant.now().plus(budget));
    }

    /** The lines to walk and the access-leg bound. */
    public SupplyRadiusOptions withNetworkScope(NetworkScope scope) {
        return new SupplyRadiusOptions(voltageProperty, defaultClass, villages, classProperty, epsg, deadline, snapToleranceMetres, scope);
    }
}
