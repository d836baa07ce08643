package parkgrid.testing;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose cases run on both stores: {@link BothStores} opened once for the class in {@link #schema()} (and a
 * GeoPackage file of that name), closed after it; {@code @MethodSource("stores")} gives each case the store kinds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnBothStores {
    @TempDir
    protected static Path dir;
    protected BothStores stores;

    /** The PostGIS schema (and GeoPackage file name) of this test class. */
    protected abstract String schema();

    @BeforeAll
    void openBothStores() throws Exception {
        stores = BothStores.open(dir, schema());
    }

    @AfterAll
    void closeBothStores() throws Exception {
        if (stores != null) stores.close();
    }

    /** The store kinds, for {@code @MethodSource("stores")}. */
    protected Stream<String> stores() {
        return BothStores.kinds();
    }
}
