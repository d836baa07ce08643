package parkgrid.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerData;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;

/**
 * The one place features are checked against their layer, so that both stores reject the same input the
 * same way: ids positive and unique in the batch, geometry of the layer's kind, valid and in lon/lat range
 * (or null: a feature without a place, RFC 7946 §3.2), no property outside the schema, values of the
 * declared types. Stores call {@link #check} on every feature of a write before they write any; readers
 * ({@code parkgrid.io}) only parse and leave all of this to here.
 */
public final class FeatureChecks {
    private FeatureChecks() {}

    /**
     * @return per feature, the property values in schema order, typed for the store (String, Long, Double)
     * @throws ParkGridException 400 naming the id, geometry or property that is wrong
     */
    public static List<Object[]> check(Layer layer, List<Feature> features) {
        Checker checker = new Checker(layer);
        List<Object[]> rows = new ArrayList<>(features.size());
        for (Feature f : features) rows.add(checker.check(f));
        return rows;
    }

    /**
     * Checks the features of one write one at a time, for streams too long to hold: ids are checked unique
     * among those this checker has seen since {@link #forgetIds} (a store streaming a big import forgets them
     * after each batch and leaves uniqueness across batches to the table's primary key).
     */
    public static final class Checker {
        private final Layer layer;
        private final boolean geometriesChecked;
        private final Set<Long> ids = new HashSet<>();
        private final Set<String> names = new HashSet<>();

        public Checker(Layer layer) {
            this(layer, false);
        }

        /**
         * @param geometriesChecked true when every geometry has already passed this class's geometry checks for
         *                          {@code layer} ({@link CheckedLayerSource}): they are not run again
         */
        Checker(Layer layer, boolean geometriesChecked) {
            this.layer = layer;
            this.geometriesChecked = geometriesChecked;
            layer.properties().forEach(p -> names.add(p.name()));
        }

        /**
         * @return the property values in schema order, typed for the store
         * @throws ParkGridException 400 naming the id, geometry or property that is wrong
         */
        public Object[] check(Feature f) {
            if (f.id() < 1) throw ParkGridException.invalidParameter("id", where(f) + ": id must be a positive integer");
            if (!ids.add(f.id())) throw ParkGridException.invalidParameter("id", where(f) + ": id appears twice");
            if (f.hasGeometry() && !geometriesChecked) checkGeometry(f);
            for (String key : f.properties().keySet()) {
                if (!names.contains(key)) {
                    throw ParkGridException.invalidParameter(key, where(f) + ": property '" + key + "' is not in the layer schema");
                }
            }
            Object[] values = new Object[layer.properties().size()];
            for (int i = 0; i < values.length; i++) {
                PropertyDefinition p = layer.properties().get(i);
                try {
                    values[i] = p.type().coerce(f.properties().get(p.name()));
                } catch (IllegalArgumentException e) {
                    throw ParkGridException.invalidParameter(p.name(), where(f) + ": " + e.getMessage());
                }
            }
            return values;
        }

        /** Where a problem is, for its message: built only when there is one. */
        private String where(Feature f) {
            return "layer " + layer.name() + ", feature " + f.id();
        }

        /** Forgets the ids seen so far (after a batch whose ids the table's primary key now guards). */
        public void forgetIds() {
            ids.clear();
        }

        private void checkGeometry(Feature f) {
            if (!layer.geometryKind().accepts(f.geometry())) {
                throw ParkGridException.invalidParameter("geometry", where(f) + ": geometry is a " + f.geometry().getGeometryType()
                        + " but the layer holds " + layer.geometryKind().geoJsonName());
            }
            var env = f.geometry().getEnvelopeInternal();
            if (!env.isNull() && (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90)) {
                throw ParkGridException.invalidParameter("geometry", where(f) + ": coordinates outside lon [-180,180] / lat [-90,90]");
            }
            if (!f.geometry().isValid()) {
                throw ParkGridException.invalidParameter("geometry", where(f) + ": geometry is not valid (OGC simple features rules)");
            }
        }
    }

    /** The error for a feature id that a big import's table already holds from an earlier batch. */
    public static ParkGridException duplicateId(String layerName, long id) {
        return ParkGridException.invalidParameter("id", "layer " + layerName + ", feature " + id + ": id appears twice");
    }

    /**
     * The features checked as {@link #check} does, with their values typed and in schema order: what a store
     * would hold after importing them. For callers that use parsed layer data without a store (tests' answer
     * keys, analyses over files).
     */
    public static LayerData checked(LayerData data) {
        List<Object[]> rows = check(data.layer(), data.features());
        List<Feature> typed = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Feature f = data.features().get(i);
            Map<String, Object> values = new LinkedHashMap<>();
            for (int k = 0; k < rows.get(i).length; k++) values.put(data.layer().properties().get(k).name(), rows.get(i)[k]);
            typed.add(new Feature(f.id(), f.geometry(), values));
        }
        return new LayerData(data.layer(), typed);
    }
}
