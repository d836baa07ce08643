package parkgrid.feature;

/** A feature found near a place, with its distance in metres (on the ellipsoid, or a local metric projection). */
public record Neighbour(Feature feature, double distanceMetres) {}
