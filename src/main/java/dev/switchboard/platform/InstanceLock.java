package dev.switchboard.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The embedded broker and the DuckDB file of a data folder belong to one process at a time. That
 * process holds a lock on {@code DATA/switchboard.lock} and writes its web address to
 * {@code DATA/switchboard.url}, so a later command finds it and talks to it over HTTP instead.
 */
public final class InstanceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Path urlFile;

    private InstanceLock(FileChannel channel, FileLock lock, Path urlFile) {
        this.channel = channel;
        this.lock = lock;
        this.urlFile = urlFile;
    }

    /** Takes the data folder, or returns empty when another process holds it. */
    public static Optional<InstanceLock> tryAcquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("switchboard.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new InstanceLock(channel, lock, dataDir.resolve("switchboard.url")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The web address of the process that holds the folder, if it serves one. */
    public static Optional<String> runningUrl(Path dataDir) {
        Path file = dataDir.resolve("switchboard.url");
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            String url = Files.readString(file, StandardCharsets.UTF_8).trim();
            return url.isEmpty() ? Optional.empty() : Optional.of(url);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void publishUrl(String url) {
        try {
            Files.writeString(urlFile, url + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + urlFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(urlFile);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The lock dies with the process anyway.
        }
    }
}
