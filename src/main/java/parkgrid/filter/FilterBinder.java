package parkgrid.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;

/**
 * Checks a parsed {@link Filter} against a {@link Layer} schema and returns the {@link BoundFilter} the
 * evaluator and SQL translation accept.
 *
 * <ul>
 *   <li>A property must be in the schema; the layer's one geometry may be named anything in a spatial
 *       predicate ({@code geom}, {@code geometry}, ...) unless the name is a schema property.</li>
 *   <li>Literals must match the property type: strings for string properties, numbers for integer and
 *       number properties. A number written as a string ({@code population > '5'}) is rejected, not
 *       coerced; integers compared with a number property become {@code Double}s, whole decimals compared
 *       with an integer property become {@code Long}s.</li>
 *   <li>LIKE applies only to string properties. Boolean literals match no property type.</li>
 * </ul>
 *
 * @see Cql2TextParser
 */
public final class FilterBinder {
    private final Layer layer;

    private FilterBinder(Layer layer) {
        this.layer = layer;
    }

    /**
     * Binds {@code filter} to {@code layer}.
     *
     * @throws ParkGridException (invalid input) for parameter {@code filter} naming the unknown property or mismatched value
     */
    public static BoundFilter bind(Filter filter, Layer layer) {
        if (filter == null || layer == null) throw new IllegalArgumentException("filter and layer are required");
        return new BoundFilter(layer, new FilterBinder(layer).bind(filter));
    }

    /**
     * Parses CQL2 Text (geometry literals in CRS84) and binds it to {@code layer}.
     *
     * @throws ParkGridException (invalid input) for parameter {@code filter}, for syntax or schema errors
     */
    public static BoundFilter parseAndBind(String cql2Text, Layer layer) {
        return bind(Cql2TextParser.parse(cql2Text), layer);
    }

    /**
     * Parses a {@code filter} request parameter in {@code language} with geometry literals in {@code crs}
     * and binds it to {@code layer}.
     *
     * @throws ParkGridException (invalid input) for parameter {@code filter}, for syntax or schema errors
     */
    public static BoundFilter parseAndBind(String filter, FilterLanguage language, parkgrid.geo.SupportedCrs crs, Layer layer) {
        Filter parsed = language == FilterLanguage.CQL2_JSON ? Cql2JsonParser.parse(filter, crs) : Cql2TextParser.parse(filter, crs);
        return bind(parsed, layer);
    }

    private Filter bind(Filter f) {
        if (f instanceof Filter.And a) return new Filter.And(bindAll(a.operands()));
        if (f instanceof Filter.Or o) return new Filter.Or(bindAll(o.operands()));
        if (f instanceof Filter.Not n) return new Filter.Not(bind(n.operand()));
        if (f instanceof Filter.Constant) return f;
        if (f instanceof Filter.Comparison c) {
            PropertyDefinition p = property(c.property(), c.functions());
            return new Filter.Comparison(p.name(), c.functions(), c.operator(), literal(c.value(), p));
        }
        if (f instanceof Filter.Like l) {
            PropertyDefinition p = property(l.property(), l.functions());
            if (p.type() != PropertyType.STRING) {
                throw error("LIKE needs a string property but '" + p.name() + "' is " + typeName(p.type()));
            }
            return l;
        }
        if (f instanceof Filter.In in) {
            PropertyDefinition p = property(in.property(), in.functions());
            List<Object> values = new ArrayList<>();
            for (Object v : in.values()) values.add(literal(v, p));
            return new Filter.In(p.name(), in.functions(), values);
        }
        if (f instanceof Filter.Between b) {
            PropertyDefinition p = property(b.property(), b.functions());
            return new Filter.Between(p.name(), b.functions(), literal(b.low(), p), literal(b.high(), p));
        }
        if (f instanceof Filter.IsNull n) return new Filter.IsNull(property(n.property()).name());
        if (f instanceof Filter.SpatialPredicate s) {
            if (layer.property(s.property()).isPresent()) {
                PropertyDefinition p = layer.property(s.property()).get();
                throw error(s.operator() + " needs the geometry but '" + p.name() + "' is " + typeName(p.type()) + " property");
            }
            return new Filter.SpatialPredicate(s.operator(), BoundFilter.GEOMETRY_COLUMN, s.geometry());
        }
        throw new AssertionError(f);
    }

    private List<Filter> bindAll(List<Filter> operands) {
        List<Filter> bound = new ArrayList<>();
        for (Filter f : operands) bound.add(bind(f));
        return bound;
    }

    /** The schema property, which must be a string one when text functions are applied to it. */
    private PropertyDefinition property(String name, List<TextFunction> functions) {
        PropertyDefinition p = property(name);
        if (!functions.isEmpty() && p.type() != PropertyType.STRING) {
            throw error(functions.get(0) + " needs a string property but '" + p.name() + "' is " + typeName(p.type()));
        }
        return p;
    }

    private PropertyDefinition property(String name) {
        return layer.property(name).orElseThrow(() -> {
            if (name.equals(BoundFilter.GEOMETRY_COLUMN) || name.equals("geometry")) {
                return error("'" + name + "' is the geometry; test it with " + SpatialOperator.names());
            }
            String known = layer.properties().stream().map(PropertyDefinition::name).collect(Collectors.joining(", "));
            return error("unknown property '" + name + "'; layer '" + layer.name() + "' has "
                    + (known.isEmpty() ? "no properties" : known));
        });
    }

    private static Object literal(Object value, PropertyDefinition p) {
        switch (p.type()) {
            case STRING:
                if (value instanceof String) return value;
                break;
            case INTEGER:
                if (value instanceof Long) return value;
                if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) return d.longValue();
                if (value instanceof Double) return value;
                break;
            case NUMBER:
                if (value instanceof Long n) return n.doubleValue();
                if (value instanceof Double) return value;
                break;
            default:
                throw new AssertionError(p.type());
        }
        String hint = p.type() == PropertyType.STRING ? "a 'quoted' string" : "a number (without quotes)";
        throw error("property '" + p.name() + "' is " + typeName(p.type()) + ", so compare it with " + hint
                + ", not " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof String s) return "the string '" + s.replace("'", "''") + "'";
        if (value instanceof Boolean b) return b ? "TRUE" : "FALSE";
        return "the number " + value;
    }

    private static String typeName(PropertyType type) {
        return type == PropertyType.INTEGER ? "an integer" : "a " + type.jsonName();
    }

    private static ParkGridException error(String message) {
        return ParkGridException.invalidParameter("filter", "filter: " + message);
    }
}
