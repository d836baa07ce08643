package parkgrid.analysis.facility;

import java.util.Locale;
import parkgrid.feature.ParkGridException;

/** Which exact solver a {@link FacilityLocation} runs (bench/facility.sh compares them). */
public enum ExactEngine {
    /** SCIP branch and cut through OR-Tools' MPSolver, coverage variables continuous ({@link ScipCoverSolver}). */
    SCIP("scip"),
    /** SCIP after a GLOP LP, a restricted MIP on its support, reduced-cost fixing and site dominance ({@link LpGuidedScipSolver}). */
    SCIP_LP("scip-lp"),
    /** OR-Tools CP-SAT with the full LP relaxation ({@link CpSatCoverSolver}). */
    CP_SAT("cp-sat");

    private final String id;

    ExactEngine(String id) { this.id = id; }

    public String id() { return id; }

    /** @throws ParkGridException (invalid input) naming {@code exact_solver} for another name */
    public static ExactEngine parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ExactEngine e : values()) if (e.id.equals(t)) return e;
        throw ParkGridException.invalidParameter("exact_solver", "exact solver must be \"scip\", \"scip-lp\" or \"cp-sat\", got \"" + text + "\"");
    }
}
