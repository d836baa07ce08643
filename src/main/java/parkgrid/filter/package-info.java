/**
 * OGC API – Features Part 3 filtering: a subset of CQL2 Text, parsed by hand ({@link
 * parkgrid.filter.Cql2TextParser}), checked against a layer schema ({@link parkgrid.filter.FilterBinder}),
 * then decided either in Java ({@link parkgrid.filter.FilterEvaluator}) or in SQL ({@link
 * parkgrid.filter.FilterSql}, PostGIS and SQLite/GeoPackage) with the same answers.
 *
 * <h2>Supported grammar</h2>
 * <pre>
 * filter     = or-expr
 * or-expr    = and-expr { OR and-expr }
 * and-expr   = not-expr { AND not-expr }
 * not-expr   = NOT not-expr | primary
 * primary    = "(" or-expr ")" | spatial | predicate
 * predicate  = operand ("=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") operand   -- one side a property, one a literal
 *            | property [NOT] LIKE string                    -- % any run, _ one character, \ escapes; case-sensitive
 *            | property [NOT] IN "(" literal { "," literal } ")"
 *            | property [NOT] BETWEEN literal AND literal     -- both ends included
 *            | property IS [NOT] NULL
 * spatial    = (S_INTERSECTS | S_WITHIN | S_CONTAINS | S_DISJOINT) "(" sp-arg "," sp-arg ")"   -- one property, one geometry
 * sp-arg     = property | geometry
 * geometry   = POINT(x y) | LINESTRING(x y, ...) | POLYGON((x y, ...), ...) | MULTIPOINT((x y), ...) or MULTIPOINT(x y, ...)
 *            | MULTILINESTRING((x y, ...), ...) | MULTIPOLYGON(((x y, ...), ...), ...)
 *            | BBOX(minx, miny, maxx, maxy) | BBOX(minx, miny, minz, maxx, maxy, maxz)
 * operand    = property | literal
 * property   = identifier | "double quoted"                 -- "" inside stands for one "
 * literal    = 'string' | number | TRUE | FALSE               -- '' inside a string stands for one '
 * number     = [+|-] digits [. digits] [(e|E) [+|-] digits]    -- integers become Long, others Double
 * </pre>
 * Keywords are case-insensitive; property names are case-sensitive. Precedence is NOT, then AND, then OR.
 * Negated forms are represented as {@link parkgrid.filter.Filter.Not} of the positive predicate.
 *
 * <h2>Coordinates</h2>
 * Geometry literals are CRS84: x = longitude, y = latitude, in degrees, 2D. This is the axis order of the
 * EPSG:4326 features in ParkGrid, so no axis swap happens anywhere; spatial predicates are planar in degrees,
 * as PostGIS {@code geometry} functions are. Literals outside lon [-180, 180] / lat [-90, 90] or not OGC-valid
 * are rejected.
 *
 * <h2>Semantics</h2>
 * SQL three-valued logic: any predicate other than IS NULL on an absent (null) property is unknown, NOT
 * unknown is unknown, and a feature matches only when the whole filter is TRUE.
 *
 * <h2>Errors</h2>
 * Every error is a {@link parkgrid.feature.ParkGridException} 400 for parameter {@code filter}. Syntax errors
 * name the 1-based character position and what was expected, e.g. {@code filter: at position 14: expected a
 * value after '=' but found end of text}; schema errors name the property.
 *
 * <h2>Not supported</h2>
 * Temporal and array predicates, arithmetic, functions other than the four spatial ones (including CASEI and
 * ACCENTI), property-to-property comparisons, GEOMETRYCOLLECTION and Z/M literals, and the JSON encoding.
 */
package parkgrid.filter;
