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
 */
public record Layer(String name, String title, String titleZh, String description, GeometryKind geometryKind,
                    List<PropertyDefinition> properties, String source, String positionalAccuracy) {
    public Layer {
        Identifiers.requireValid(name, "layer name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(geometryKind, "geometryKind");
        properties = List.copyOf(properties);
        if (properties.stream().map(PropertyDefinition::name).distinct().count() != properties.size()) {
            throw new IllegalArgumentException("layer '" + name + "' has duplicate property names");
        }
    }

    public Optional<PropertyDefinition> property(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }
}
