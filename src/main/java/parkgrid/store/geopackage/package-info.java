/**
 * The embedded default store: one GeoPackage 1.3 file (OGC 12-128r18) that QGIS, ArcGIS and GDAL open
 * directly. The NGA library creates the file, its SRS, contents and R-tree spatial index extension; reads
 * go through lean prepared sqlite-jdbc queries that join the {@code rtree_<table>_geom} index.
 */
package parkgrid.store.geopackage;
