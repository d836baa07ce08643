package parkgrid.analysis;

import java.util.Objects;
import parkgrid.feature.ParkGridException;

/**
 * How far a supplier reaches in a {@link CoverageAnalysis}, in metres (planar distance in the local
 * metric CRS, or distance along the line network).
 *
 * <ul>
 *   <li>{@link Constant}: one radius for every supplier;
 *   <li>{@link SupplierProperty}: each supplier's own numeric property (e.g. {@code service_radius_m});
 *       a null value means that supplier covers nothing;
 *   <li>{@link RuleTable}: a {@link SupplyRadiusRules} lookup by voltage and supply-area class; the class
 *       comes from a demand property (default {@code supply_class}) or is a constant, the voltage from a
 *       supplier property (default {@code voltage_kv}) or is a constant.
 * </ul>
 */
public sealed interface RadiusPolicy permits RadiusPolicy.Constant, RadiusPolicy.SupplierProperty, RadiusPolicy.RuleTable {

    /** Default demand property holding the supply-area class. */
    String DEFAULT_CLASS_PROPERTY = "supply_class";
    /** Default supplier property holding the voltage in kV. */
    String DEFAULT_VOLTAGE_PROPERTY = "voltage_kv";

    /** One sentence for the result summary, e.g. "constant 500 m". */
    String describe();

    /** Every supplier reaches {@code metres}. */
    static RadiusPolicy constant(double metres) {
        return new Constant(metres);
    }

    /** Each supplier reaches the value of its numeric property {@code property} (metres). */
    static RadiusPolicy supplierProperty(String property) {
        return new SupplierProperty(property);
    }

    /** Rule table at a fixed voltage with the class taken from each demand's {@code classProperty}. */
    static RadiusPolicy byDemandClass(SupplyRadiusRules rules, String classProperty, double voltageKv) {
        return new RuleTable(rules, classProperty, null, null, voltageKv);
    }

    /** Rule table at a fixed voltage and one class for all demands. */
    static RadiusPolicy byClass(SupplyRadiusRules rules, String supplyClass, double voltageKv) {
        return new RuleTable(rules, null, supplyClass, null, voltageKv);
    }

    /**
     * @param metres radius in metres, positive and finite
     */
    record Constant(double metres) implements RadiusPolicy {
        /** @throws ParkGridException (invalid input) naming {@code radius} unless 0 < metres < ∞ */
        public Constant {
            if (!(metres > 0) || Double.isInfinite(metres)) {
                throw ParkGridException.invalidParameter("radius", "radius must be a positive number of metres, got " + metres);
            }
        }

        @Override
        public String describe() {
            return "constant " + formatMetres(metres) + " m";
        }
    }

    /**
     * @param property supplier property holding the radius in metres
     */
    record SupplierProperty(String property) implements RadiusPolicy {
        /** @throws ParkGridException (invalid input) naming {@code radius_property} when blank */
        public SupplierProperty {
            if (property == null || property.isBlank()) {
                throw ParkGridException.invalidParameter("radius_property", "radius property name is missing");
            }
        }

        @Override
        public String describe() {
            return "per supplier from property '" + property + "' (m)";
        }
    }

    /**
     * Exactly one of {@code classProperty} / {@code constantClass} and one of {@code voltageProperty} /
     * {@code constantVoltageKv} is non-null.
     *
     * @param rules             the radius table
     * @param classProperty     demand property holding the supply-area class, or null
     * @param constantClass     class for every demand, or null
     * @param voltageProperty   supplier property holding the voltage (kV), or null
     * @param constantVoltageKv voltage of every supplier (kV), or null
     */
    record RuleTable(SupplyRadiusRules rules, String classProperty, String constantClass,
                     String voltageProperty, Double constantVoltageKv) implements RadiusPolicy {
        /**
         * @throws ParkGridException (invalid input) naming {@code supply_class} or {@code voltage_kv} when both or neither
         *                           source is given, or a constant is not in the table
         */
        public RuleTable {
            Objects.requireNonNull(rules, "rules");
            if ((classProperty == null) == (constantClass == null)) {
                throw ParkGridException.invalidParameter("supply_class",
                        "give either a demand property holding the supply class or one constant class");
            }
            if ((voltageProperty == null) == (constantVoltageKv == null)) {
                throw ParkGridException.invalidParameter("voltage_kv",
                        "give either a supplier property holding the voltage or one constant voltage");
            }
            if (constantVoltageKv != null && !rules.hasVoltage(constantVoltageKv)) {
                throw ParkGridException.invalidParameter("voltage_kv",
                        "rule set '" + rules.name() + "' has no row for " + constantVoltageKv + " kV; it has " + rules.radiiMetres().keySet());
            }
            if (constantClass != null) {
                constantClass = SupplyRadiusRules.normaliseClass(constantClass);
                boolean known = false;
                for (Double kv : rules.radiiMetres().keySet()) {
                    if (constantVoltageKv != null ? rules.hasEntry(constantVoltageKv, constantClass) : rules.hasEntry(kv, constantClass)) {
                        known = true;
                    }
                }
                if (!known) {
                    throw ParkGridException.invalidParameter("supply_class",
                            "supply class '" + constantClass + "' is not in rule set '" + rules.name() + "'");
                }
            }
        }

        @Override
        public String describe() {
            String cls = classProperty != null ? "class from demand property '" + classProperty + "'" : "class " + constantClass;
            String kv = constantVoltageKv != null ? formatKv(constantVoltageKv) + " kV" : "voltage from supplier property '" + voltageProperty + "'";
            return rules.name() + " supply-radius table, " + cls + ", " + kv + " " + rules.confidence();
        }
    }

    /** Metres with a space as thousands separator, e.g. "15 000". */
    static String formatMetres(double metres) {
        if (!Double.isFinite(metres) || Math.abs(metres) >= 1e15) return String.valueOf(metres);
        // String.format is slow enough to dominate a 50 000-demand report; group digits by hand
        String digits = Long.toString(Math.abs(Math.round(metres)));
        StringBuilder sb = new StringBuilder(digits.length() + 6);
        if (metres < 0 && Math.round(metres) != 0) sb.append('-');
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) sb.append(' ');
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** A voltage without trailing zeros, e.g. "0.4", "10". */
    static String formatKv(double kv) {
        return kv == Math.rint(kv) ? String.valueOf((long) kv) : String.valueOf(kv);
    }
}
