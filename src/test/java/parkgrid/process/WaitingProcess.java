package parkgrid.process;

import static parkgrid.process.ProcessInput.optional;
import static parkgrid.process.ProcessInput.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.Neighbour;

/**
 * A process for testing the runner, not an analysis: it waits {@code wait_ms} without giving in to interrupts
 * (as a JTS union does), then answers one point feature named by {@code 村名} at 程村's approximate place.
 */
public final class WaitingProcess implements Process {
    public static final String ID = "test-wait";
    private static final ProcessDeclaration DECLARATION = new ProcessDeclaration(ID, "测试：等待",
            "等待 wait_ms 毫秒后返回一个村庄（测试用）", List.of(
                required("村名", Schema.string(), "返回的村名"),
                optional("wait_ms", Schema.integer().minimum(0).defaultValue(0), "milliseconds to wait, not interruptible")),
            "GeoJSON FeatureCollection of one village point", false);

    @Override
    public ProcessDeclaration declaration() {
        return DECLARATION;
    }

    @Override
    public FeatureHits execute(JsonNode inputs, Instant deadline) {
        String village = InputValues.text(inputs, "村名", null);
        long waitMillis = (long) InputValues.number(inputs, "wait_ms", 0);
        long until = System.nanoTime() + waitMillis * 1_000_000;
        boolean interrupted = false;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true; // carry on, as an uninterruptible computation does
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name_zh", village);
        Feature f = new Feature(1, new GeometryFactory().createPoint(new Coordinate(112.3897, 34.1632)), props);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("village", village);
        summary.put("waited_ms", waitMillis);
        return new FeatureHits(List.of(new Neighbour(f, 0)), summary);
    }
}
