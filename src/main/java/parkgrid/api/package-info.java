/**
 * The HTTP API, shaped as OGC API – Features Parts 1–4 (Core, GeoJSON, HTML, OpenAPI 3.0, CRS, Filter; Create,
 * Replace, Update, Delete) and OGC API – Processes (synchronous). One operation table ({@link parkgrid.api.Operations}): each
 * operation is declared once with path, method, role, parameters, media types and handler, and the routes
 * ({@link parkgrid.api.Routes}) and the OpenAPI document ({@link parkgrid.api.OpenApiDocument}) are generated
 * from it, so they cannot drift; an undeclared query parameter or process input is a 400 naming it. The
 * processes come from the registered {@link parkgrid.process.Processes}: their descriptions, execution routes
 * and request bodies from each one's declaration, and every execution goes through one handler
 * ({@link parkgrid.api.ProcessExecutionHandler}: strict input check, run on the
 * {@link parkgrid.process.ProcessRunner}, answer written by {@link parkgrid.api.ProcessResultWriter}).
 * One handler class per resource, request parsing, OGC vocabulary and the problem+json mapper. Handlers
 * parse, call the store or a process, render; no SQL and no geometry algorithms here.
 *
 * <p><b>Access.</b> Every operation declares a {@link parkgrid.api.Role}; {@link parkgrid.api.AccessCheck}, a
 * before-handler on every matched route, reads the role Javalin keeps with the route, the request's
 * {@code Authorization: Bearer} token (looked up by hash in the store) and puts the {@link parkgrid.api.Caller}
 * on the request: no or a bad token where one is needed is unauthorised (401, {@code WWW-Authenticate: Bearer}),
 * a token below the role forbidden (403). With {@code PARKGRID_READ=token} the reading operations are declared
 * {@code viewer}; the landing page, conformance, health, {@code /me} and the favicon stay public.
 * <p><b>Writes.</b> {@link parkgrid.api.ItemWriteHandler} makes each feature write one versioned store call as
 * {@link parkgrid.api.Caller#of} (the audit trail's "who"); {@link parkgrid.api.FeatureBody} reads the body once
 * (size limit, {@code Content-Crs}, geometry checks); {@link parkgrid.api.EntityTag} is the version as ETag and the
 * If-Match / If-None-Match rules. Roles are declared per operation; the access check enforces them.
 *
 * <p><b>Error contract.</b> Handlers throw {@link parkgrid.feature.ParkGridException}s and never set an error
 * status. {@link parkgrid.api.ProblemMapper} is the only class that turns errors into responses and the only
 * place HTTP error statuses are chosen: its {@code KINDS} table gives each kind its status and title (invalid
 * input 400, unauthorised 401, forbidden 403, not found 404, conflict 409, precondition failed 412, too large
 * 413, precondition required 428, busy and time limit 503); Javalin's own 404/405 and whatever Jetty rejects
 * before routing ({@link parkgrid.api.JettyProblemHandler}) get the same UTF-8 {@code application/problem+json}
 * body ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, {@code parameter}).
 * {@code parameter} is what the client wrote: a query parameter ({@code bbox}), a path parameter
 * ({@code collectionId}) or the dotted path of a process input ({@code radius.class}, {@code feature.id},
 * {@code supply}). A layer a process input names that does not exist is not found for that input. Analyses
 * name their own inputs ({@code suppliers}, {@code supply_class}); {@link parkgrid.process.InputPaths} holds, per
 * process, the table from those names to the client's paths.
 */
package parkgrid.api;
