package parkgrid.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import parkgrid.feature.ParkGridException;

/**
 * A named, editable table of maximum supply radii (metres) by line voltage (kV) and supply-area class
 * (A+, A, B, C, D, E …). A {@code null} radius means "no fixed limit, determined by calculation".
 *
 * <p>The defaults are rules of thumb collected in FACTS.md, not checked against the standards' text;
 * they are labelled so ({@link #confidence()}), and users may replace them with their own table
 * ({@link #of(String, String, String, Map)}, e.g. parsed from a JSON object
 * {@code {"10": {"C": 5000, "D": 15000, "E": null}, "0.4": {...}}}).
 *
 * @param name        short name shown with results, e.g. "DL/T 5729"
 * @param source      citation of where the numbers come from
 * @param confidence  how far the numbers are checked, e.g. "[R] commonly quoted …"
 * @param radiiMetres voltage kV → (class → radius metres, null = by calculation); unmodifiable, sorted by voltage
 */
public record SupplyRadiusRules(String name, String source, String confidence, Map<Double, Map<String, Double>> radiiMetres) {

    /** Confidence label of the DL/T 5729 table. */
    public static final String DLT5729_CONFIDENCE =
            "[R] commonly quoted, not checked against the standard's text (DL/T 5729-2023 replaced 2016)";

    /**
     * @throws ParkGridException (invalid input) naming {@code rules} when the table is empty, a voltage is not positive,
     *                           a class is blank or a radius is not a positive finite number
     */
    public SupplyRadiusRules {
        if (name == null || name.isBlank()) throw ParkGridException.invalidParameter("rules", "rule set needs a name");
        Objects.requireNonNull(radiiMetres, "radiiMetres");
        if (radiiMetres.isEmpty()) throw ParkGridException.invalidParameter("rules", "rule set '" + name + "' has no voltages");
        TreeMap<Double, Map<String, Double>> copy = new TreeMap<>();
        for (Map.Entry<Double, Map<String, Double>> v : radiiMetres.entrySet()) {
            Double kv = v.getKey();
            if (kv == null || !(kv > 0) || kv.isInfinite()) {
                throw ParkGridException.invalidParameter("rules", "voltage " + kv + " kV must be a positive number");
            }
            if (v.getValue() == null || v.getValue().isEmpty()) {
                throw ParkGridException.invalidParameter("rules", "voltage " + kv + " kV has no classes");
            }
            Map<String, Double> classes = new LinkedHashMap<>();
            for (Map.Entry<String, Double> c : v.getValue().entrySet()) {
                String cls = normaliseClass(c.getKey());
                if (cls == null) throw ParkGridException.invalidParameter("rules", "blank supply class at " + kv + " kV");
                Double r = c.getValue();
                if (r != null && !(r > 0 && r < Double.POSITIVE_INFINITY)) {
                    throw ParkGridException.invalidParameter("rules",
                            "radius " + r + " m for class " + cls + " at " + kv + " kV must be a positive number or null");
                }
                classes.put(cls, r);
            }
            copy.put(kv, Collections.unmodifiableMap(classes));
        }
        radiiMetres = Collections.unmodifiableMap(copy);
        source = source == null ? "" : source;
        confidence = confidence == null ? "" : confidence;
    }

    /**
     * DL/T 5729 distribution-network planning guideline, supply radius "should not exceed": 10 kV —
     * A+/A/B 3 000 m, C 5 000 m, D 15 000 m, E by calculation; 0.4 kV — A+/A 150 m, B 250 m, C 400 m,
     * D 500 m, E by calculation.
     */
    public static SupplyRadiusRules dlt5729() {
        Map<Double, Map<String, Double>> t = new LinkedHashMap<>();
        t.put(10.0, table("A+", 3000.0, "A", 3000.0, "B", 3000.0, "C", 5000.0, "D", 15000.0, "E", null));
        t.put(0.4, table("A+", 150.0, "A", 150.0, "B", 250.0, "C", 400.0, "D", 500.0, "E", null));
        return new SupplyRadiusRules("DL/T 5729",
                "DL/T 5729 Technical guide for planning and design of distribution network, supply radius table "
                        + "(as quoted in ParkGrid FACTS.md, 'Distribution grid')",
                DLT5729_CONFIDENCE, t);
    }

