package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Role;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a long-lived process (serve, demo) until SIGTERM or Ctrl-C, then closes everything in order. */
final class Runner {
    private static final Logger log = LoggerFactory.getLogger(Runner.class);

    private Runner() {}

    static void runUntilStopped(Settings settings, java.util.function.Function<Switchboard, AutoCloseable> extra) {
        InstanceLock lock = InstanceLock.tryAcquire(settings.dataDir()).orElseThrow(() -> new UserError(
                "another Switchboard process is using data folder " + settings.dataDir().toAbsolutePath()
                        + InstanceLock.runningUrl(settings.dataDir()).map(u -> " (serving " + u + ")").orElse("")));
        System.err.println("Switchboard settings:\n" + settings.describe());
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown"));
        try (lock; Switchboard sb = Switchboard.start(settings)) {
            WebServer web = null;
            AutoCloseable more = null;
            try {
                if (settings.roles().contains(Role.WEB)) {
                    web = new WebServer(sb).start(settings.bind(), settings.port());
                    String url = "http://" + settings.bind() + ":" + web.port();
                    lock.publishUrl(url);
                    System.err.println("Switchboard is up: " + url + "  (Ctrl-C stops it)");
                }
                more = extra.apply(sb);
                stopped.await();
                log.info("stopping");
            } finally {
                closeQuietly(more);
                closeQuietly(web);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception e) {
            log.warn("while closing: {}", e.getMessage());
        }
    }
}
