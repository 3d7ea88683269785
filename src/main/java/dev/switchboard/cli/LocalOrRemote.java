package dev.switchboard.cli;

import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Settings;
import dev.switchboard.store.Database;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a command that reads or changes operational data (tariffs, the business directory) does its
 * work: on the store of the data folder when no process holds it (or on --db), else through the API of
 * the process that holds it, or of --server.
 */
final class LocalOrRemote {
    private LocalOrRemote() {}

    interface DatabaseWork<T> {
        T run(Database db) throws Exception;
    }

    static <T> T run(Settings settings, String server, DatabaseWork<T> direct, Function<String, T> remote) throws Exception {
        Optional<String> url = Optional.ofNullable(server);
        if (url.isEmpty() && settings.db().isBlank()) {
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(settings.dataDir());
            if (lock.isPresent()) {
                try (InstanceLock held = lock.get()) {
                    return direct(settings, direct);
                }
            }
            url = Optional.of(InstanceLock.runningUrl(settings.dataDir()).orElseThrow(() -> new UserError(
                    "the data folder " + settings.dataDir() + " is in use by a process without a web server; stop it or use --server")));
        }
        if (url.isEmpty()) return direct(settings, direct);
        return remote.apply(url.get());
    }

    private static <T> T direct(Settings settings, DatabaseWork<T> work) throws Exception {
        try (Database db = Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())) {
            return work.run(db);
        }
    }
}
