package dev.switchboard.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.flywaydb.core.Flyway;

/**
 * The SQL history store: DuckDB (a file, owned by this process) or PostgreSQL. For DuckDB one
 * root connection is opened and every other connection is a duplicate of it, because a DuckDB
 * file belongs to one database instance at a time.
 */
public final class Database implements AutoCloseable {
    private final String url;
    private final Dialect dialect;
    private final Properties credentials;
    private final DuckDBConnection duckRoot;

    private Database(String url, Properties credentials, boolean readOnly) throws SQLException {
        this.url = url;
        this.dialect = Dialect.of(url);
        this.credentials = credentials;
        if (dialect == Dialect.DUCKDB) {
            Properties props = new Properties();
            if (readOnly) props.setProperty("duckdb.read_only", "true");
            this.duckRoot = (DuckDBConnection) DriverManager.getConnection(url, props);
        } else {
            this.duckRoot = null;
        }
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

    public Connection connect() throws SQLException {
        if (duckRoot != null) return duckRoot.duplicate();
        return DriverManager.getConnection(url, credentials);
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
            return work.run(c);
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
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        });
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
        try {
            if (duckRoot != null) duckRoot.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + url, e);
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
