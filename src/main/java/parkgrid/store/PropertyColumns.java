package parkgrid.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import parkgrid.feature.PropertyValues;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;

/** Reads a layer's property columns from a result row, typed by the schema, in the same way for both stores. */
public final class PropertyColumns {
    private PropertyColumns() {}

    /** The schema's values from {@code rs}, starting at column {@code first} (1-based). */
    public static Map<String, Object> read(Layer layer, ResultSet rs, int first) throws SQLException {
        PropertyValues.Builder values = PropertyValues.builder(layer.properties().size());
        int i = first;
        for (PropertyDefinition p : layer.properties()) {
            Object v = switch (p.type()) {
                case STRING -> rs.getString(i);
                case INTEGER -> { long l = rs.getLong(i); yield rs.wasNull() ? null : l; }
                case NUMBER -> { double d = rs.getDouble(i); yield rs.wasNull() ? null : d; }
            };
            values.put(p.name(), v);
            i++;
        }
        return values.build();
    }
}
