package parkgrid.feature;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A feature's property values, unmodifiable and in insertion order, built once by a reader so that
 * {@link Feature} can keep them as they are instead of copying every row's map a second time (the
 * bbox page reads 1 000 rows per request). Built only through {@link Builder}, whose map nobody else
 * holds: once built, no one can change it.
 */
public final class PropertyValues extends AbstractMap<String, Object> {
    private final Map<String, Object> values;

    private PropertyValues(LinkedHashMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** A builder for about {@code expected} values (sized so that the map never grows). */
    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    @Override public Set<Entry<String, Object>> entrySet() { return values.entrySet(); }
    @Override public Object get(Object key) { return values.get(key); }
    @Override public boolean containsKey(Object key) { return values.containsKey(key); }
    @Override public int size() { return values.size(); }

    /** Collects values in order; {@link #build} hands the map over once. Not thread-safe. */
    public static final class Builder {
        private LinkedHashMap<String, Object> values;

        private Builder(int expected) {
            values = new LinkedHashMap<>(Math.max(4, (int) (expected / 0.75f) + 1));
        }

        public Builder put(String name, Object value) {
            if (values == null) throw new IllegalStateException("already built");
            values.put(name, value);
            return this;
        }

        public PropertyValues build() {
            if (values == null) throw new IllegalStateException("already built");
            PropertyValues built = new PropertyValues(values);
            values = null;
            return built;
        }
    }
}
