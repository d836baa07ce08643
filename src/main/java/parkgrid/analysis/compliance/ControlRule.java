package parkgrid.analysis.compliance;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a control layer asks of a project boundary: keep out of it, or lie inside it. */
public enum ControlRule {
    /**
     * The project must not occupy the layer (永久基本农田, 生态保护红线): an overlap larger than the tolerance is
     * 不符合 (not compliant).
     */
    AVOID("avoid"),
    /**
     * The project must lie inside the layer (城镇开发边界): the part of the boundary outside it, when larger
     * than the tolerance, is 不符合 and is reported.
     */
    INSIDE("inside");

    private final String apiName;

    ControlRule(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** @throws IllegalArgumentException for another name, listing the known ones */
    public static ControlRule fromApiName(String name) {
        for (ControlRule r : values()) if (r.apiName.equals(name)) return r;
        throw new IllegalArgumentException("unknown rule '" + name + "': use "
                + Arrays.stream(values()).map(ControlRule::apiName).collect(Collectors.joining(" or ")));
    }
}