    /**
     * Service radius of high-voltage substations, the upper end of the planning textbook rule of thumb
     * (110 kV 15–30 km → 30 000 m; 35 kV 5–10 km → 10 000 m), the same for every class.
     */
    public static SupplyRadiusRules highVoltageServiceRadius() {
        Map<Double, Map<String, Double>> t = new LinkedHashMap<>();
        t.put(110.0, table("A+", 30000.0, "A", 30000.0, "B", 30000.0, "C", 30000.0, "D", 30000.0, "E", 30000.0));
        t.put(35.0, table("A+", 10000.0, "A", 10000.0, "B", 10000.0, "C", 10000.0, "D", 10000.0, "E", 10000.0));
        return new SupplyRadiusRules("HV service radius",
                "planning textbook rule of thumb: 110 kV substation service radius 15–30 km, 35 kV 5–10 km "
                        + "(upper ends used; ParkGrid FACTS.md, 'Distribution grid')",
                "[S] planning textbook rule of thumb", t);
    }

    /**
     * A user-edited table with voltage keys as text ("10", "0.4", "10kV"), e.g. from a JSON request.
     *
     * @throws ParkGridException (invalid input) naming {@code rules} when a voltage key is not a number
     */
    public static SupplyRadiusRules of(String name, String source, String confidence, Map<String, ? extends Map<String, ? extends Number>> table) {
        Objects.requireNonNull(table, "table");
        Map<Double, Map<String, Double>> t = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Map<String, ? extends Number>> e : table.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey().trim().toLowerCase(Locale.ROOT).replace("kv", "").trim();
            double kv;
            try {
                kv = Double.parseDouble(key);
            } catch (NumberFormatException ex) {
                throw ParkGridException.invalidParameter("rules", "voltage key '" + e.getKey() + "' is not a number of kV");
            }
            Map<String, Double> classes = new LinkedHashMap<>();
            if (e.getValue() != null) {
                e.getValue().forEach((c, r) -> classes.put(c, r == null ? null : r.doubleValue()));
            }
            t.put(kv, classes);
        }
        return new SupplyRadiusRules(name, source, confidence, t);
    }

    /**
     * The radius limit in metres for a line voltage and a supply-area class (case-insensitive, blanks
     * trimmed). Empty when the class has no fixed limit (E, "by calculation") or when the table has no
     * entry for the voltage or class — use {@link #hasEntry} to tell these apart.
     */
    public OptionalDouble radiusMetres(double voltageKv, String supplyClass) {
        Map<String, Double> classes = classesAt(voltageKv);
        String cls = normaliseClass(supplyClass);
        if (classes == null || cls == null) return OptionalDouble.empty();
        Double r = classes.get(cls);
        return r == null ? OptionalDouble.empty() : OptionalDouble.of(r);
    }

    /** True when the table lists this voltage and class (possibly with a null "by calculation" radius). */
    public boolean hasEntry(double voltageKv, String supplyClass) {
        Map<String, Double> classes = classesAt(voltageKv);
        String cls = normaliseClass(supplyClass);
        return classes != null && cls != null && classes.containsKey(cls);
    }

    /** True when the table has a row for this voltage (compared to within 1e-6 kV). */
    public boolean hasVoltage(double voltageKv) {
        return classesAt(voltageKv) != null;
    }

    /** The classes listed at this voltage, or an empty set. */
    public Set<String> classes(double voltageKv) {
        Map<String, Double> c = classesAt(voltageKv);
        return c == null ? Set.of() : c.keySet();
    }

    private Map<String, Double> classesAt(double voltageKv) {
        for (Map.Entry<Double, Map<String, Double>> e : radiiMetres.entrySet()) {
            if (Math.abs(e.getKey() - voltageKv) < 1e-6) return e.getValue();
        }
        return null;
    }

    /** Upper-case, trimmed class name, or null when blank. */
    static String normaliseClass(String supplyClass) {
        if (supplyClass == null) return null;
        String s = supplyClass.trim().toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    private static Map<String, Double> table(Object... classAndRadius) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < classAndRadius.length; i += 2) {
            m.put((String) classAndRadius[i], (Double) classAndRadius[i + 1]);
        }
        return m;
    }
}
