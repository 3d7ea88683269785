package dev.switchboard.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Switchboard command ({@code serve}, {@code kafka}) run as a separate JVM on this test's class path,
 * for tests that kill it: {@link #kill()} is SIGKILL (no shutdown hook runs, as in a crash), {@link #stop()}
 * is SIGTERM (the clean stop). Its output goes to a log file next to the data folder; {@link #start} returns
 * once the process has printed its ready line. {@link #close()} always ends it, and a JVM shutdown hook does
 * too, so no process outlives the test.
 */
public final class SwitchboardProcess implements AutoCloseable {
    /** What {@code serve} and {@code demo} print when the web server is up ({@code cli.Runner}). */
    public static final Pattern WEB_READY = Pattern.compile("Switchboard is up: (\\S+)");
    /** What {@code kafka} prints when the broker is up ({@code cli.KafkaCommand}). */
    public static final Pattern KAFKA_READY = Pattern.compile("Kafka broker is up: (\\S+)");

    private final Process process;
    private final Path log;
    private final String address;
    private final Thread reaper;

    private SwitchboardProcess(Process process, Path log, String address, Thread reaper) {
        this.process = process;
        this.log = log;
        this.address = address;
        this.reaper = reaper;
    }

    /**
     * Starts {@code java -Xmx768m -cp <this JVM's class path> dev.switchboard.cli.Main <args>} and waits up to
     * {@code timeout} for a line matching {@code ready}; fails with the log's tail when the process exits first.
     */
    public static SwitchboardProcess start(List<String> args, Pattern ready, Path log, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", System.getProperty("java.class.path"), "dev.switchboard.cli.Main"));
        command.addAll(args);
        Process process;
        try {
            Files.deleteIfExists(log);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Thread reaper = new Thread(process::destroyForcibly, "kill-" + log.getFileName());
        Runtime.getRuntime().addShutdownHook(reaper);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Matcher m = ready.matcher(read(log));
                if (m.find()) return new SwitchboardProcess(process, log, m.group(1), reaper);
                if (!process.isAlive())
                    throw new IllegalStateException("process exited with " + process.exitValue() + " before it was ready:\n" + tail(log));
                if (System.nanoTime() > deadline) throw new IllegalStateException("not ready within " + timeout + ":\n" + tail(log));
                Thread.sleep(100);
            }
        } catch (RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            removeHook(reaper);
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** {@code serve} on a data folder and a fixed web port, with more arguments (e.g. {@code --set k=v}). */
    public static SwitchboardProcess serve(Path data, int port, Path log, String... more) {
        List<String> args = new ArrayList<>(List.of("serve", "--data", data.toString(), "--port", String.valueOf(port)));
        args.addAll(List.of(more));
        return start(args, WEB_READY, log, Duration.ofSeconds(180));
    }

    /** The address in the ready line: the web URL of {@code serve}, the bootstrap servers of {@code kafka}. */
    public String address() {
        return address;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL, as a crash or an OOM killer would: nothing is closed, no shutdown hook runs. Waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, the clean stop (Ctrl-C, a service manager): waits up to {@code timeout} and returns the exit code. */
    public int stop(Duration timeout) {
        process.destroy();
        if (!awaitExit(timeout)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not stop within " + timeout + " after SIGTERM:\n" + tail(log));
        }
        return process.exitValue();
    }

    private boolean awaitExit(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) removeHook(reaper);
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) kill();
        removeHook(reaper);
    }

    /** A free port on 127.0.0.1 now (it may be taken by the time it is used, which these tests accept). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the log, for failure messages. */
    public static String tail(Path log) {
        String text = read(log);
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down already, or the hook is gone
        }
    }
}
