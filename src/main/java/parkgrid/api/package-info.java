/**
 * The HTTP API, shaped as OGC API – Features Parts 1–3 (Core, GeoJSON, HTML, OpenAPI 3.0, CRS, Filter)
 * and OGC API – Processes (synchronous). One operation table ({@link parkgrid.api.Operations}): each
 * operation is declared once with path, method, role, parameters, media types and handler, and the routes
 * ({@link parkgrid.api.Routes}) and the OpenAPI document ({@link parkgrid.api.OpenApiDocument}) are generated
 * from it, so they cannot drift; an undeclared query parameter or process input is a 400 naming it. The
 * processes come from the registered {@link parkgrid.process.Processes}: their descriptions, execution routes
 * and request bodies from each one's declaration, and every execution goes through one handler
 * ({@link parkgrid.api.ProcessExecutionHandler}: strict input check, run on the
 * {@link parkgrid.process.ProcessRunner}, answer written by {@link parkgrid.api.ProcessResultWriter}).
 * One handler class per resource, request parsing, OGC vocabulary and the problem+json mapper. Handlers
 * parse, call the store or a process, render; no SQL and no geometry algorithms here.
 */
package parkgrid.api;
