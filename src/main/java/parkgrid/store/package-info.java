/**
 * Persistence of layers and features behind one interface, {@link parkgrid.store.FeatureStore}, with an
 * embedded GeoPackage implementation (default) and a PostGIS implementation. Nothing outside this
 * package imports {@code java.sql}. Both implementations pass the same contract test suite.
 */
package parkgrid.store;
