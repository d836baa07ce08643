package parkgrid.store;

import java.time.Instant;
import java.util.Objects;
import parkgrid.feature.Feature;

/**
 * A stored feature with its version, the value an {@code ETag} carries: 1 when the feature was first
 * stored (created, inserted or imported), one more with every replace or patch. {@code updatedAt} is when
 * the current version was written (UTC, milliseconds), or null for a feature stored by a bulk insert or
 * import and not changed since.
 */
public record VersionedFeature(Feature feature, long version, Instant updatedAt) {
    public VersionedFeature {
        Objects.requireNonNull(feature, "feature");
        if (version < 1) throw new IllegalArgumentException("version must be >= 1: " + version);
    }
}
