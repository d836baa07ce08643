package parkgrid.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.StatedFigure;

/**
 * Compares a layer's stated figures ({@link Layer#figures()}) with its features: for each figure that has
 * a {@link StatedFigure.Measure}, the count of the features it is about, or the sum of its property over
 * them, and whether that equals the stated value within the measure's tolerance. Figures without a
 * measure (a city-wide target, a total the data holds no parts of) are reported with no data value: what
 * is shown for them is the stated figure alone. Features are held by the caller; pure, no I/O.
 */
public final class StatedFigureCheck {
    /** One figure with the data's value ({@code null} when the figure has no measure) and the features it matched. */
    public record Result(String layer, StatedFigure figure, Double inData, Boolean agrees, long matched) {}

    private StatedFigureCheck() {}

    public static List<Result> of(Layer layer, Collection<Feature> features) {
        List<Result> out = new ArrayList<>();
        for (StatedFigure f : layer.figures()) {
            StatedFigure.Measure m = f.measure();
            if (m == null) {
                out.add(new Result(layer.name(), f, null, null, 0));
                continue;
            }
            long matched = 0;
            double sum = 0;
            for (Feature feature : features) {
                if (!matches(layer, m.where(), feature)) continue;
                matched++;
                if (m.sum() != null && feature.properties().get(m.sum()) instanceof Number n) sum += n.doubleValue();
            }
            double inData = m.sum() == null ? matched : Math.round(sum * 1e6) / 1e6;
            out.add(new Result(layer.name(), f, inData, Math.abs(inData - f.value()) <= m.tolerance() + 1e-9, matched));
        }
        return List.copyOf(out);
    }

    /** Equality after typing the figure's value by the schema (a figure's {@code 10} equals a number property's 10.0). */
    private static boolean matches(Layer layer, Map<String, Object> where, Feature feature) {
        for (Map.Entry<String, Object> e : where.entrySet()) {
            PropertyDefinition p = layer.property(e.getKey()).orElseThrow();
            if (!Objects.equals(p.type().coerce(e.getValue()), feature.properties().get(e.getKey()))) return false;
        }
        return true;
    }
}
