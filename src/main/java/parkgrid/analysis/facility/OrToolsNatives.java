package parkgrid.analysis.facility;

import com.google.ortools.Loader;
import parkgrid.feature.ParkGridException;

/**
 * Loads the OR-Tools native libraries once per JVM, on first use: {@code Loader.loadNativeLibraries()} unpacks
 * about 67 MB of shared objects from the jar into {@code java.io.tmpdir} and loads them, 1.4–8 s on the shared
 * build machine, so it is not done in the start-up path: {@code app.Main} calls {@link #require()} on a background thread
 * after the server's warm-up. A failure is remembered and reported the same way each time.
 */
public final class OrToolsNatives {
    private static final Object LOCK = new Object();
    private static volatile boolean loaded;
    private static volatile Throwable failure;
    private static volatile double loadSeconds = Double.NaN;

    private OrToolsNatives() {}

    /**
     * @throws ParkGridException (unavailable) naming {@code solver} when the native libraries cannot be loaded on this
     *                           machine (another platform, no space in the temporary directory …)
     */
    public static void require() {
        if (!loaded) {
            synchronized (LOCK) {
                if (!loaded && failure == null) {
                    long t = System.nanoTime();
                    try {
                        Loader.loadNativeLibraries();
                        loadSeconds = (System.nanoTime() - t) / 1e9;
                        loaded = true;
                    } catch (Throwable e) { // UnsatisfiedLinkError, IOException wrapped in RuntimeException …
                        failure = e;
                    }
                }
            }
        }
        if (!loaded) {
            throw ParkGridException.unavailable("solver", "the exact solver (OR-Tools CP-SAT) cannot run here: its native libraries did not load ("
                    + failure + "); use solver \"greedy\"", failure);
        }
    }

    /** Seconds the one load took; NaN before it (or when it failed). */
    public static double loadSeconds() {
        return loadSeconds;
    }
}
