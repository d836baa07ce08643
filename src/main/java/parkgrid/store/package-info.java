/**
 * Persistence of layers and features behind one interface, {@link parkgrid.store.FeatureStore}, with an
 * embedded GeoPackage implementation (default, {@code store.geopackage}) and a PostGIS implementation
 * ({@code store.postgis}). Nothing outside this package and its sub-packages imports {@code java.sql}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Geometries in and out are EPSG:4326 lon/lat (JTS, x = longitude); a feature may have no geometry,
 *       and then it is in no bbox.</li>
 *   <li>Every write is atomic: all features of a call or none; a failed call changes nothing.</li>
 *   <li>Reads order by the query's sort keys (nulls last, text by code point), then by id; both stores
 *       return the same features in the same order for the same {@link parkgrid.store.FeatureQuery}.
 *       The bbox test is {@code ST_Intersects} with the box (boundary included), decided exactly.</li>
 *   <li>Every feature has a version ({@link parkgrid.store.VersionedFeature}, the value of an item's ETag):
 *       1 when first stored, one more per change. {@link parkgrid.store.FeatureStore#change} (replace,
 *       patch, delete) applies only at the expected version (else 412, nothing changed), and {@link
 *       parkgrid.store.FeatureStore#create} and every change write one {@link parkgrid.store.AuditRecord}
 *       (who, when, before and after as GeoJSON) in the same transaction; of concurrent writers naming one
 *       version exactly one wins.</li>
 *   <li>Each store migrates its own tables forward on open (numbered migrations, one transaction each):
 *       data made by an older ParkGrid is upgraded in place.</li>
 *   <li>Each store keeps bearer tokens ({@link parkgrid.store.FeatureStore#tokens}, table {@code parkgrid_token})
 *       as SHA-256 hashes only ({@link parkgrid.store.TokenSecret}); one SQL for both ({@link parkgrid.store.TokenTable}).</li>
 *   <li>Implementations are thread-safe. Both pass the same contract suites ({@code FeatureStoreContract},
 *       {@code VersionedWritesContract}).</li>
 * </ul>
 *
 * <h2>One plan per request</h2>
 * A {@link parkgrid.store.FeatureQuery} becomes one {@link parkgrid.store.QueryPlan} for the store's
 * {@link parkgrid.store.SqlDialect}: the WHERE text and its parameters in order, the residual filter Java
 * tests, whether bbox hits need the exact test, and whether SQL or Java pages. Count, read and export all
 * consume the plan. {@link parkgrid.store.FilterSql} writes a bound CQL2 filter in a dialect; the dialect
 * holds every backend difference (collation, LIKE/GLOB, CASEI/ACCENTI, geometry literals, the bbox), so
 * no other class asks which backend it writes for. Every value is a bound parameter; identifiers come from
 * the layer registry through {@link parkgrid.store.SqlNames#quote}.
 *
 * <p>Dependencies point one way: {@code store} uses {@code feature}, {@code filter} (the bound tree and the
 * Java evaluator) and {@code geo}; none of those uses {@code store}.
 */
package parkgrid.store;
