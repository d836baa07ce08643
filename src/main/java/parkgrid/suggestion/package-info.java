/**
 * Public planning suggestions ("a pocket park here, please"): anyone may leave a point with text, limited in
 * size and in number per client per hour; editors move a suggestion from {@code new} to {@code under_review}
 * and {@code answered} with a reply. {@link parkgrid.suggestion.SuggestionBox} holds these rules over any
 * {@link parkgrid.store.FeatureStore}; the suggestions are ordinary features of the layer playing the
 * {@code suggestions} role, so the map, filters and exports show them like any layer. Nothing here knows HTTP:
 * errors are {@link parkgrid.feature.ParkGridException} kinds, the client is an opaque key.
 */
package parkgrid.suggestion;
