package parkgrid.api;

import java.nio.file.Path;
import java.util.List;
import parkgrid.testing.TestServer;

/** {@link Utf8RoutesContract} on the embedded GeoPackage: no body names its file. */
class Utf8RoutesGeoPackageTest extends Utf8RoutesContract {
    private Path gpkg;

    @Override
    protected TestServer start(Path dir) {
        gpkg = dir.resolve("server.gpkg");
        return TestServer.embedded(dir);
    }

    @Override
    protected List<String> internals() {
        return List.of(gpkg.toString(), gpkg.getParent().toString(), gpkg.getFileName().toString());
    }
}
