package parkgrid.feature;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named feature collection: one geometry kind (EPSG:4326) and an ordered, typed property schema.
 *
 * @param name               identifier, used as table name and collection id
 * @param title              English title
 * @param titleZh            Chinese title, may be null
 * @param description        one sentence, may be null
 * @param geometryKind       the single geometry type of the layer's features
 * @param properties         the ordered property schema
 * @param source             where the data comes from, may be null
 * @param positionalAccuracy how exact the positions are, may be null
 * @param figures            figures the source states about this layer (counts, totals, targets), may be empty
 */
public record Layer(String name, String title, String titleZh, String description, GeometryKind geometryKind,
                    List<PropertyDefinition> properties, String source, String positionalAccuracy,
                    List<StatedFigure> figures) {
    /** A layer without stated figures. */
    public Layer(String name, String title, String titleZh, String description, GeometryKind geometryKind,
                 List<PropertyDefinition> properties, String source, String positionalAccuracy) {
        this(name, title, titleZh, description, geometryKind, properties, source, positionalAccuracy, List.of());
    }

    public Layer {
        figures = figures == null ? List.of() : List.copyOf(figures);
        Identifiers.requireValid(name, "layer name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(geometryKind, "geometryKind");
        properties = List.copyOf(properties);
        if (properties.stream().map(PropertyDefinition::name).distinct().count() != properties.size()) {
            throw new IllegalArgumentException("layer '" + name + "' has duplicate property names");
        }
        for (StatedFigure f : figures) {
            if (f.measure() == null) continue;
            for (String p : f.measure().where().keySet()) {
                if (properties.stream().noneMatch(d -> d.name().equals(p))) {
                    throw new IllegalArgumentException("layer '" + name + "', figure " + f.key() + ": no property '" + p + "'");
                }
            }
            String sum = f.measure().sum();
            if (sum != null && properties.stream().noneMatch(d -> d.name().equals(sum) && d.type() != PropertyType.STRING)) {
                throw new IllegalArgumentException("layer '" + name + "', figure " + f.key() + ": no number property '" + sum + "' to sum");
            }
        }
    }

    public Optional<PropertyDefinition> property(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }
}
