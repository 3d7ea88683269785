package dev.switchboard.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A 32 MB tmpfs for a DuckDB file, which {@link #fill()} fills to the last byte with another file and
 * {@link #free()} empties again. Needs root and mount: the test is skipped (by assumption) where the
 * tmpfs cannot be mounted.
 */
final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    static SmallDisk mount(Path dir) throws IOException, InterruptedException {
        Path disk = Files.createDirectories(dir);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", disk.toString()).redirectErrorStream(true).start();
        assumeTrue(mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0, "cannot mount a tmpfs here (needs root): disk-full case skipped");
        return new SmallDisk(disk);
    }

    /** A DuckDB URL of a file on this disk. */
    String duckDbUrl(String file) {
        return "jdbc:duckdb:" + mountPoint.resolve(file);
    }

    /** Fills the disk to the last byte. */
    void fill() {
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int chunk = 1 << 20; chunk >= 512; chunk /= 4) {
                byte[] bytes = new byte[chunk];
                try {
                    while (true) {
                        out.write(bytes);
                        out.flush();
                    }
                } catch (IOException full) {
                    // next, smaller chunks
                }
            }
        } catch (IOException e) {
            // the disk is full: closing may fail to write what is buffered
        }
    }

    /** Deletes what {@link #fill()} wrote. */
    void free() {
        try {
            Files.delete(filler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", "-l", mountPoint.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
}
