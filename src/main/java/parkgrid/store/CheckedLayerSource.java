package parkgrid.store;

import parkgrid.feature.LayerSource;

/**
 * A source whose every feature has already passed {@link FeatureChecks} for {@link #layer()} — geometry kind,
 * lon/lat range and validity — on its way to the store (an import's one check-and-write pass). {@link ImportBatches}
 * then types the values and checks the ids but does not test each geometry's validity a second time.
 */
public interface CheckedLayerSource extends LayerSource {}
