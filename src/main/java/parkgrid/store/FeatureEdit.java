package parkgrid.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

/**
 * A change to one stored feature, applied to the current state inside the store's write transaction:
 * a replace (the whole feature), a patch (the named properties, {@code null} values clearing them as JSON
 * Merge Patch does; the geometry when one is given) or a delete. Geometries are EPSG:4326 lon/lat.
 */
public sealed interface FeatureEdit {
    /** The action recorded in the audit table. */
    AuditRecord.Action action();

    /** The feature after the edit, or null when the edit deletes it. */
    Feature apply(Feature current);

    record Replace(Feature replacement) implements FeatureEdit {
        public Replace { Objects.requireNonNull(replacement, "replacement"); }
        public AuditRecord.Action action() { return AuditRecord.Action.REPLACE; }

        /** @throws ParkGridException 400 ({@code id}) when the replacement names another feature */
        public Feature apply(Feature current) {
            if (replacement.id() != current.id()) {
                throw ParkGridException.invalidParameter("id", "the body is feature " + replacement.id() + ", not " + current.id());
            }
            return replacement;
        }
    }

    record Patch(Map<String, Object> properties, Geometry geometry) implements FeatureEdit {
        public Patch {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(properties, "properties"))); // null values allowed
        }
        public AuditRecord.Action action() { return AuditRecord.Action.PATCH; }

        public Feature apply(Feature current) {
            Map<String, Object> merged = new LinkedHashMap<>(current.properties());
            properties.forEach((k, v) -> {
                if (v == null) merged.remove(k); else merged.put(k, v);
            });
            return new Feature(current.id(), geometry == null ? current.geometry() : geometry, merged);
        }
    }

    record Delete() implements FeatureEdit {
        public AuditRecord.Action action() { return AuditRecord.Action.DELETE; }
        public Feature apply(Feature current) { return null; }
    }
}
