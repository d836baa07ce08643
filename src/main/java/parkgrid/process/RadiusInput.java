package parkgrid.process;

import static parkgrid.process.ProcessInput.object;
import static parkgrid.process.ProcessInput.optional;
import static parkgrid.process.ProcessInput.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.analysis.SupplyRadiusRules;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyType;

/**
 * The {@code radius} input of the coverage process, read into a {@link RadiusPolicy}, and the rule sets
 * written as JSON for {@code GET /processes/coverage/rules}.
 */
public final class RadiusInput {
    /** The rule sets a request may name, as {@code GET /processes/coverage/rules} lists them. */
    public static final Map<String, SupplyRadiusRules> NAMED_RULES = namedRules();

    /** The DL/T 5729 supply-area classes. */
    static final List<String> CLASSES = List.of("A+", "A", "B", "C", "D", "E");

    private RadiusInput() {}

    /** The declaration of the {@code radius} input, with its members. */
    static ProcessInput declaration() {
        Schema table = Schema.raw(InputValues.JSON.createObjectNode().put("type", "object")
                .put("description", "voltage (kV) → class → metres or null, e.g. {\"10\": {\"D\": 15000}}"));
        return object("radius", true, "how far a supplier reaches: {type: constant, metres}, {type: property, property} or "
                        + "{type: rule, rules, voltage_kv, class | class_property}",
                required("type", Schema.string().enumOf("constant", "property", "rule"), "which kind of radius"),
                optional("metres", Schema.number().minimum(0), "type constant: the radius in metres"),
                optional("property", Schema.string(), "type property: the supply layer's property holding each radius in metres"),
                optional("rules", Schema.oneOf(Schema.string().enumOf("dlt5729"), table),
                        "type rule: \"dlt5729\" (default) or an edited table"),
                optional("voltage_kv", Schema.number().defaultValue(0.4), "type rule: the voltage level whose radii apply"),
                optional("class", Schema.string().enumOf(CLASSES), "type rule: one supply-area class for every demand point"),
                optional("class_property", Schema.string().defaultValue(RadiusPolicy.DEFAULT_CLASS_PROPERTY),
                        "type rule: the demand layer's property holding each point's class"));
    }

    private static Map<String, SupplyRadiusRules> namedRules() {
        Map<String, SupplyRadiusRules> m = new LinkedHashMap<>();
        m.put("dlt5729", SupplyRadiusRules.dlt5729());
        m.put("hv_service_radius", SupplyRadiusRules.highVoltageServiceRadius());
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The policy the {@code radius} object asks for; problems name the member at fault as the client wrote
     * it ({@code radius.metres}, {@code radius.class} …), also those the analysis finds ({@link InputPaths#RADIUS}).
     */
    static RadiusPolicy policy(JsonNode r, Layer supply, Layer demand) {
        if (r == null || !r.isObject()) {
            throw ParkGridException.invalidParameter("radius", "radius must be an object: {\"type\":\"constant\",\"metres\":500}, "
                    + "{\"type\":\"property\",\"property\":…} or {\"type\":\"rule\",\"rules\":\"dlt5729\",\"voltage_kv\":0.4,…}");
        }
        try {
            return read(r, supply, demand);
        } catch (ParkGridException e) {
            throw InputPaths.RADIUS.named(e);
        }
    }

    private static RadiusPolicy read(JsonNode r, Layer supply, Layer demand) {
        String type = InputValues.text(r, "radius.type", null);
        switch (type) {
            case "constant": {
                JsonNode m = r.get("metres");
                if (m == null || !m.isNumber()) throw ParkGridException.invalidParameter("radius.metres", "radius.metres must be a number of metres");
                return RadiusPolicy.constant(m.asDouble());
            }
            case "property": {
                String p = InputValues.text(r, "radius.property", null);
                var def = supply.property(p).orElseThrow(() -> ParkGridException.invalidParameter("radius.property",
                        "supply layer '" + supply.name() + "' has no property '" + p + "'"));
                if (def.type() == PropertyType.STRING) throw ParkGridException.invalidParameter("radius.property", "property '" + p + "' is text, not metres");
                return RadiusPolicy.supplierProperty(p);
            }
            case "rule": {
                SupplyRadiusRules rules = rules(r);
                double kv = InputValues.number(r, "radius.voltage_kv", 0.4);
                if (r.hasNonNull("class")) return RadiusPolicy.byClass(rules, InputValues.text(r, "radius.class", null), kv);
                String classProperty = InputValues.text(r, "radius.class_property", RadiusPolicy.DEFAULT_CLASS_PROPERTY);
                if (demand.property(classProperty).isEmpty()) {
                    throw ParkGridException.invalidParameter("radius.class_property", "demand layer '" + demand.name() + "' has no property '"
                            + classProperty + "'; give radius.class (A+, A, B, C, D or E) instead");
                }
                return RadiusPolicy.byDemandClass(rules, classProperty, kv);
            }
            default:
                throw ParkGridException.invalidParameter("radius.type", "unknown radius type '" + type + "': use constant, property or rule");
        }
    }

    /**
     * {@code "rules": "dlt5729"} (default), {@code "hv_service_radius"} (the names {@code GET /processes/coverage/rules}
     * lists) or an edited table {@code {"10": {"D": 15000, …}, "0.4": {…}}}.
     */
    private static SupplyRadiusRules rules(JsonNode r) {
        JsonNode rules = r.get("rules");
        if (rules == null || rules.isNull()) return SupplyRadiusRules.dlt5729();
        if (rules.isTextual()) {
            SupplyRadiusRules named = NAMED_RULES.get(rules.asText());
            if (named == null) {
                throw ParkGridException.invalidParameter("radius.rules", "unknown rule set '" + rules.asText() + "': use one of "
                        + NAMED_RULES.keySet() + " or a table {\"10\": {\"D\": 15000}}");
            }
            return named;
        }
        if (!rules.isObject()) throw ParkGridException.invalidParameter("radius.rules", "radius.rules must be \"dlt5729\" or a table {\"10\": {\"D\": 15000}}");
        Map<String, Map<String, Number>> table = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> kvs = rules.fields();
        while (kvs.hasNext()) {
            Map.Entry<String, JsonNode> kv = kvs.next();
            Map<String, Number> classes = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> cs = kv.getValue().fields();
            while (cs.hasNext()) {
                Map.Entry<String, JsonNode> c = cs.next();
                if (!c.getValue().isNull() && !c.getValue().isNumber()) {
                    throw ParkGridException.invalidParameter("radius.rules", "radius for class " + c.getKey() + " at " + kv.getKey() + " kV must be metres or null");
                }
                classes.put(c.getKey(), c.getValue().isNull() ? null : c.getValue().numberValue());
            }
            table.put(kv.getKey(), classes);
        }
        return SupplyRadiusRules.of("custom", "edited by the user from DL/T 5729", "user-defined", table);
    }

    public static ObjectNode rulesJson(SupplyRadiusRules rules) {
        ObjectNode n = InputValues.JSON.createObjectNode();
        n.put("name", rules.name()).put("source", rules.source()).put("confidence", rules.confidence());
        ObjectNode t = n.putObject("radius_m");
        rules.radiiMetres().forEach((kv, classes) -> {
            ObjectNode c = t.putObject(kv == Math.rint(kv) ? String.valueOf(kv.longValue()) : String.valueOf(kv));
            classes.forEach((cls, m) -> { if (m == null) c.putNull(cls); else c.put(cls, m); });
        });
        return n;
    }
}
