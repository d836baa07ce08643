package parkgrid.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import parkgrid.analysis.siting.CriterionLabel;
import parkgrid.analysis.siting.Exclusion;
import parkgrid.analysis.siting.Preference;
import parkgrid.analysis.siting.Requirement;
import parkgrid.config.LayerRoles;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.filter.BoundFilter;
import parkgrid.filter.FilterBinder;
import parkgrid.geo.MetricEnvelope;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;

/**
 * Reads the siting criteria of an execution (and of its presets) into the analysis's records: each item names a
 * collection (or {@code role:<role>}), an optional CQL2 text filter bound to that layer, its figure and labels;
 * its features are read from the store, only those within reach of the study area for exclusions and
 * requirements. Problems name the item's path as the client wrote it ({@code exclusions[1].buffer_m}), or the
 * preset's ({@code presets: glass-plant.exclusions[0]}).
 */
final class SitingCriteria {
    static final Set<String> EXCLUSION_KEYS = Set.of("collection", "filter", "buffer_m", "label", "label_zh");
    static final Set<String> REQUIREMENT_KEYS = Set.of("collection", "filter", "within_m", "label", "label_zh");
    static final Set<String> PREFERENCE_KEYS = Set.of("collection", "filter", "direction", "weight", "label", "label_zh");
    /** Keys a preset's criterion may carry besides those of an execution's. */
    private static final Set<String> PRESET_KEYS = Set.of("source", "confidence", "preset");

    /** Exclusion and requirement features are read this far around the study area (or their distance, if more), for the reasons' figures. */
    static final double REPORT_REACH_METRES = 2000;

    private final FeatureStore store;
    private final LayerRoles roles;
    private final Envelope studyLonLat;

    SitingCriteria(FeatureStore store, LayerRoles roles, Envelope studyLonLat) {
        this.store = store;
        this.roles = roles;
        this.studyLonLat = studyLonLat;
    }

    Exclusion exclusion(JsonNode item, String path) throws IOException {
        checkKeys(item, path, EXCLUSION_KEYS);
        double buffer = number(item, path, "buffer_m", 0);
        String source = item.path("source").isTextual() ? item.get("source").asText() + " [" + item.path("confidence").asText("?") + "]" : null;
        CriterionLabel label = label(item, path);
        List<Geometry> geometries = geometries(item, path, buffer);
        try {
            return new Exclusion(label, geometries, buffer, source);
        } catch (ParkGridException e) {
            throw e.at(path + "." + e.parameter(), path + ": " + e.detail());
        }
    }

    Requirement requirement(JsonNode item, String path) throws IOException {
        checkKeys(item, path, REQUIREMENT_KEYS);
        double within = number(item, path, "within_m", Double.NaN);
        if (Double.isNaN(within)) throw ParkGridException.invalidParameter(path + ".within_m", path + ".within_m is required (metres)");
        CriterionLabel label = label(item, path);
        List<Geometry> geometries = geometries(item, path, within);
        try {
            return new Requirement(label, geometries, within);
        } catch (ParkGridException e) {
            throw e.at(path + "." + e.parameter(), path + ": " + e.detail());
        }
    }

    Preference preference(JsonNode item, String path) throws IOException {
        checkKeys(item, path, PREFERENCE_KEYS);
        double weight = number(item, path, "weight", 1);
        String direction = text(item, path, "direction", "near");
        Preference.Direction d;
        if (direction.equals("near")) d = Preference.Direction.NEAR;
        else if (direction.equals("far")) d = Preference.Direction.FAR;
        else throw ParkGridException.invalidParameter(path + ".direction", path + ".direction must be near or far, got '" + direction + "'");
        CriterionLabel label = label(item, path);
        List<Geometry> geometries = geometries(item, path, Double.NaN);
        try {
            return new Preference(label, geometries, d, weight);
        } catch (ParkGridException e) {
            throw e.at(path + "." + e.parameter(), path + ": " + e.detail());
        }
    }

    /** The layer an item names: a collection, or {@code role:<role>} for the deployment's layer of that role. */
    Layer layer(JsonNode item, String path) {
        String name = text(item, path, "collection", null);
        String layer = name;
        if (name.startsWith("role:")) {
            try {
                layer = roles.layerFor(name.substring(5));
            } catch (IllegalArgumentException e) {
                throw ParkGridException.invalidParameter(path + ".collection", path + ".collection: " + e.getMessage()
                        + "; roles are " + String.join(", ", roles.asMap().keySet()));
            }
        }
        return InputValues.layer(store, layer, path + ".collection");
    }

    /** The located geometries of the item's layer and filter; within {@code reachMetres} of the study area unless NaN. */
    private List<Geometry> geometries(JsonNode item, String path, double reachMetres) throws IOException {
        Layer layer = layer(item, path);
        BoundFilter filter = null;
        if (item.hasNonNull("filter")) {
            String text = text(item, path, "filter", null);
            try {
                filter = FilterBinder.parseAndBind(text, layer);
            } catch (ParkGridException e) {
                throw e.at(path + ".filter", path + ".filter on layer '" + layer.name() + "': " + e.detail());
            }
        }
        Envelope box = Double.isNaN(reachMetres) ? null : MetricEnvelope.around(studyLonLat, Math.max(reachMetres, REPORT_REACH_METRES) + 10);
        List<Geometry> out = new ArrayList<>();
        store.forEach(layer.name(), new FeatureQuery(box, java.util.Map.of(), filter, List.of(), FeatureQuery.UNLIMITED, 0), f -> {
            if (f.hasGeometry()) out.add(f.geometry());
        });
        return out;
    }

    private CriterionLabel label(JsonNode item, String path) {
        String fallback = text(item, path, "collection", null) + (item.hasNonNull("filter") ? " (" + item.get("filter").asText() + ")" : "");
        String en = text(item, path, "label", fallback);
        String zh = text(item, path, "label_zh", en);
        if (en.isBlank()) throw ParkGridException.invalidParameter(path + ".label", path + ".label must not be blank");
        if (zh.isBlank()) throw ParkGridException.invalidParameter(path + ".label_zh", path + ".label_zh must not be blank");
        return new CriterionLabel(en, zh);
    }

    private static void checkKeys(JsonNode item, String path, Set<String> declared) {
        if (!item.isObject()) throw ParkGridException.invalidParameter(path, path + " must be an object");
        boolean preset = item.has("preset");
        Iterator<String> keys = item.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (declared.contains(k) || (preset && PRESET_KEYS.contains(k))) continue;
            throw ParkGridException.invalidParameter(path + "." + k, "unknown input '" + path + "." + k + "': an item takes "
                    + String.join(", ", declared.stream().sorted().toList()));
        }
    }

    private static String text(JsonNode item, String path, String key, String fallback) {
        JsonNode v = item.get(key);
        if (v == null || v.isNull()) {
            if (fallback == null) throw ParkGridException.invalidParameter(path + "." + key, "input '" + path + "." + key + "' is required");
            return fallback;
        }
        if (!v.isTextual()) throw ParkGridException.invalidParameter(path + "." + key, "input '" + path + "." + key + "' must be a string, got " + v);
        return v.asText();
    }

    private static double number(JsonNode item, String path, String key, double fallback) {
        JsonNode v = item.get(key);
        if (v == null || v.isNull()) return fallback;
        if (!v.isNumber()) throw ParkGridException.invalidParameter(path + "." + key, "input '" + path + "." + key + "' must be a number, got " + v);
        return v.asDouble();
    }
}
