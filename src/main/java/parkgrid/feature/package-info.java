/**
 * Domain records shared by every capability: {@link parkgrid.feature.Layer} (a named feature collection
 * with one geometry kind and a typed property schema), {@link parkgrid.feature.Feature}, the query
 * model and the one exception type ({@link parkgrid.feature.ParkGridException}) that the API renders as
 * {@code application/problem+json}.
 *
 * <p>All geometries here are JTS geometries in EPSG:4326 with x = longitude, y = latitude (degrees). A
 * feature's geometry is null when its place is not known (GeoJSON {@code "geometry": null}). A layer may
 * carry the figures its source states about it ({@link parkgrid.feature.StatedFigure}).
 */
package parkgrid.feature;
