package parkgrid.process;

/**
 * The seed layers the processes fall back to when an execution does not name its layers. Kept in this one
 * place so that a layer-role map can replace them.
 */
final class DefaultLayers {
    private DefaultLayers() {}

    /** The line network of coverage (mode network) and of the supply-radius check. */
    static final String LINES = "power_lines";
    /** The 10 kV sources of the supply-radius check. */
    static final String SUBSTATIONS = "substations";
    /** The 0.4 kV sources, and the 10 kV loads, of the supply-radius check. */
    static final String TRANSFORMERS = "transformers";
    /** The villages whose supply-area class a supply-radius source takes when no class is given. */
    static final String VILLAGES = "villages";
}
