/**
 * The PostGIS store for multi-user deployments: one table per layer in a configurable schema, typed
 * columns, {@code geometry(<kind>, 4326)} with a GIST index, bbox and property filters pushed into SQL as
 * bound parameters, pooled connections, and schema migrations applied on start.
 */
package parkgrid.store.postgis;
