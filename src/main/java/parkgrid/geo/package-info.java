/**
 * Geometry encodings and coordinate handling: RFC 7946 GeoJSON reading and streaming writing, the
 * GeoPackage geometry blob, bbox parsing. Everything is EPSG:4326 lon/lat unless a name says otherwise.
 */
package parkgrid.geo;
