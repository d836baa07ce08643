/**
 * Spatial questions over one layer: features in a relation to a geometry (intersects, within, contains,
 * within a distance in metres) and the k nearest features to a point. Pure JTS over candidates a store
 * supplies through its spatial index; distances are metres on the WGS84 ellipsoid, as PostGIS {@code geography} measures them.
 */
package parkgrid.query;
