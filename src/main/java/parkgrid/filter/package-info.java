/**
 * OGC API – Features Part 3 filtering: CQL2 Text ({@link parkgrid.filter.Cql2TextParser}) and CQL2 JSON
 * ({@link parkgrid.filter.Cql2JsonParser}), parsed by hand into one tree ({@link parkgrid.filter.Filter}),
 * checked against a layer schema ({@link parkgrid.filter.FilterBinder}) and decided in Java ({@link
 * parkgrid.filter.FilterEvaluator}). This package writes no SQL and depends on no store: {@code
 * parkgrid.store.FilterSql} translates a {@link parkgrid.filter.BoundFilter} for PostGIS and SQLite/GeoPackage
 * with the same answers as the evaluator. Covered: the CQL2 classes basic-cql2, basic-spatial-functions,
 * basic-spatial-functions-plus, spatial-functions, case-insensitive-comparison, accent-insensitive-comparison
 * and advanced comparison (LIKE, IN, BETWEEN), in both encodings.
 *
 * <h2>Supported text grammar</h2>
 * <pre>
 * filter     = or-expr
 * or-expr    = and-expr { OR and-expr }
 * and-expr   = not-expr { AND not-expr }
 * not-expr   = NOT not-expr | primary
 * primary    = "(" or-expr ")" | TRUE | FALSE | spatial | predicate
 * predicate  = operand ("=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") operand   -- one side a property, one a literal
 *            | text [NOT] LIKE pattern                       -- % any run, _ one character, \ escapes; case-sensitive
 *            | text [NOT] IN "(" operand { "," operand } ")"
 *            | text [NOT] BETWEEN operand AND operand        -- both ends included
 *            | text IS [NOT] NULL
 * text       = property | CASEI "(" text ")" | ACCENTI "(" text ")"
 * pattern    = 'string' | CASEI "(" pattern ")" | ACCENTI "(" pattern ")"
 * spatial    = (S_INTERSECTS | S_EQUALS | S_DISJOINT | S_TOUCHES | S_WITHIN | S_OVERLAPS | S_CROSSES | S_CONTAINS)
 *              "(" sp-arg "," sp-arg ")"                    -- at least one geometry literal
 * sp-arg     = property | geometry
 * geometry   = POINT [Z] (x y [z]) | LINESTRING [Z] (...) | POLYGON [Z] ((...), ...) | MULTIPOINT [Z] ((x y), ...) or (x y, ...)
 *            | MULTILINESTRING [Z] (...) | MULTIPOLYGON [Z] (...) | GEOMETRYCOLLECTION [Z] (geometry, ...)
 *            | BBOX(min1, min2, max1, max2) | BBOX(min1, min2, minz, max1, max2, maxz)
 * operand    = text | literal | CASEI "(" 'string' ")" | ACCENTI "(" 'string' ")"
 * property   = identifier | "double quoted"                 -- "" inside stands for one "
 * literal    = 'string' | number | TRUE | FALSE | DATE('yyyy-mm-dd') | TIMESTAMP('yyyy-mm-ddThh:mm:ss[.f]Z')
 * number     = [+|-] digits [. digits] [(e|E) [+|-] digits]    -- integers become Long, others Double
 * </pre>
 * Keywords and function names are case-insensitive; property names are case-sensitive. Precedence is NOT,
 * then AND, then OR. Negated forms are represented as {@link parkgrid.filter.Filter.Not} of the positive
 * predicate. A spatial function of two literals is decided while parsing. DATE and TIMESTAMP become their
 * RFC 3339 strings and compare with text properties (see {@link parkgrid.filter.TemporalLiteral}).
 *
 * <h2>CASEI and ACCENTI</h2>
 * {@link parkgrid.filter.TextFunction} defines both (full Unicode case mapping; NFD, combining marks removed,
 * stroked letters replaced, NFC): Chinese text is unchanged by either. PostGIS computes them in SQL with the
 * same steps (ICU root collation, {@code normalize}, {@code regexp_replace}, {@code translate}); the
 * GeoPackage leaves them to Java, because SQLite's {@code lower()} knows only ASCII.
 *
 * <h2>Coordinates</h2>
 * Geometry literals are in the {@code filter-crs} (default CRS84: x = longitude, y = latitude, in degrees),
 * written in that CRS's axis order (EPSG:4326 and EPSG:4490 latitude first; EPSG:4546 northing first), and
 * converted to CRS84 lon/lat, the axis order of the EPSG:4326 features here; spatial predicates are planar in
 * degrees, as PostGIS {@code geometry} functions are. Heights are dropped. Literals outside lon [-180, 180] /
 * lat [-90, 90] or not OGC-valid are rejected.
 *
 * <h2>Semantics</h2>
 * SQL three-valued logic: any predicate other than IS NULL on an absent (null) property is unknown, NOT
 * unknown is unknown, and a feature matches only when the whole filter is TRUE.
 *
 * <h2>Errors</h2>
 * Every error is a {@link parkgrid.feature.ParkGridException} (invalid input) for parameter {@code filter}. Text syntax
 * errors name the 1-based character position and what was expected, e.g. {@code filter: at position 14:
 * expected a value after '=' but found end of text}; JSON errors name the JSON Pointer, e.g. {@code filter: at
 * /args/1/op: unknown operator "intersects"}; schema errors name the property.
 *
 * <h2>Not supported</h2>
 * Temporal functions and intervals, array functions, arithmetic, custom functions, property-to-property
 * comparisons (also between two geometry properties), and boolean properties (the stores have none).
 */
package parkgrid.filter;
