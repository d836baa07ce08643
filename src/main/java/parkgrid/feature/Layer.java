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
 * @param temporalProperty   the property holding each feature's time, which OGC API {@code datetime} filters on:
 *                           a string property with RFC 3339 UTC text ({@code 2026-12-01T08:30:00Z}, or a date) or
 *                           an integer property with a calendar year; null when the layer has no time
 * @param figures            figures the source states about this layer (counts, totals, targets), may be empty
 */
public record Layer(String name, String title, String titleZh, String description, GeometryKind geometryKind,
                    List<PropertyDefinition> properties, String source, String positionalAccuracy,
                    String temporalProperty, List<StatedFigure> figures) {
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
        if (temporalProperty != null) {
            String t = temporalProperty;
            PropertyDefinition p = properties.stream().filter(d -> d.name().equals(t)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("layer '" + name + "': temporal property '" + t + "' is not in its schema"));
            if (p.type() == PropertyType.NUMBER) {
                throw new IllegalArgumentException("layer '" + name + "': temporal property '" + t
                        + "' must be a string (RFC 3339) or an integer (year), not a number");
            }
        }
    }

    /** A layer without a temporal property and without stated figures. */
    public Layer(String name, String title, String titleZh, String description, GeometryKind geometryKind,
                 List<PropertyDefinition> properties, String source, String positionalAccuracy) {
        this(name, title, titleZh, description, geometryKind, properties, source, positionalAccuracy, null, List.of());
    }

    /** A layer with a temporal property and without stated figures. */
    public Layer(String name, String title, String titleZh, String description, GeometryKind geometryKind,
                 List<PropertyDefinition> properties, String source, String positionalAccuracy, String temporalProperty) {
        this(name, title, titleZh, description, geometryKind, properties, source, positionalAccuracy, temporalProperty, List.of());
    }

    /** A layer without a temporal property, with the figures its source states. */
    public Layer(String name, String title, String titleZh, String description, GeometryKind geometryKind,
                 List<PropertyDefinition> properties, String source, String positionalAccuracy, List<StatedFigure> figures) {
        this(name, title, titleZh, description, geometryKind, properties, source, positionalAccuracy, null, figures);
    }

    /** The definition of the temporal property, if the layer has one. */
    public Optional<PropertyDefinition> temporal() {
        return temporalProperty == null ? Optional.empty() : property(temporalProperty);
    }

    /**
     * This layer with {@code added} after its properties (everything else the same).
     *
     * @throws IllegalArgumentException when the layer has a property of that name
     */
    public Layer withProperty(PropertyDefinition added) {
        List<PropertyDefinition> more = new java.util.ArrayList<>(properties);
        more.add(added);
        return new Layer(name, title, titleZh, description, geometryKind, more, source, positionalAccuracy, temporalProperty, figures);
    }

    public Optional<PropertyDefinition> property(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }
}
