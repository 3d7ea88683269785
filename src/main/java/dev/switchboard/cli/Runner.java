package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Role;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a long-lived process (serve, demo, kafka) until SIGTERM or Ctrl-C, then closes everything in order. */
final class Runner {
    private static final Logger log = LoggerFactory.getLogger(Runner.class);

    private Runner() {}

    static void runUntilStopped(Settings settings, Function<Switchboard, AutoCloseable> extra) {
        runUntilStopped(settings, sb -> {}, extra);
    }

    /** As above, with {@code beforeWeb} run once the platform is up and before the web server listens. */
    static void runUntilStopped(Settings settings, java.util.function.Consumer<Switchboard> beforeWeb, Function<Switchboard, AutoCloseable> extra) {
        if (settings.roles().contains(Role.WEB)) requireFreePort(settings.bind(), settings.port());
        System.err.println("Switchboard settings:\n" + settings.describe());
        holdUntilStopped(settings.dataDir(), lock -> {
            Deque<AutoCloseable> parts = new ArrayDeque<>();
            try {
                Switchboard sb = Switchboard.start(settings);
                parts.push(sb);
                beforeWeb.accept(sb);
                if (settings.roles().contains(Role.WEB)) {
                    WebServer web;
                    try {
                        web = new WebServer(sb).start(settings.bind(), settings.port());
                    } catch (IllegalStateException e) {
                        throw new UserError(e.getMessage());
                    }
                    parts.push(web);
                    String url = "http://" + settings.bind() + ":" + web.port();
                    lock.publishUrl(url);
                    System.err.println("Switchboard is up: " + url + "  (Ctrl-C stops it)");
                }
                parts.push(extra.apply(sb));
            } catch (RuntimeException e) {
                closeAll(parts);
                throw e;
            }
            return () -> closeAll(parts);
        });
    }

    /** Takes the data folder, starts what {@code start} builds, keeps it until the process is asked to stop, then closes it. */
    static void holdUntilStopped(Path dataDir, StartWithLock start) {
        InstanceLock lock = InstanceLock.tryAcquire(dataDir).orElseThrow(() -> new UserError(
                "another Switchboard process is using data folder " + dataDir.toAbsolutePath()
                        + InstanceLock.runningUrl(dataDir).map(u -> " (serving " + u + ")").orElse("")));
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // The hook waits until everything is closed, so the JVM does not exit with the broker or the store half-way.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown"));
        try (lock; AutoCloseable running = start.start(lock)) {
            stopped.await();
            log.info("stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            closed.countDown();
        }
    }

    /** Fails before anything starts (a broker start takes seconds) when the web port is taken. */
    private static void requireFreePort(String host, int port) {
        if (port == 0) return;
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new UserError("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); choose another with --port");
        }
    }

    interface StartWithLock {
        AutoCloseable start(InstanceLock lock) throws Exception;
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("while closing {}: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
