/**
 * The embedded default store: one GeoPackage 1.3 file (OGC 12-128r18) that QGIS, ArcGIS and GDAL open
 * directly, also while the server runs.
 *
 * <ul>
 *   <li>{@link parkgrid.store.geopackage.GeoPackageStore} is the {@link parkgrid.store.FeatureStore} facade.</li>
 *   <li>{@code GeoPackageFile}: the file's lifecycle. The NGA library creates the file, its SRS, contents
 *       and R-tree spatial index extension; WAL mode with {@code synchronous=FULL} (a commit survives
 *       kill -9); the first seed is built in a side file renamed into place when complete.</li>
 *   <li>{@code GeoPackageWriter}: every write on the one writer connection, serialised by a lock, one
 *       SQLite transaction per call.</li>
 *   <li>{@code GeoPackageReader}: reads on a pool of read-only connections through lean prepared
 *       sqlite-jdbc queries that join the {@code rtree_<table>_geom} index. R-tree bounds are float32
 *       rounded outward, so bbox hits are candidates tested exactly with JTS; spatial predicates and
 *       CASEI/ACCENTI are a residual tested in Java, and then Java pages (the {@link
 *       parkgrid.store.QueryPlan} says so).</li>
 * </ul>
 */
package parkgrid.store.geopackage;
