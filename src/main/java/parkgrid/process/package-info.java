/**
 * The analyses ParkGrid runs as OGC API – Processes processes (synchronous), and the one runner that runs
 * them.
 *
 * <p><b>The contract.</b> A {@link parkgrid.process.Process} is a small adapter: its
 * {@link parkgrid.process.ProcessDeclaration} (id, title, description, {@link parkgrid.process.ProcessInput}s,
 * output) is declared once, and {@code /processes}, {@code /processes/{id}}, the OpenAPI request body of
 * {@code POST /processes/{id}/execution} and the strict input check ({@link parkgrid.process.ProcessInputs}: an
 * undeclared key, at any depth, is a 400 naming its dotted path) are all generated from it.
 * {@link parkgrid.process.Process#execute execute(inputs, deadline)} reads the layers it needs through
 * {@link parkgrid.store.FeatureStore}, calls the pure {@link parkgrid.analysis} operation with the deadline,
 * and returns a {@link parkgrid.process.ProcessResult} the api writes ({@link parkgrid.process.FeatureHits},
 * {@link parkgrid.process.CoverageAnswer}, {@link parkgrid.process.SupplyRadiusAnswer}). It knows no HTTP: bad
 * input is a {@link parkgrid.feature.ParkGridException} naming the input, and the api's problem mapper picks
 * the status.
 *
 * <p><b>Adding a process.</b> One class implementing {@code Process} (a {@code DECLARATION} constant and
 * {@code execute}) and one line in {@link parkgrid.process.Processes#standard}. Its route, description, API
 * entry, input check, time limit and concurrency bound follow. Only a new kind of answer needs more: a
 * {@code ProcessResult} record here and its writer in the api's {@code ProcessResultWriter}.
 *
 * <p><b>The runner.</b> {@link parkgrid.process.ProcessRunner} runs every execution on a bounded pool of
 * worker threads with the analysis time limit ({@code PARKGRID_ANALYSIS_SECONDS}), measured from submission.
 * Past the deadline the client gets a 503 time-limit problem at once, and a computation that cannot be
 * interrupted (a JTS union) finishes on its worker in the background while the server keeps answering; when
 * every worker and waiting place is taken, an execution is refused with a 503 busy problem
 * ({@link parkgrid.feature.ParkGridException#busy}) instead of queueing without bound.
 *
 * <p><b>Units and defaults.</b> Distances in inputs and answers are metres (ellipsoidal, WGS84), geometries
 * EPSG:4326 lon/lat unless a GeoJSON {@code crs} member says otherwise. The seed layer names an execution
 * falls back to when it names none come from the deployment's {@link parkgrid.config.LayerRoles}.
 * Nothing here imports {@code java.sql} or Javalin.
 */
package parkgrid.process;
