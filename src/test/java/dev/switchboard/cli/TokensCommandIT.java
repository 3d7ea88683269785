package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.access.AccessControl;
import dev.switchboard.access.TokenStore;
import dev.switchboard.access.Tokens;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard tokens}: on the store of a free data folder, and through the API of the process that holds it. */
class TokensCommandIT {
    @TempDir Path dir;

    @Test
    void createListAndRevokeOnTheDataFoldersStore() throws Exception {
        String data = dir.resolve("data").toString();
        CliRun made = CliRun.of("tokens", "create", "--role", "operator", "--name", "ingest-bot", "--data", data);
        assertThat(made.exitCode()).as(made.err()).isZero();
        String secret = made.out().strip();
        assertThat(secret).startsWith("sb_").hasSize(46);
        assertThat(made.err()).contains("token 1 'ingest-bot' (operator) created", "shown this once");

        CliRun list = CliRun.of("tokens", "list", "--data", data);
        assertThat(list.out()).contains("ingest-bot", "operator").doesNotContain(secret);
        try (Database db = Database.open("jdbc:duckdb:" + dir.resolve("data/switchboard.duckdb"), "", "")) {
            assertThat(new TokenStore(db, Clock.systemUTC()).active()).singleElement().satisfies(t -> assertThat(t.hash()).hasSize(64));
        }

        assertThat(CliRun.of("tokens", "create", "--role", "king", "--data", data).err()).contains("unknown role 'king'");
        assertThat(CliRun.of("tokens", "revoke", "nobody", "--data", data).err()).contains("no active token has id or name 'nobody'");
        CliRun revoked = CliRun.of("tokens", "revoke", "ingest-bot", "--data", data);
        assertThat(revoked.out()).contains("revoked token 1 'ingest-bot' (operator)");
        assertThat(CliRun.of("tokens", "list", "--data", data).out()).containsPattern("ingest-bot +operator +\\S+ +\\d{4}-");
    }

    @Test
    void whileAProcessHoldsTheFolderTheCommandsGoThroughItsApi() throws Exception {
        Path data = dir.resolve("held");
        Files.createDirectories(data);
        try (InstanceLock held = InstanceLock.tryAcquire(data).orElseThrow();
                Database db = Database.open("jdbc:duckdb:" + data.resolve("switchboard.duckdb").toAbsolutePath(), "", "")) {
            Javalin app = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            });
            new AccessControl(new Tokens(new TokenStore(db, Clock.systemUTC()), Clock.systemUTC()), 0).register(app);
            app.start("127.0.0.1", 0);
            try {
                held.publishUrl("http://127.0.0.1:" + app.port());
                CliRun first = CliRun.of("tokens", "create", "--role", "admin", "--name", "root", "--data", data.toString());
                assertThat(first.exitCode()).as("open mode: the first token needs none").isZero();
                String admin = first.out().strip();
                CliRun refused = CliRun.of("tokens", "create", "--role", "viewer", "--data", data.toString());
                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.err()).contains("not signed in", "set SWITCHBOARD_TOKEN");
                CliRun second = CliRun.of("tokens", "create", "--role", "viewer", "--name", "tv", "--set", "token=" + admin, "--data", data.toString());
                assertThat(second.exitCode()).as(second.err()).isZero();
                assertThat(CliRun.of("tokens", "list", "--set", "token=" + admin, "--data", data.toString()).out()).contains("root", "tv", "viewer");
                CliRun revoke = CliRun.of("tokens", "revoke", "tv", "--set", "token=" + admin, "--data", data.toString());
                assertThat(revoke.out()).contains("revoked token 2 'tv' (viewer)");
                CliRun asViewer = CliRun.of("tokens", "list", "--set", "token=" + second.out().strip(), "--data", data.toString());
                assertThat(asViewer.err()).contains("the token is not valid");
            } finally {
                app.stop();
            }
        }
    }
}
