package parkgrid.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

/**
 * A {@link RadiusPolicy} resolved for given suppliers and demands: demands fall into K radius classes
 * (one when the radius does not depend on the demand), and each (supplier, class) pair has a radius in
 * metres or NaN (none: null property, voltage or class not in the table, class "by calculation").
 */
final class RadiusTable {
    final RadiusPolicy policy;
    final int supplierCount;
    /** Class labels; a single null label when the radius does not depend on the demand's class. */
    final List<String> classes = new ArrayList<>();
    /** Class index of each demand, −1 when the demand has no class. */
    final int[] demandClass;
    /** radius[s * K + k], metres or NaN. */
    private final double[] radius;
    private final double[] voltage;
    private final long[] supplierIds;
    /** maxRadius per class, filled on first use: the report asks once per demand. */
    private double[] maxRadius;

    RadiusTable(RadiusPolicy policy, List<Feature> suppliers, List<Feature> demands) {
        this.policy = policy;
        this.supplierCount = suppliers.size();
        this.supplierIds = suppliers.stream().mapToLong(Feature::id).toArray();
        this.demandClass = new int[demands.size()];
        this.voltage = new double[supplierCount];
        java.util.Arrays.fill(voltage, Double.NaN);
        Map<String, Integer> index = new LinkedHashMap<>();
        if (policy instanceof RadiusPolicy.RuleTable rt && rt.classProperty() != null) {
            for (int d = 0; d < demands.size(); d++) {
                Object v = demands.get(d).properties().get(rt.classProperty());
                String cls = v == null ? null : SupplyRadiusRules.normaliseClass(v.toString());
                demandClass[d] = cls == null ? -1 : index.computeIfAbsent(cls, c -> index.size());
            }
            classes.addAll(index.keySet());
        } else {
            classes.add(policy instanceof RadiusPolicy.RuleTable rt ? rt.constantClass() : null);
        }
        int k = classes.size();
        radius = new double[supplierCount * Math.max(k, 1)];
        for (int s = 0; s < supplierCount; s++) {
            Feature f = suppliers.get(s);
            if (policy instanceof RadiusPolicy.Constant c) {
                radius[s] = c.metres();
            } else if (policy instanceof RadiusPolicy.SupplierProperty p) {
                radius[s] = supplierRadius(f, p.property());
            } else {
                RadiusPolicy.RuleTable rt = (RadiusPolicy.RuleTable) policy;
                double kv = rt.constantVoltageKv() != null ? rt.constantVoltageKv() : number(f.properties().get(rt.voltageProperty()));
                voltage[s] = kv;
                for (int c = 0; c < k; c++) {
                    OptionalDouble r = Double.isNaN(kv) ? OptionalDouble.empty() : rt.rules().radiusMetres(kv, classes.get(c));
                    radius[s * k + c] = r.isPresent() ? r.getAsDouble() : Double.NaN;
                }
            }
        }
    }

    private static double supplierRadius(Feature f, String property) {
        Object v = f.properties().get(property);
        if (v == null) return Double.NaN;
        double r = number(v);
        if (!(r > 0) || Double.isInfinite(r)) {
            throw ParkGridException.invalidParameter("radius_property",
                    "supplier " + f.id() + " has " + property + " = " + v + "; a positive number of metres is required");
        }
        return r;
    }

    static double number(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v == null) return Double.NaN;
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    int classCount() {
        return classes.size();
    }

    /** Radius of supplier s for class k, metres, or NaN. */
    double radius(int s, int k) {
        return radius[s * classes.size() + k];
    }

    /** Largest finite radius of any supplier for class k, or NaN when none has one (computed once per class). */
    double maxRadius(int k) {
        if (maxRadius == null) {
            double[] m = new double[classes.size()];
            for (int c = 0; c < m.length; c++) m[c] = computeMaxRadius(c);
            maxRadius = m;
        }
        return maxRadius[k];
    }

    private double computeMaxRadius(int k) {
        double m = Double.NaN;
        for (int s = 0; s < supplierCount; s++) {
            double r = radius(s, k);
            if (!Double.isNaN(r) && !(r <= m)) m = r;
        }
        return m;
    }

    /** Largest finite radius of supplier s over all classes, or NaN. */
    double maxRadiusOf(int s) {
        double m = Double.NaN;
        for (int k = 0; k < classes.size(); k++) {
            double r = radius(s, k);
            if (!Double.isNaN(r) && !(r <= m)) m = r;
        }
        return m;
    }

    /** True when, for every class, all suppliers have the same radius: then the nearest supplier decides. */
    boolean isSupplierInvariant() {
        for (int k = 0; k < classes.size(); k++) {
            double first = radius(0, k);
            for (int s = 1; s < supplierCount; s++) {
                double r = radius(s, k);
                if (!(r == first || (Double.isNaN(r) && Double.isNaN(first)))) return false;
            }
        }
        return true;
    }

    /** Text after the limit, e.g. ", class C 0.4 kV", or "". */
    String limitContext(int s, int k) {
        if (policy instanceof RadiusPolicy.RuleTable) {
            return ", class " + classes.get(k) + " " + RadiusPolicy.formatKv(voltage[s]) + " kV";
        }
        if (policy instanceof RadiusPolicy.SupplierProperty p) return ", from " + p.property();
        return "";
    }

    /** Why supplier s has no radius for class k. */
    String noRadiusWhy(int s, int k) {
        if (policy instanceof RadiusPolicy.SupplierProperty p) {
            return "its " + p.property() + " is empty";
        }
        RadiusPolicy.RuleTable rt = (RadiusPolicy.RuleTable) policy;
        if (Double.isNaN(voltage[s])) return "it has no " + rt.voltageProperty();
        String kv = RadiusPolicy.formatKv(voltage[s]) + " kV";
        if (!rt.rules().hasVoltage(voltage[s])) return rt.rules().name() + " has no row for " + kv;
        if (!rt.rules().hasEntry(voltage[s], classes.get(k))) {
            return "class " + classes.get(k) + " is not in " + rt.rules().name() + " at " + kv;
        }
        return rt.rules().name() + " gives no fixed radius for class " + classes.get(k) + " at " + kv + " (by calculation)";
    }

    /** Why no supplier can cover demands of class k (k = −1: the demand has no class). */
    String unassessedWhy(int k) {
        if (k < 0) {
            return "no supply class: property '" + ((RadiusPolicy.RuleTable) policy).classProperty() + "' is empty";
        }
        if (policy instanceof RadiusPolicy.SupplierProperty p) return "no supplier has a value in " + p.property();
        return "no radius applies: " + noRadiusWhy(0, k);
    }

    long supplierId(int s) {
        return supplierIds[s];
    }
}
