package parkgrid.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.SupportedCrs;

/**
 * Parses CQL2 JSON ({@code filter-lang=cql2-json}) into the same {@link Filter} tree as {@link
 * Cql2TextParser}: {@code {"op": "and", "args": [...]}} for and/or/not, the comparisons
 * ({@code = <> < <= > >=}), {@code like}, {@code between}, {@code in} (second argument an array),
 * {@code isNull} and the spatial functions ({@code s_intersects} ...); operands are JSON strings, numbers
 * and booleans, {@code {"property": "name"}}, {@code {"date": "2024-05-01"}}, {@code {"timestamp":
 * "2024-05-01T08:30:00Z"}}, {@code {"op": "casei"|"accenti", "args": [x]}}, GeoJSON geometries (including
 * GeometryCollection) and {@code {"bbox": [min1, min2, max1, max2]}}. A whole filter may be {@code true} or
 * {@code false}. Operator names are case-insensitive. Geometry positions are in the axis order of the
 * literal CRS ({@code filter-crs}), converted to CRS84 as in text.
 *
 * <p>Errors are invalid input for parameter {@code filter} and name the JSON Pointer of the offending member, e.g.
 * {@code filter: at /args/1/args/0: unknown operator "intersects"}.
 */
public final class Cql2JsonParser {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4 * Cql2TextParser.MAX_DEPTH).build()).build());
    private static final Map<String, ComparisonOperator> COMPARISONS = Map.of("=", ComparisonOperator.EQUAL, "<>", ComparisonOperator.NOT_EQUAL,
            "<", ComparisonOperator.LESS, "<=", ComparisonOperator.LESS_OR_EQUAL, ">", ComparisonOperator.GREATER,
            ">=", ComparisonOperator.GREATER_OR_EQUAL);

    private final SupportedCrs crs;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
    private int depth;

    private Cql2JsonParser(SupportedCrs crs) {
        this.crs = crs;
    }

    /** Parses CQL2 JSON with geometry literals in CRS84. @throws ParkGridException (invalid input) naming the JSON path */
    public static Filter parse(String json) {
        return parse(json, SupportedCrs.CRS84);
    }

    /** Parses CQL2 JSON with geometry literals in {@code crs}. @throws ParkGridException (invalid input) naming the JSON path */
    public static Filter parse(String json, SupportedCrs crs) {
        if (json == null || crs == null) throw new IllegalArgumentException("filter JSON and CRS are required");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at character " + (e.getLocation().getCharOffset() + 1);
            throw ParkGridException.invalidParameter("filter", "filter: not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) throw error("", "expected a CQL2 JSON filter but found nothing");
        return new Cql2JsonParser(crs).booleanExpression(root, "");
    }

    static ParkGridException error(String path, String message) {
        return ParkGridException.invalidParameter("filter", "filter: at " + (path.isEmpty() ? "/" : path) + ": " + message);
    }

    // ---- boolean expressions

    private Filter booleanExpression(JsonNode node, String path) {
        if (node.isBoolean()) return new Filter.Constant(node.booleanValue());
        if (!node.isObject() || !node.has("op")) throw error(path, "expected a predicate {\"op\": ..., \"args\": [...]} or true/false but found " + describe(node));
        if (++depth > Cql2TextParser.MAX_DEPTH) throw error(path, "the filter nests deeper than " + Cql2TextParser.MAX_DEPTH + " levels");
        try {
            return predicate(node, path);
        } finally {
            depth--;
        }
    }

    private Filter predicate(JsonNode node, String path) {
        String op = op(node, path);
        JsonNode args = node.get("args");
        String argsPath = path + "/args";
        if (args == null || !args.isArray()) throw error(argsPath, "\"" + op + "\" needs an \"args\" array");
        switch (op) {
            case "and", "or" -> {
                if (args.size() < 2) throw error(argsPath, "\"" + op + "\" needs at least 2 arguments, got " + args.size());
                List<Filter> operands = new ArrayList<>();
                Class<? extends Filter> kind = op.equals("and") ? Filter.And.class : Filter.Or.class;
                for (int i = 0; i < args.size(); i++) {
                    Cql2TextParser.addFlattened(operands, booleanExpression(args.get(i), argsPath + "/" + i), kind);
                }
                return op.equals("and") ? new Filter.And(operands) : new Filter.Or(operands);
            }
            case "not" -> {
                count(args, 1, op, argsPath);
                return new Filter.Not(booleanExpression(args.get(0), argsPath + "/0"));
            }
            case "isnull" -> {
                count(args, 1, "isNull", argsPath);
                return new Filter.IsNull(scalar(args.get(0), argsPath + "/0", true).requireProperty(argsPath + "/0", "isNull"));
            }
            case "like" -> {
                count(args, 2, op, argsPath);
                Operand left = scalar(args.get(0), argsPath + "/0", true);
                left.requireProperty(argsPath + "/0", "like");
                Operand pattern = scalar(args.get(1), argsPath + "/1", false);
                if (!(pattern.literal() instanceof String p)) throw error(argsPath + "/1", "\"like\" needs a string pattern but found " + describe(args.get(1)));
                if (LikePattern.endsWithEscape(p)) throw error(argsPath + "/1", "the LIKE pattern ends with the escape character '\\'");
                return new Filter.Like(left.property(), left.functions(), p);
            }
            case "between" -> {
                count(args, 3, op, argsPath);
                Operand left = scalar(args.get(0), argsPath + "/0", true);
                left.requireProperty(argsPath + "/0", "between");
                return new Filter.Between(left.property(), left.functions(), literal(args.get(1), argsPath + "/1"), literal(args.get(2), argsPath + "/2"));
            }
            case "in" -> {
                count(args, 2, op, argsPath);
                Operand left = scalar(args.get(0), argsPath + "/0", true);
                left.requireProperty(argsPath + "/0", "in");
                JsonNode list = args.get(1);
                if (!list.isArray() || list.isEmpty()) throw error(argsPath + "/1", "\"in\" needs a non-empty array of values but found " + describe(list));
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) values.add(literal(list.get(i), argsPath + "/1/" + i));
                return new Filter.In(left.property(), left.functions(), values);
            }
            default -> {
                ComparisonOperator comparison = COMPARISONS.get(op);
                if (comparison != null) return comparison(comparison, args, argsPath);
                SpatialOperator spatial = SpatialOperator.fromName(op);
                if (spatial != null) return spatial(spatial, args, argsPath);
                throw error(path + "/op", "unknown operator \"" + node.get("op").asText() + "\"; supported are and, or, not, =, <>, <, <=, >, >=,"
                        + " like, between, in, isNull, " + SpatialOperator.names().toLowerCase(Locale.ROOT) + " (casei and accenti as operands)");
            }
        }
    }

    private static String op(JsonNode node, String path) {
        JsonNode op = node.get("op");
        if (!op.isTextual()) throw error(path + "/op", "\"op\" must be a string but found " + describe(op));
        return op.textValue().toLowerCase(Locale.ROOT);
    }

    private static void count(JsonNode args, int n, String op, String path) {
        if (args.size() != n) throw error(path, "\"" + op + "\" needs " + n + " argument" + (n == 1 ? "" : "s") + ", got " + args.size());
    }

    private Filter comparison(ComparisonOperator op, JsonNode args, String path) {
        count(args, 2, op.symbol(), path);
        Operand left = scalar(args.get(0), path + "/0", true);
        Operand right = scalar(args.get(1), path + "/1", true);
        if (left.isProperty() && right.isProperty()) {
            throw error(path, "comparing two properties ('" + left.property() + "' and '" + right.property() + "') is not supported; compare a property with a value");
        }
        if (!left.isProperty() && !right.isProperty()) throw error(path, "one argument of \"" + op.symbol() + "\" must be a property");
        return left.isProperty() ? new Filter.Comparison(left.property(), left.functions(), op, right.literal())
                : new Filter.Comparison(right.property(), right.functions(), op.converse(), left.literal());
    }

    // ---- scalars

    /** A property with text functions (innermost first), or a literal with them applied. */
    private record Operand(String property, Object literal, List<TextFunction> functions) {
        boolean isProperty() { return property != null; }

        String requireProperty(String path, String op) {
            if (!isProperty()) throw error(path, "\"" + op + "\" needs a property as its first argument");
            return property;
        }
    }

    private Object literal(JsonNode node, String path) {
        Operand o = scalar(node, path, false);
        return o.literal();
    }

    private Operand scalar(JsonNode node, String path, boolean propertyAllowed) {
        if (node.isTextual()) return new Operand(null, node.textValue(), List.of());
        if (node.isBoolean()) return new Operand(null, node.booleanValue(), List.of());
        if (node.isNumber()) {
            Object v = node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
            if (v instanceof Double d && !Double.isFinite(d)) throw error(path, "the number " + node.asText() + " is out of range");
            return new Operand(null, v, List.of());
        }
        if (node.isObject()) {
            if (node.has("property")) {
                JsonNode p = node.get("property");
                if (!p.isTextual() || p.textValue().isEmpty()) throw error(path + "/property", "a property name must be a non-empty string");
                if (!propertyAllowed) throw error(path, "expected a value but found the property '" + p.textValue() + "'");
                return new Operand(p.textValue(), null, List.of());
            }
            if (node.has("date") || node.has("timestamp")) {
                boolean date = node.has("date");
                JsonNode v = node.get(date ? "date" : "timestamp");
                String member = path + "/" + (date ? "date" : "timestamp");
                if (!v.isTextual()) throw error(member, "expected an RFC 3339 string but found " + describe(v));
                try {
                    return new Operand(null, date ? TemporalLiteral.date(v.textValue()) : TemporalLiteral.timestamp(v.textValue()), List.of());
                } catch (IllegalArgumentException e) {
                    throw error(member, e.getMessage());
                }
            }
            if (node.has("op") && node.get("op").isTextual() && TextFunction.fromName(node.get("op").textValue()) != null) {
                return textFunction(node, path, propertyAllowed);
            }
        }
        throw error(path, "expected a value" + (propertyAllowed ? ", {\"property\": ...}" : "") + ", {\"date\": ...}, {\"timestamp\": ...}"
                + " or {\"op\": \"casei\"/\"accenti\", ...} but found " + describe(node));
    }

    private Operand textFunction(JsonNode node, String path, boolean propertyAllowed) {
        TextFunction function = TextFunction.fromName(node.get("op").textValue());
        JsonNode args = node.get("args");
        if (args == null || !args.isArray()) throw error(path + "/args", "\"" + function.name().toLowerCase(Locale.ROOT) + "\" needs an \"args\" array");
        count(args, 1, function.name().toLowerCase(Locale.ROOT), path + "/args");
        if (++depth > Cql2TextParser.MAX_DEPTH) throw error(path, "the filter nests deeper than " + Cql2TextParser.MAX_DEPTH + " levels");
        Operand inner = scalar(args.get(0), path + "/args/0", propertyAllowed);
        depth--;
        if (inner.isProperty()) {
            List<TextFunction> functions = new ArrayList<>(inner.functions());
            functions.add(function);
            return new Operand(inner.property(), null, functions);
        }
        if (!(inner.literal() instanceof String s)) {
            throw error(path + "/args/0", function + " needs a string or a string property but found " + describe(args.get(0)));
        }
        return new Operand(null, function.apply(s), List.of());
    }

    // ---- spatial

    private Filter spatial(SpatialOperator op, JsonNode args, String path) {
        count(args, 2, op.name().toLowerCase(Locale.ROOT), path);
        Object first = spatialArgument(args.get(0), path + "/0");
        Object second = spatialArgument(args.get(1), path + "/1");
        if (first instanceof String p && second instanceof Geometry g) return new Filter.SpatialPredicate(op, p, g);
        if (first instanceof Geometry g && second instanceof String p) return new Filter.SpatialPredicate(op.converse(), p, g);
        if (first instanceof Geometry a && second instanceof Geometry b) return new Filter.Constant(op.test(a, b));
        throw error(path, op.name().toLowerCase(Locale.ROOT) + " needs a geometry literal as one argument; comparing the geometry with itself"
                + " or another property is not supported");
    }

    /** A property name (String) or a geometry literal converted to CRS84 (Geometry). */
    private Object spatialArgument(JsonNode node, String path) {
        if (node.isObject() && node.has("property") && node.get("property").isTextual()) return node.get("property").textValue();
        if (node.isObject() && (node.has("type") || node.has("bbox"))) {
            String what = node.has("type") ? node.get("type").asText() : "bbox";
            Geometry asWritten = node.has("type") ? geometry(node, path) : bbox(node.get("bbox"), path + "/bbox");
            return GeometryLiteralCheck.toCrs84(asWritten, crs, what, message -> error(path, message));
        }
        throw error(path, "expected {\"property\": ...}, a GeoJSON geometry or {\"bbox\": [...]} but found " + describe(node));
    }

    private Geometry bbox(JsonNode box, String path) {
        if (!box.isArray()) throw error(path, "a bbox must be an array of 4 or 6 numbers");
        List<Double> n = new ArrayList<>();
        for (int i = 0; i < box.size(); i++) {
            if (!box.get(i).isNumber()) throw error(path + "/" + i, "expected a number but found " + describe(box.get(i)));
            n.add(box.get(i).doubleValue());
        }
        try {
            return GeometryLiteralCheck.box(n, crs, factory);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    private Geometry geometry(JsonNode node, String path) {
        String type = node.get("type").asText();
        if (type.equals("GeometryCollection")) {
            JsonNode geometries = node.get("geometries");
            if (geometries == null || !geometries.isArray()) throw error(path + "/geometries", "a GeometryCollection needs a \"geometries\" array");
            Geometry[] parts = new Geometry[geometries.size()];
            for (int i = 0; i < parts.length; i++) {
                JsonNode g = geometries.get(i);
                if (!g.isObject() || !g.has("type")) throw error(path + "/geometries/" + i, "expected a GeoJSON geometry but found " + describe(g));
                parts[i] = geometry(g, path + "/geometries/" + i);
            }
            return factory.createGeometryCollection(parts);
        }
        JsonNode c = node.get("coordinates");
        String cp = path + "/coordinates";
        if (c == null || !c.isArray()) throw error(cp, "a " + type + " needs a \"coordinates\" array");
        try {
            return switch (type) {
                case "Point" -> factory.createPoint(position(c, cp));
                case "LineString" -> factory.createLineString(positions(c, cp));
                case "Polygon" -> polygon(c, cp);
                case "MultiPoint" -> factory.createMultiPointFromCoords(positions(c, cp));
                case "MultiLineString" -> {
                    LineString[] lines = new LineString[c.size()];
                    for (int i = 0; i < lines.length; i++) lines[i] = factory.createLineString(positions(c.get(i), cp + "/" + i));
                    yield factory.createMultiLineString(lines);
                }
                case "MultiPolygon" -> {
                    Polygon[] polygons = new Polygon[c.size()];
                    for (int i = 0; i < polygons.length; i++) polygons[i] = polygon(c.get(i), cp + "/" + i);
                    yield factory.createMultiPolygon(polygons);
                }
                default -> throw error(path + "/type", "unknown geometry type \"" + type + "\"; use Point, LineString, Polygon, MultiPoint,"
                        + " MultiLineString, MultiPolygon or GeometryCollection");
            };
        } catch (IllegalArgumentException e) {
            throw error(path, "the " + type + " is not a valid geometry: " + e.getMessage());
        }
    }

    private Polygon polygon(JsonNode rings, String path) {
        if (!rings.isArray() || rings.isEmpty()) throw error(path, "a polygon needs an array of rings");
        LinearRing[] r = new LinearRing[rings.size()];
        for (int i = 0; i < r.length; i++) r[i] = factory.createLinearRing(positions(rings.get(i), path + "/" + i));
        return factory.createPolygon(r[0], java.util.Arrays.copyOfRange(r, 1, r.length));
    }

    private Coordinate[] positions(JsonNode list, String path) {
        if (!list.isArray() || list.isEmpty()) throw error(path, "expected an array of positions but found " + describe(list));
        Coordinate[] out = new Coordinate[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = position(list.get(i), path + "/" + i);
        return out;
    }

    /** {@code [a, b]} or {@code [a, b, height]} in the CRS's axis order; the height is dropped. */
    private Coordinate position(JsonNode p, String path) {
        if (!p.isArray() || p.size() < 2 || p.size() > 3) throw error(path, "a position is an array of 2 or 3 numbers but found " + describe(p));
        double[] v = new double[2];
        for (int i = 0; i < 2; i++) {
            if (!p.get(i).isNumber()) throw error(path + "/" + i, "expected a number but found " + describe(p.get(i)));
            v[i] = p.get(i).doubleValue();
            String problem = GeometryLiteralCheck.axis(crs, i).problem(v[i], crs);
            if (problem != null) throw error(path + "/" + i, problem);
        }
        return new Coordinate(v[0], v[1]);
    }

    private static String describe(JsonNode node) {
        String s = node.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
