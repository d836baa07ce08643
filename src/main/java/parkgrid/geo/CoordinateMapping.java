package parkgrid.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** A function of one position, applied to a copy of a geometry: the one place positions get rewritten. */
@FunctionalInterface
interface CoordinateMapping {
    /** Writes the new x and y of position {@code (x, y)} into {@code out[0]} and {@code out[1]}. */
    void map(double x, double y, double[] out);

    /** A copy of {@code g} with every position mapped; {@code g} is not changed. */
    default Geometry applyTo(Geometry g) {
        Geometry copy = g.copy();
        double[] xy = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                map(seq.getX(i), seq.getY(i), xy);
                seq.setOrdinate(i, CoordinateSequence.X, xy[0]);
                seq.setOrdinate(i, CoordinateSequence.Y, xy[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
