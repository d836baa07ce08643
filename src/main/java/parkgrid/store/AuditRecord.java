package parkgrid.store;

import java.time.Instant;

/**
 * One change to one feature, written in the same transaction as the change: who made it, when (UTC,
 * milliseconds), the feature's version after it (for a delete: the version the delete ended), and the
 * feature before and after as RFC 7946 GeoJSON Feature text (EPSG:4326 lon/lat; {@code before} is null for
 * a create, {@code after} null for a delete).
 */
public record AuditRecord(String layer, long featureId, long version, Action action, String who, Instant at,
                          String before, String after) {
    /** What the change did. */
    public enum Action { CREATE, REPLACE, PATCH, DELETE,
        /** The feature put back as it was at an earlier version (re-created if it had been deleted). */
        REVERT }
}
