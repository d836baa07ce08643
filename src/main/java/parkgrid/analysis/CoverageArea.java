package parkgrid.analysis;

import org.locationtech.jts.geom.Geometry;

/**
 * The area the suppliers cover for one supply-area class (or for all demands when the radius does not
 * depend on the demand's class).
 *
 * @param supplyClass      the class, or null when the radius does not depend on the demand's class
 * @param areaLonLat       (Multi)Polygon in EPSG:4326 lon/lat; empty when nothing is covered
 * @param areaSquareMetres planar area in the local metric CRS (m²)
 */
public record CoverageArea(String supplyClass, Geometry areaLonLat, double areaSquareMetres) {}
