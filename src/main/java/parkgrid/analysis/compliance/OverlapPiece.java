package parkgrid.analysis.compliance;

import org.locationtech.jts.geom.Geometry;

/**
 * The part of the project boundary that one control feature covers.
 *
 * @param featureId  the control feature's id
 * @param classValue its class (the layer's class property as text), null when the layer has none or the value is null
 * @param geometry   the polygonal intersection, lon/lat
 * @param area       its ellipsoidal area
 */
public record OverlapPiece(long featureId, String classValue, Geometry geometry, AreaFigures area) {}
