package dev.switchboard.store;

/** The SQL engines the history store runs on. */
public enum Dialect {
    DUCKDB, POSTGRES;

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:duckdb:")) return DUCKDB;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRES;
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl + "' (use jdbc:duckdb:FILE or jdbc:postgresql://HOST/DB)");
    }
}
