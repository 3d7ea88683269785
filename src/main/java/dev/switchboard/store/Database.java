package dev.switchboard.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL history store: DuckDB (a file, owned by this process) or PostgreSQL. For DuckDB one
 * root connection is opened and every other connection is a duplicate of it, because a DuckDB
 * file belongs to one database instance at a time.
 *
 * <p>DuckDB after a failed commit: when a commit fails (a full disk: "No space left on device" on
 * the WAL), DuckDB 1.4 does not take the transaction's keys out of the table's primary-key index,
 * so every later insert of those keys fails with "Duplicate key" although the rows are not stored.
 * Once those keys were tried again on that instance, the checkpoint that closing it makes (when the
 * disk has room) writes that index into the file, and the duplicates outlive a restart. A fatal error
 * ("database has been invalidated") leaves the instance unusable too. So after either the instance is
 * dropped without its shutdown checkpoint and opened again on the same file, which replays the WAL
 * (the commits that did succeed) onto the last checkpoint. Every connection of the old
 * instance is closed first (a DuckDB file opened again in this process while one of them lives would
 * come back as the same instance): a query running on one is interrupted and fails
 * ("INTERRUPT Error", "Connection was closed"). When opening fails (the disk still full), the next
 * {@link #connect()} tries again.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final String url;
    private final Dialect dialect;
    private final Properties credentials;
    private final Properties duckProps = new Properties();
    /** Guards the DuckDB instance: handing out duplicates, reopening, closing. */
    private final ReentrantLock duckLock = new ReentrantLock();
    /** The current DuckDB instance's root connection; null after a reopen whose open failed (or for PostgreSQL). */
    private DuckDBConnection duckRoot;
    /** The duplicates of the current instance handed out and perhaps not yet closed. */
    private final Set<Connection> duckOpen = new HashSet<>();
    private boolean closed;

    private Database(String url, Properties credentials, boolean readOnly) throws SQLException {
        this.url = url;
        this.dialect = Dialect.of(url);
        this.credentials = credentials;
        if (dialect == Dialect.DUCKDB) {
            if (readOnly) duckProps.setProperty("duckdb.read_only", "true");
            this.duckRoot = openDuck();
        }
    }

    private DuckDBConnection openDuck() throws SQLException {
        return (DuckDBConnection) DriverManager.getConnection(url, duckProps);
    }

    /**
     * Bounds DuckDB's buffer manager, e.g. {@code 1GB} (DuckDB's {@code memory_limit}; its default is 80 % of the
     * machine's memory, which a long-running process fills with the history it writes), now and after every
     * reopen; blank keeps DuckDB's default. Nothing for PostgreSQL.
     */
    public Database limitMemory(String limit) {
        if (dialect != Dialect.DUCKDB || limit.isBlank()) return this;
        duckLock.lock();
        try (Statement s = duckRoot.createStatement()) {
            s.execute("SET memory_limit = '" + limit.replace("'", "") + "'");
            duckProps.setProperty("memory_limit", limit);
        } catch (SQLException e) {
            throw new StoreException("cannot limit the memory of " + url + " to " + limit + ": " + e.getMessage(), e);
        } finally {
            duckLock.unlock();
        }
        return this;
    }

    /** Opens the store for writing and brings its schema up to date with the Flyway migrations. */
    public static Database open(String url, String user, String password) {
        migrate(url, user, password);
        return connectOrFail(url, user, password, false);
    }

    /** Opens the store read-only (DuckDB refuses every write at the engine); no migrations. */
    public static Database openReadOnly(String url, String user, String password) {
        return connectOrFail(url, user, password, true);
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return url;
    }

    /** A connection of its own (for DuckDB a duplicate of the current instance's root), to be closed by the caller. */
    public Connection connect() throws SQLException {
        if (dialect != Dialect.DUCKDB) return DriverManager.getConnection(url, credentials);
        duckLock.lock();
        try {
            if (closed) throw new SQLException("the history store " + url + " is closed");
            if (duckRoot == null) {
                try {
                    duckRoot = openDuck();
                } catch (SQLException e) {
                    throw new SQLException("cannot open the history store " + url + " again after a failed write: " + e.getMessage(), e);
                }
                log.info("history store {} open again", url);
            }
            duckOpen.removeIf(Database::isClosed);
            Connection c = duckRoot.duplicate();
            duckOpen.add(c);
            return c;
        } finally {
            duckLock.unlock();
        }
    }

    /**
     * Writes values through a mapping in one transaction, on the same path as the sink (DuckDB's
     * appender, PostgreSQL batches): skipped when the key exists, or its {@code overwrite()} columns updated.
     */
    public <V> void write(TableMapping<V> mapping, List<V> values) {
        if (values.isEmpty()) return;
        TableMapping.RecordPosition none = new TableMapping.RecordPosition("", 0, 0);
        List<Object[]> rows = new ArrayList<>(values.size());
        for (V v : values) rows.addAll(mapping.rows(v, none));
        inTransaction("cannot write to " + mapping.table(), c -> {
            RowWriter.write(dialect, c, mapping, rows);
            return null;
        });
    }

    /**
     * Overwrites, in one transaction, the non-key {@code columns} of the stored rows of {@code table} whose
     * {@code key} matches; rows whose key is not stored are ignored (see {@link RowWriter}).
     */
    public void update(String table, String key, List<Column> columns, List<Object[]> rows) {
        if (rows.isEmpty()) return;
        inTransaction("cannot update " + table, c -> {
            RowWriter.update(dialect, c, table, columns, key, rows);
            return null;
        });
    }

    /** Work on one connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a connection of its own; a database error becomes a {@link StoreException} headed {@code what}. */
    public <T> T read(String what, Work<T> work) {
        try (Connection c = connect()) {
            try {
                return work.run(c);
            } catch (SQLException e) {
                if (dropsInstance(e)) reopen(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(what + ": " + e.getMessage(), e);
        }
    }

    /** The whole number a query answers in its first column of its first row (a count, a sum); a database error is a {@link StoreException} headed {@code what}. */
    public long queryLong(String what, String sql) {
        return read(what, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                if (!rs.next()) throw new SQLException("no row");
                return rs.getLong(1);
            }
        });
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(String what, Work<T> work) {
        return read(what, c -> {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
            try {
                c.commit();
            } catch (SQLException e) {
                rollback(c, e); // DuckDB answers "cannot rollback - no transaction is active"
                if (dialect == Dialect.DUCKDB) reopen(c, e);
                throw e;
            }
            return result;
        });
    }

    /** Rolls back after {@code failure}, which stays the error thrown: a failed rollback is only added to it. */
    private static void rollback(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** DuckDB errors after which the instance's memory no longer matches the file (see the class comment). */
    private boolean dropsInstance(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return dialect == Dialect.DUCKDB
                && (m.contains("Failed to commit") || m.contains("FATAL Error") || m.contains("database has been invalidated"));
    }

    /**
     * Drops the DuckDB instance that {@code failed} belongs to, without its shutdown checkpoint, and opens
     * the file again; nothing when that instance was already dropped (another thread failed on it too).
     */
    private void reopen(Connection failed, SQLException cause) {
        duckLock.lock();
        try {
            if (closed || duckRoot == null || !duckOpen.contains(failed)) return;
            log.warn("history store {}: a write failed ({}); opening the database again from its file", url, firstLine(cause));
            try (Statement s = duckRoot.createStatement()) {
                s.execute("PRAGMA disable_checkpoint_on_shutdown");
            } catch (SQLException e) {
                log.warn("history store {}: cannot turn the shutdown checkpoint off: {}", url, firstLine(e));
            }
            for (Connection c : duckOpen) closeQuietly(c);
            duckOpen.clear();
            closeQuietly(duckRoot);
            duckRoot = null;
            try {
                duckRoot = openDuck();
                log.info("history store {} open again", url);
            } catch (SQLException e) {
                log.warn("history store {}: cannot open it again yet, the next connection tries again: {}", url, firstLine(e));
            }
        } finally {
            duckLock.unlock();
        }
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the instance is being dropped
        }
    }

    private static String firstLine(SQLException e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    /** Runs before the root connection opens: Flyway uses a connection of its own, and a DuckDB file allows one instance. */
    private static void migrate(String url, String user, String password) {
        try {
            Flyway.configure()
                    .dataSource(url, user.isBlank() ? null : user, password.isBlank() ? null : password)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StoreException("cannot migrate the history store " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (dialect != Dialect.DUCKDB) return;
        duckLock.lock();
        try {
            closed = true;
            if (duckRoot != null) duckRoot.close();
            duckRoot = null;
        } catch (SQLException e) {
            throw new StoreException("cannot close " + url, e);
        } finally {
            duckLock.unlock();
        }
    }

    private static Database connectOrFail(String url, String user, String password, boolean readOnly) {
        Properties credentials = new Properties();
        if (!user.isBlank()) credentials.setProperty("user", user);
        if (!password.isBlank()) credentials.setProperty("password", password);
        try {
            return new Database(url, credentials, readOnly);
        } catch (SQLException e) {
            throw new StoreException("cannot open the history store " + url + ": " + e.getMessage(), e);
        }
    }
}
