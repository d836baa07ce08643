package parkgrid.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import parkgrid.config.Settings;
import parkgrid.feature.ParkGridException;
import parkgrid.io.SeedData;
import parkgrid.store.FeatureStore;
import parkgrid.store.TokenStore;

/**
 * The one-time setup step {@code java -jar parkgrid.jar create-admin-token "管理员 张三" [--force-another]}:
 * opens the store the same {@code PARKGRID_*} settings select (the embedded GeoPackage, made and seeded if
 * missing, or PostGIS), makes an admin token and prints it once on standard output — nothing else goes
 * there, so {@code TOKEN=$(java -jar … create-admin-token …)} keeps only the token. It refuses when an
 * unrevoked admin token exists already, unless {@code --force-another}: every later token is an admin's
 * job through {@code POST /admin/tokens}.
 */
final class AdminTokenSetup {
    static final String COMMAND = "create-admin-token";
    static final String FORCE = "--force-another";
    /** The audit name of tokens this step makes. */
    static final String SETUP = "setup (create-admin-token)";
    private static final String ADMIN = TokenStore.ROLES.get(TokenStore.ROLES.size() - 1);

    private AdminTokenSetup() {}

    /** Runs the command; @return the process exit status (0 made a token, 1 refused, 2 wrong usage) */
    static int run(List<String> args, Settings settings, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(args);
        boolean force = words.remove(FORCE);
        if (words.size() != 2 || !words.get(0).equals(COMMAND) || words.get(1).isBlank()) {
            err.println("usage: java -jar parkgrid.jar " + COMMAND + " \"<holder, e.g. 管理员 张三>\" [" + FORCE + "]");
            return 2;
        }
        try (FeatureStore store = ParkGridApp.openStore(settings)) {
            SeedData.loadIfEmpty(store);
            TokenStore tokens = store.tokens();
            if (!force && tokens.hasActive(ADMIN)) {
                err.println("refused: " + store.kind() + " already has an admin token; an admin makes the next ones at POST /admin/tokens, "
                        + "or run again with " + FORCE);
                return 1;
            }
            TokenStore.Issued issued = tokens.issue(words.get(1), ADMIN, SETUP);
            out.println(issued.secret());
            out.flush();
            err.println("admin token " + issued.token().id() + " for " + issued.token().holder() + " in the " + store.kind()
                    + " store: shown only this once, ParkGrid keeps only its hash");
            return 0;
        } catch (ParkGridException e) {
            err.println("refused: " + e.detail());
            return 1;
        }
    }
}
