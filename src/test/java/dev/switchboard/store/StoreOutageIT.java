package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history database goes away for about ten seconds while records keep arriving: the store sink
 * retries with backoff, {@code /health} answers 503 with the store part DOWN, and once the database is
 * back the sink catches up, storing exactly the clean records sent, none lost and none twice.
 *
 * <p>PostgreSQL (when {@code SWITCHBOARD_TEST_PG} is set): Switchboard talks to it through a TCP proxy
 * in this test that can cut every open connection (reset) and refuse new ones, as a database restart or
 * a network fault does. DuckDB: its file is opened by this process and stays open (deleting or renaming
 * it changes nothing), so the fault is a full disk, after which {@link Database} opens the file again
 * (DuckDB 1.4 keeps a failed commit's keys in the primary-key index; see {@link Database}).
 */
class StoreOutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** A backstop: the story's own waits are bounded, but starting Switchboard took up to 60 s on the shared 2-core machine. */
    private static final int START_AND_STORY_SECONDS = 180;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path dir;

    @Test
    @Timeout(START_AND_STORY_SECONDS)
    void theSinkRetriesThroughAPostgresOutageAndCatchesUpWithoutLossOrDoubles() throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(Dialect.POSTGRES, dir); CuttableProxy proxy = CuttableProxy.to("127.0.0.1", pgPort(store.url()))) {
            String proxied = store.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            outage(proxied, sb -> storedIds(store), proxy::cut, () -> {
                // Retried with backoff (200 ms doubling to 10 s): a handful of attempts in ten seconds, not one every 200 ms.
                assertThat(proxy.refused()).as("connection attempts while cut").isBetween(3, 15);
                proxy.restore();
            });
        }
    }

    /**
     * DuckDB: the file's disk fills up (a small tmpfs holding only the database file, filled by another
     * file), so every commit fails with "No space left on device" on the WAL until the other file is
     * deleted. Each failed commit makes the store open the DuckDB file again (without a checkpoint, so the
     * index the failed commit left behind is not kept); without that the retries after it fail with
     * "Duplicate key" for good. Needs root and mount; skipped where tmpfs cannot be mounted.
     */
    @Test
    @Timeout(START_AND_STORY_SECONDS)
    void theSinkRetriesThroughAFullDiskUnderDuckDbAndCatchesUpWithoutLossOrDoubles() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("small-disk"))) {
            outage(disk.duckDbUrl("history.duckdb"), sb -> sb.database().orElseThrow().read("ids", c -> {
                List<String> ids = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM cdr ORDER BY id")) {
                    while (rs.next()) ids.add(rs.getString(1));
                }
                return ids;
            }), disk::fill, disk::free);
        }
    }

    interface Rows {
        List<String> ids(Switchboard sb) throws Exception;
    }

    /**
     * The outage story on a store: records stored, the fault, records sent during it, /health 503 with
     * the store DOWN for the whole outage, the fault lifted, more records, and then every record stored once.
     */
    private void outage(String db, Rows rows, Runnable fault, Runnable lift) throws Exception {
        Map<String, String> flags = new HashMap<>(Map.of("data", dir.resolve("data").toString(), "roles", "ingest,stream,store,web",
                "db", db, "zone", "UTC", "marketing-live-days", "0", "sink-linger", "100ms"));
        Settings settings = Settings.resolve(flags, Map.of());
        try (Switchboard sb = Switchboard.start(settings); WebServer web = new WebServer(sb).start("127.0.0.1", 0)) {
            String health = "http://127.0.0.1:" + web.port() + "/health";
            List<String> before = ids("a", 100);
            ingest(sb, "before", before);
            awaitStored(sb, rows, before.size(), Duration.ofSeconds(30));
            assertThat(get(health).statusCode()).isEqualTo(200);

            long cutAt = System.nanoTime();
            long failedBefore = sb.sink().orElseThrow().failedWrites();
            fault.run();
            List<String> during = ids("b", 100);
            ingest(sb, "during", during);
            HttpResponse<String> down = await(health, r -> r.statusCode() == 503, Duration.ofSeconds(20));
            JsonNode body = Json.MAPPER.readTree(down.body());
            assertThat(body.path("status").asText()).isEqualTo("DOWN");
            assertThat(body.path("parts").path("store").asText()).startsWith("DOWN");
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - cutAt).toMillis()));
            assertThat(get(health).statusCode()).as("still down after %s", OUTAGE).isEqualTo(503);
            assertThat(rows.ids(sb)).hasSize(before.size());
            // Retried with backoff (200 ms doubling to 10 s): a handful of failed writes in ten seconds, not one every 200 ms.
            assertThat(sb.sink().orElseThrow().failedWrites() - failedBefore).as("failed writes during the outage").isBetween(3L, 15L);
            lift.run();

            List<String> after = ids("c", 50);
            ingest(sb, "after", after);
            Set<String> expected = new TreeSet<>();
            expected.addAll(before);
            expected.addAll(during);
            expected.addAll(after);
            awaitStored(sb, rows, expected.size(), Duration.ofSeconds(30));
            assertThat(await(health, r -> r.statusCode() == 200, Duration.ofSeconds(10)).body()).contains("\"store\":\"UP\"");
            List<String> stored = rows.ids(sb);
            assertThat(stored).hasSize(expected.size());
            assertThat(new TreeSet<>(stored)).isEqualTo(expected);
        }
    }

    private static List<String> ids(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) ids.add(prefix + "-" + i);
        return ids;
    }

    private static void ingest(Switchboard sb, String source, List<String> ids) throws IOException {
        StringBuilder ndjson = new StringBuilder();
        for (String id : ids) {
            ndjson.append("{\"id\":\"").append(id).append("\",\"calling_number\":\"+12025550143\",\"called_number\":\"+442071838750\",")
                    .append("\"start_time\":\"2026-03-02T10:00:00Z\",\"duration_sec\":42,\"type\":\"VOICE\",\"result\":\"ANSWERED\"}\n");
        }
        var receipt = sb.ingest().orElseThrow().ingestFile("cdr", "cdr-json", source, new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(receipt.accepted()).isEqualTo(ids.size());
    }

    private static int pgPort(String url) {
        var m = java.util.regex.Pattern.compile("//[^/:]+(?::(\\d+))?/").matcher(url);
        return m.find() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 5432;
    }

    /** Read straight from the server, not through the proxy. */
    private static List<String> storedIds(StoreFixtures.TestStore store) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(store.url()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM cdr ORDER BY id")) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
    }

    private static void awaitStored(Switchboard sb, Rows rows, int n, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            int stored = rows.ids(sb).size();
            if (stored >= n) return;
            assertThat(System.nanoTime()).as("%d of %d rows stored in time", stored, n).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> await(String url, Predicate<HttpResponse<String>> done, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> r = get(url);
            if (done.test(r)) return r;
            assertThat(System.nanoTime()).as("%s in time, last %d %s", url, r.statusCode(), r.body()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * A TCP proxy on 127.0.0.1 that can be cut: {@link #cut()} resets every open connection and resets
     * each new one as soon as it is accepted, {@link #restore()} passes new connections through again.
     */
    static final class CuttableProxy implements AutoCloseable {
        private final ServerSocket server;
        private final String host;
        private final int port;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile boolean cut;
        private volatile int refused;

        private CuttableProxy(String host, int port) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.host = host;
            this.port = port;
            Thread accept = new Thread(this::accept, "outage-proxy");
            accept.setDaemon(true);
            accept.start();
        }

        static CuttableProxy to(String host, int port) throws IOException {
            return new CuttableProxy(host, port);
        }

        int port() {
            return server.getLocalPort();
        }

        int refused() {
            return refused;
        }

        void cut() {
            cut = true;
            for (Socket s : open) reset(s);
            open.clear();
        }

        void restore() {
            cut = false;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (cut) {
                        refused++;
                        reset(client);
                        continue;
                    }
                    Socket upstream = new Socket(host, port);
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    if (server.isClosed()) return;
                }
            }
        }

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException ignored) {
                    // cut, or closed by either side
                } finally {
                    reset(from);
                    reset(to);
                    open.remove(from);
                    open.remove(to);
                }
            }, "outage-proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        /** Closes with a TCP reset (linger 0), as a crashed server or a cut network path does. */
        private static void reset(Socket s) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : open) reset(s);
        }
    }
}
