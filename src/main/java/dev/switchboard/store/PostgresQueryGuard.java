package dev.switchboard.store;

import java.util.Locale;
import java.util.Set;

/**
 * The second line on PostgreSQL, behind the role the query runs as: refuses a query that names one of
 * the functions in {@link #DENIED} or the system tables in {@link #DENIED_TABLES}. The names are read as
 * the server's lexer reads them (comments, quoted strings, dollar-quoted strings skipped; quoted
 * identifiers compared as written), so a name inside a string literal or a comment does not count, and
 * a quoted one does.
 *
 * <p>The role (pg_read_all_data) already refuses most of these; the list matters for those it cannot:
 * {@code set_config('role', …)} would switch back to the connecting user when that user is a superuser,
 * and the functions that run SQL text ({@code query_to_xml}, {@code ts_stat} …) would run that text
 * after such a switch; and the role reads every table, pg_authid's password hashes too. The others are
 * listed so that the refusal says plainly what was refused.
 */
final class PostgresQueryGuard {
    static final Set<String> DENIED = Set.of(
            // settings and roles
            "set_config",
            // run SQL given as text
            "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema",
            "ts_stat", "ts_rewrite", "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query",
            // files and large objects on the server
            "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "pg_ls_logdir", "pg_ls_waldir", "pg_ls_tmpdir",
            "pg_ls_archive_statusdir", "lo_import", "lo_export", "lo_from_bytea", "lo_put", "lo_create", "lo_creat", "lo_unlink",
            // sequences and server state
            "nextval", "setval", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile",
            "pg_switch_wal", "pg_create_restore_point", "pg_promote", "pg_notify", "pg_logical_emit_message",
            "pg_advisory_lock", "pg_advisory_xact_lock", "pg_try_advisory_lock", "pg_try_advisory_xact_lock");

    /** System tables the role may read (pg_read_all_data reads every table) that hold secrets: password hashes, user mappings' options. */
    static final Set<String> DENIED_TABLES = Set.of("pg_authid", "pg_shadow", "pg_user_mapping", "pg_user_mappings");

    private PostgresQueryGuard() {}

    static void check(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') i++;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
            } else if (ch == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')
                        && (i < 2 || !isIdentifierPart(sql.charAt(i - 2)));
                i = skipString(sql, i, escapes);
            } else if (ch == '"') {
                int end = sql.indexOf('"', i + 1);
                while (end >= 0 && end + 1 < n && sql.charAt(end + 1) == '"') end = sql.indexOf('"', end + 2);
                if (end < 0) return; // unterminated: the server refuses it
                deny(sql.substring(i + 1, end).replace("\"\"", "\""));
                i = end + 1;
            } else if (ch == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                i = skipDollarQuoted(sql, i);
            } else if (isIdentifierStart(ch)) {
                int start = i;
                while (i < n && isIdentifierPart(sql.charAt(i))) i++;
                String word = sql.substring(start, i);
                if (word.equalsIgnoreCase("u") && i + 1 < n && sql.charAt(i) == '&' && (sql.charAt(i + 1) == '"' || sql.charAt(i + 1) == '\''))
                    throw new QueryRefusedException("Unicode-escaped identifiers and strings (U&\"…\") are not allowed in the query console");
                deny(word.toLowerCase(Locale.ROOT));
            } else {
                i++;
            }
        }
    }

    private static void deny(String name) {
        if (DENIED_TABLES.contains(name))
            throw new QueryRefusedException("the system table " + name + " is not readable in the query console: it holds secrets");
        if (DENIED.contains(name))
            throw new QueryRefusedException("the function " + name + "() is not allowed in the query console");
    }

    private static int skipBlockComment(String sql, int i) {
        int depth = 0;
        int n = sql.length();
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) return i;
            } else {
                i++;
            }
        }
        return n;
    }

    private static int skipString(String sql, int i, boolean backslashEscapes) {
        int n = sql.length();
        i++;
        while (i < n) {
            char ch = sql.charAt(i);
            if (backslashEscapes && ch == '\\') {
                i += 2;
            } else if (ch == '\'') {
                if (i + 1 < n && sql.charAt(i + 1) == '\'') i += 2;
                else return i + 1;
            } else {
                i++;
            }
        }
        return n;
    }

    /** {@code $tag$ … $tag$}; a {@code $1} parameter or a lone {@code $} is passed over. */
    private static int skipDollarQuoted(String sql, int i) {
        int close = sql.indexOf('$', i + 1);
        if (close < 0) return i + 1;
        String tag = sql.substring(i, close + 1);
        for (int k = 1; k < tag.length() - 1; k++) if (!isIdentifierPart(tag.charAt(k)) || Character.isDigit(tag.charAt(1))) return i + 1;
        int end = sql.indexOf(tag, close + 1);
        return end < 0 ? sql.length() : end + tag.length();
    }

    private static boolean isIdentifierStart(char ch) {
        return Character.isLetter(ch) || ch == '_' || ch >= 0x80;
    }

    private static boolean isIdentifierPart(char ch) {
        return isIdentifierStart(ch) || Character.isDigit(ch) || ch == '$';
    }
}
