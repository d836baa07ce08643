package parkgrid.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.Settings;

/**
 * Who can reach a ParkGrid: with the defaults only this machine (loopback), with {@code PARKGRID_HOST=0.0.0.0}
 * every interface. Connects only to this machine's own addresses.
 */
class ListeningAddressTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsListenOnLoopbackInBothModes() {
        assertEquals("127.0.0.1", Settings.fromEnvironment(Map.of()).host());
        assertEquals("127.0.0.1", Settings.fromEnvironment(Map.of("PARKGRID_DB", "jdbc:postgresql://127.0.0.1:5432/parkgrid")).host());
        assertEquals("0.0.0.0", Settings.fromEnvironment(Map.of("PARKGRID_HOST", "0.0.0.0")).host());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(Map.of("PARKGRID_HOST", " ")));
        assertTrue(e.getMessage().contains("PARKGRID_HOST"), e.getMessage());
    }

    @Test
    void aServerWithTheDefaultsCannotBeReachedFromTheNetwork() throws Exception {
        InetAddress outside = nonLoopbackAddress();
        try (ParkGridApp app = ParkGridApp.start(Settings.embedded(dir.resolve("default.gpkg"), 0))) {
            assertTrue(accepts(InetAddress.getLoopbackAddress(), app.port()), "reachable on loopback");
            assertFalse(accepts(outside, app.port()), "reachable on " + outside.getHostAddress() + " without PARKGRID_HOST");
        }
    }

    @Test
    void aServerOnEveryInterfaceCanBeReachedFromTheNetwork() throws Exception {
        InetAddress outside = nonLoopbackAddress();
        try (ParkGridApp app = ParkGridApp.start(Settings.embedded(dir.resolve("open.gpkg"), 0).withHost("0.0.0.0"))) {
            assertTrue(accepts(outside, app.port()), "not reachable on " + outside.getHostAddress() + " with PARKGRID_HOST=0.0.0.0");
            assertTrue(accepts(InetAddress.getLoopbackAddress(), app.port()), "reachable on loopback");
        }
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 3000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An IPv4 address of this machine that is not loopback (what {@code hostname -I} lists first). */
    private static InetAddress nonLoopbackAddress() throws SocketException {
        Optional<InetAddress> found = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(ListeningAddressTest::isUp)
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        Assumptions.assumeTrue(found.isPresent(), "this machine has no non-loopback IPv4 address to test from");
        return found.get();
    }

    private static boolean isUp(NetworkInterface i) {
        try {
            return i.isUp() && !i.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
