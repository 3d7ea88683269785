package dev.switchboard.cli;

import dev.switchboard.access.AccessRole;
import dev.switchboard.access.IssuedToken;
import dev.switchboard.access.TokenStore;
import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.Settings;
import java.time.Clock;

/**
 * The demo's admin token: a new one at each start, named {@value #NAME}, the previous run's revoked (only
 * hashes are stored, so it could not be shown again). Printed with a sign-in link whose token is in the
 * fragment, which browsers do not send to the server.
 */
final class DemoToken {
    static final String NAME = "demo";

    private DemoToken() {}

    static void issue(Switchboard sb, Settings settings) {
        TokenStore store = new TokenStore(sb.database().orElseThrow(), Clock.systemUTC());
        store.revoke(NAME);
        IssuedToken token = store.create(AccessRole.ADMIN, NAME);
        String base = "http://" + settings.bind() + ":" + settings.port();
        System.err.println("Admin token for this demo (shown once; send it as 'Authorization: Bearer …' or SWITCHBOARD_TOKEN for the CLI):");
        System.err.println("  " + token.secret());
        System.err.println("Sign in to the dashboard: " + base + "/signin.html#token=" + token.secret());
    }
}
