package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.access.AccessRole;
import dev.switchboard.access.ApiToken;
import dev.switchboard.access.IssuedToken;
import dev.switchboard.access.TokenStore;
import dev.switchboard.platform.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = {"Create, list and revoke API tokens (see docs/OPERATIONS.md). Roles: viewer reads the dashboards and APIs;",
                "operator also ingests, resets, drives generators and trains; admin also sees customers' full records, changes",
                "customers and tariffs, runs billing, exports, queries SQL and manages tokens. Only a token's hash is stored.",
                "Works on the store of the data folder (or --db); while a process holds the folder, through its API with the",
                "admin token in SWITCHBOARD_TOKEN (none needed while it has no token yet). The first token ends open mode."},
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a token and print it on standard output: it is shown this once, keep it somewhere safe."})
    static final class Create implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator or admin") String role;
        @Option(names = "--name", paramLabel = "NAME", description = "who or what holds it, e.g. grafana or alice; default ROLE-TIME") String name;
        @Option(names = "--server", paramLabel = "URL", description = "a running Switchboard, e.g. http://127.0.0.1:8080") String server;

        @Override
        public Integer call() throws Exception {
            AccessRole r = parse(role);
            String label = name != null ? name : r.key() + "-" + Instant.now().getEpochSecond();
            String[] made = LocalOrRemote.run(common.settings(Map.of()), server, db -> {
                IssuedToken t = new TokenStore(db, Clock.systemUTC()).create(r, label);
                return new String[] {String.valueOf(t.token().id()), t.secret()};
            }, url -> {
                JsonNode a = new ServerClient(url).post("/api/tokens", "application/json", json(Map.of("role", r.key(), "name", label)));
                return new String[] {a.path("id").asText(), a.path("token").asText()};
            });
            System.err.println("token " + made[0] + " '" + label + "' (" + r.key() + ") created; it is shown this once:");
            System.out.println(made[1]);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens: id, name, role, created, revoked (never the tokens themselves).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--server", paramLabel = "URL", description = "a running Switchboard, e.g. http://127.0.0.1:8080") String server;

        @Override
        public Integer call() throws Exception {
            List<ApiToken> tokens = LocalOrRemote.run(common.settings(Map.of()), server, db -> new TokenStore(db, Clock.systemUTC()).list(),
                    url -> fromJson(new ServerClient(url).get("/api/tokens").path("tokens")));
            System.out.printf("%-5s %-24s %-9s %-22s %s%n", "id", "name", "role", "created", "revoked");
            for (ApiToken t : tokens)
                System.out.printf("%-5d %-24s %-9s %-22s %s%n", t.id(), t.name(), t.role().key(), t.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        t.revokedAt() == null ? "" : t.revokedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revoke the token with this id, or every active token with this name. Requests with it get 401 within",
                    "two seconds on every process that shares the store."})
    static final class Revoke implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "ID|NAME", description = "the token's id (see tokens list) or name") String which;
        @Option(names = "--server", paramLabel = "URL", description = "a running Switchboard, e.g. http://127.0.0.1:8080") String server;

        @Override
        public Integer call() throws Exception {
            List<ApiToken> revoked = LocalOrRemote.run(common.settings(Map.of()), server, db -> new TokenStore(db, Clock.systemUTC()).revoke(which),
                    url -> remoteRevoke(new ServerClient(url), which));
            if (revoked.isEmpty()) throw new UserError("no active token has id or name '" + which + "'");
            for (ApiToken t : revoked) System.out.println("revoked token " + t.id() + " '" + t.name() + "' (" + t.role().key() + ")");
            return 0;
        }

        /** The API revokes by id: a name is looked up in the list first. */
        private static List<ApiToken> remoteRevoke(ServerClient client, String which) {
            List<ApiToken> out = new ArrayList<>();
            for (ApiToken t : fromJson(client.get("/api/tokens").path("tokens"))) {
                if (t.active() && (String.valueOf(t.id()).equals(which.strip()) || t.name().equals(which.strip())))
                    out.addAll(fromJson(Json.MAPPER.createArrayNode().add(client.delete("/api/tokens/" + t.id()))));
            }
            return out;
        }
    }

    private static AccessRole parse(String role) {
        try {
            return AccessRole.parse(role);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static byte[] json(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ApiToken> fromJson(JsonNode array) {
        List<ApiToken> out = new ArrayList<>();
        for (JsonNode n : array) out.add(Json.MAPPER.convertValue(n, ApiToken.class));
        return out;
    }
}
