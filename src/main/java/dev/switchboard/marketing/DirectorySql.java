package dev.switchboard.marketing;

/**
 * The longest-prefix join of table {@code cdr} with table {@code business_directory} in SQL, for
 * templates and ad-hoc queries; runs on DuckDB and PostgreSQL (docs/MARKETING.md has the measurements).
 */
public final class DirectorySql {
    /**
     * Every CDR with the directory entry of the longest prefix of its called number: columns of cdr, then
     * {@code prefix}, {@code business_type}, {@code name} (null when none matched) and {@code tag}
     * ({@code PRIVATE} when none matched). An equi-join: each called number is cut at the few lengths
     * the directory's prefixes have, and the longest cut found in the directory wins.
     */
    public static final String CDR_WITH_DIRECTORY = """
            SELECT c.*, d.prefix, d.business_type, d.name, COALESCE(d.tag, 'PRIVATE') AS tag
            FROM cdr c
            LEFT JOIN (
                SELECT c2.id, max(l.n) AS n
                FROM cdr c2
                JOIN (SELECT DISTINCT length(prefix) AS n FROM business_directory) l ON l.n <= length(c2.called_number)
                JOIN business_directory d2 ON d2.prefix = substr(c2.called_number, 1, l.n)
                GROUP BY c2.id
            ) best ON best.id = c.id
            LEFT JOIN business_directory d ON d.prefix = substr(c.called_number, 1, best.n)""";

    /** The same answer the obvious way (a starts_with join, the longest kept by a window): shorter to read, slower to run. */
    public static final String STARTS_WITH = """
            SELECT id, prefix, business_type, name, COALESCE(tag, 'PRIVATE') AS tag
            FROM (
                SELECT c.id, d.prefix, d.business_type, d.name, d.tag,
                       row_number() OVER (PARTITION BY c.id ORDER BY length(d.prefix) DESC) AS nth
                FROM cdr c LEFT JOIN business_directory d ON starts_with(c.called_number, d.prefix)
            ) m
            WHERE nth = 1""";

    private DirectorySql() {}
}
