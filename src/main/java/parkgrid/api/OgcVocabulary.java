package parkgrid.api;

import java.util.List;

/** OGC API media types, link relations and conformance classes, defined once. */
public final class OgcVocabulary {
    private OgcVocabulary() {}

    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String HTML = "text/html";
    public static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";
    public static final String SCHEMA_JSON = "application/schema+json";
    public static final String PROBLEM_JSON = "application/problem+json";
    /** JSON Merge Patch (RFC 7396), the body of a PATCH (OGC API – Features Part 4 update). */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    public static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public static final String REL_SELF = "self";
    public static final String REL_ALTERNATE = "alternate";
    public static final String REL_SERVICE_DESC = "service-desc";
    public static final String REL_SERVICE_DOC = "service-doc";
    public static final String REL_CONFORMANCE = "conformance";
    public static final String REL_DATA = "data";
    public static final String REL_ITEMS = "items";
    public static final String REL_COLLECTION = "collection";
    public static final String REL_NEXT = "next";
    public static final String REL_PREV = "prev";
    public static final String REL_DESCRIBEDBY = "describedby";
    public static final String REL_ENCLOSURE = "enclosure";
    public static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    public static final String REL_EXECUTE = "http://www.opengis.net/def/rel/ogc/1.0/execute";

    /**
     * What {@code /conformance} declares: OGC API – Features Part 1 (core, OpenAPI 3.0, HTML, GeoJSON),
     * Part 2 (crs) and Part 3 (filter, features-filter) with CQL2 text and JSON, basic CQL2, the spatial
     * function classes and case-/accent-insensitive comparison; Part 4 (create, replace, delete; update by
     * PATCH; for features); OGC API – Tiles Part 1 (core, tileset, tilesets-list, geodata- and dataset-tilesets,
     * collections selection, MVT).
     */
    public static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/collections-selection",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");

    /** Mapbox Vector Tile, as OGC API – Tiles names it. */
    public static final String MVT = "application/vnd.mapbox-vector-tile";

    /** The OGC API page size default (what QGIS assumes) and the most one page returns. */
    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;
}
