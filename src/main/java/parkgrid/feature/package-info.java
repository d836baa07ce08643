/**
 * Domain records shared by every capability: {@link parkgrid.feature.Layer} (a named feature collection
 * with one geometry kind and a typed property schema), {@link parkgrid.feature.Feature}, the query
 * model and the one error family, {@link parkgrid.feature.ParkGridException}.
 *
 * <p>All geometries here are JTS geometries in EPSG:4326 with x = longitude, y = latitude (degrees). A
 * feature's geometry is null when its place is not known (GeoJSON {@code "geometry": null}). A layer may
 * carry the figures its source states about it ({@link parkgrid.feature.StatedFigure}).
 *
 * <p><b>Error contract.</b> Every expected failure is a {@code ParkGridException} of one sealed kind — invalid
 * input, not found, conflict, precondition failed, precondition required, time limit exceeded, unauthorised,
 * forbidden, busy, too large — made with its static factory ({@code invalidParameter}, {@code notFound},
 * {@code layerNotFound}, {@code conflict}, {@code preconditionFailed}, {@code preconditionRequired},
 * {@code timeLimit}, {@code unauthorized}, {@code forbidden}, {@code busy}, {@code tooLarge}). An error carries
 * no HTTP status and no title: the api layer's {@code ProblemMapper} picks both, for every kind, in one table.
 * {@code parameter()} names the input at fault; code that sees the request names it as the client wrote it
 * (a dotted path into a JSON body, {@code radius.class}), code that does not (analyses, stores) names its own
 * input and the adapter renames it with {@code at(...)}. {@code detail()} is a sentence with the value,
 * never a stack trace. Anything else thrown is a bug, answered as an internal error.
 */
package parkgrid.feature;
