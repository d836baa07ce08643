/**
 * The GeoPackage file format as an exchange format (export: {@link parkgrid.io.geopackage.GeoPackageEncoder},
 * import: {@link parkgrid.io.geopackage.GeoPackageFileReader}), not the embedded store ({@code store.geopackage}).
 *
 * <p>The one package outside {@code store} that imports {@code java.sql}, on purpose: a GeoPackage <em>is</em> an
 * SQLite database, so writing or reading one file means JDBC (sqlite-jdbc, the NGA library). Nothing here keeps
 * ParkGrid's data: each class opens a temporary or uploaded file, streams features through it and closes it.
 */
package parkgrid.io.geopackage;
