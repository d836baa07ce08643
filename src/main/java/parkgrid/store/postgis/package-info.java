/**
 * The PostGIS store for multi-user deployments: one table per layer in a configurable schema, typed
 * columns, {@code geometry(<kind>, 4326)} with a GIST index, pooled connections (Hikari), and numbered
 * schema migrations ({@code PostGisMigrations}) applied on start, each in its own transaction.
 *
 * <p>Every query is decided wholly in SQL: its {@link parkgrid.store.QueryPlan} never leaves a residual
 * (spatial predicates as {@code ST_xxx}, CASEI/ACCENTI with the ICU root collation), the bbox is the
 * indexed {@code &&} plus exact {@code ST_Intersects} (the query box is built, the column never
 * transformed), and paging is {@code LIMIT/OFFSET}. Nearest-k ranks by {@code geography} distance in
 * metres on the WGS84 spheroid. Every value is a bound parameter.
 */
package parkgrid.store.postgis;
