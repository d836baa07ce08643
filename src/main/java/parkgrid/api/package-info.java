/**
 * The HTTP API, shaped as OGC API – Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0). One route table
 * ({@link parkgrid.api.Routes}), one handler class per resource, request parsing, OGC vocabulary and the
 * problem+json mapper. Handlers parse, call the store, render; no SQL and no geometry algorithms here.
 */
package parkgrid.api;
