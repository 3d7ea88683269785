package dev.switchboard.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a DuckDB query on its parse tree ({@code json_serialize_sql}) before it runs. The engine's
 * parser accepts only SELECT statements there, so what is left to check is what a SELECT can reach:
 * <ul>
 *   <li>every table it names is a table or view of the store's own schema, or a CTE in scope at that
 *       point (scoped as DuckDB binds them: a CTE body sees the CTEs before it, and itself only when
 *       recursive) — any other name could be a file that DuckDB's replacement scans would read
 *       ({@code FROM '/etc/passwd'}, {@code FROM 'x.csv'}), another attached database, or a system table;</li>
 *   <li>table functions are limited to {@link #TABLE_FUNCTIONS} (range, generate_series, unnest): the
 *       others read files (read_csv, read_text, glob, sniff_csv …), run SQL text (query, query_table)
 *       or show the engine's settings and secrets (duckdb_settings, duckdb_secrets …);</li>
 *   <li>scalar, aggregate and window functions must already be in the engine's catalog, so none makes
 *       DuckDB install or load an extension, and none may be in {@link #DENIED_FUNCTIONS}: functions
 *       that change state (nextval, setseed, write_log), read settings and variables (current_setting, getvariable)
 *       or bind SQL given as text (json_serialize_plan, whose binding of read_csv would read the file).</li>
 * </ul>
 */
final class DuckDbQueryGuard {
    static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");
    /** Functions the binder handles itself, not listed in duckdb_functions(). */
    private static final Set<String> BINDER_FUNCTIONS = Set.of("unnest", "unlist");
    static final Set<String> DENIED_FUNCTIONS = Set.of("nextval", "currval", "setseed", "current_setting", "getvariable", "which_secret",
            // binds SQL given as text (a bind of read_csv already reads the file), writes to the engine's log
            "json_serialize_plan", "write_log");
    /** The two catalog views that help find one's way in the schema; they list tables and columns only. */
    private static final Set<String> INFORMATION_SCHEMA = Set.of("tables", "columns");
    /** Table references that are not a table, a join, a subquery, a VALUES list, a pivot or an allowed table function. */
    private static final Set<String> DENIED_REFERENCES = Set.of("SHOW_REF", "COLUMN_DATA", "DELIM_GET", "BOUND_TABLE_REF", "CTE", "INVALID");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String database;
    private final String schema;
    private final Set<String> tables;
    private final Set<String> functions;

    private DuckDbQueryGuard(String database, String schema, Set<String> tables, Set<String> functions) {
        this.database = database;
        this.schema = schema;
        this.tables = tables;
        this.functions = functions;
    }

    /** Refuses {@code text} with a {@link QueryRefusedException} unless it is one SELECT that reaches only what the class comment allows. */
    static void check(Connection c, String text) throws SQLException {
        JsonNode tree = parse(c, text);
        DuckDbQueryGuard guard = load(c);
        guard.visit(tree.path("statements").get(0).path("node"), Set.of());
    }

    private static JsonNode parse(Connection c, String text) throws SQLException {
        String json;
        try (PreparedStatement ps = c.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new QueryRefusedException("the query could not be checked: " + e.getMessage());
        }
        if (tree.path("error").asBoolean(false)) {
            String error = tree.path("error_message").asText("");
            throw new QueryRefusedException(error.startsWith("Only SELECT") ? "only read-only queries (SELECT) are allowed" : error);
        }
        if (tree.path("statements").size() != 1) throw new QueryRefusedException("exactly one statement is allowed");
        return tree;
    }

    private static DuckDbQueryGuard load(Connection c) throws SQLException {
        String database;
        String schema;
        Set<String> tables = new HashSet<>();
        Set<String> functions = new HashSet<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT current_database(), current_schema()")) {
                rs.next();
                database = lower(rs.getString(1));
                schema = lower(rs.getString(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_catalog = current_database() AND table_schema = current_schema()")) {
                while (rs.next()) tables.add(lower(rs.getString(1)));
            }
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT function_name FROM duckdb_functions() "
                    + "WHERE function_type IN ('scalar', 'aggregate', 'macro')")) {
                while (rs.next()) functions.add(lower(rs.getString(1)));
            }
        }
        return new DuckDbQueryGuard(database, schema, tables, functions);
    }

    private void visit(JsonNode node, Set<String> ctes) {
        if (node == null) return;
        if (node.isArray()) {
            for (JsonNode element : node) visit(element, ctes);
            return;
        }
        if (!node.isObject()) return;
        Set<String> scope = visitCtes(node, ctes);
        String type = node.path("type").isTextual() ? node.get("type").asText() : "";
        String kind = node.path("class").asText("");
        if (kind.isEmpty()) {
            switch (type) {
                case "BASE_TABLE" -> checkTable(node, scope);
                case "TABLE_FUNCTION" -> {
                    JsonNode function = node.path("function");
                    String name = lower(function.path("function_name").asText());
                    if (!TABLE_FUNCTIONS.contains(name) || !function.path("schema").asText("").isEmpty())
                        throw new QueryRefusedException("the table function " + name + "() is not allowed (allowed: "
                                + String.join(", ", TABLE_FUNCTIONS.stream().sorted().toList()) + ")");
                    visitFields(function, scope);
                    return;
                }
                case "CTE_NODE" -> {
                    // The body of cte_name (also in the cte_map) sees the CTEs before it; the rest sees them all.
                    visit(node.get("query"), before(node, ctes));
                    visit(node.get("child"), scope);
                    return;
                }
                case "RECURSIVE_CTE_NODE" -> {
                    Set<String> self = new HashSet<>(scope);
                    self.add(lower(node.path("cte_name").asText()));
                    visitFields(node, Set.copyOf(self));
                    return;
                }
                default -> {
                    if (DENIED_REFERENCES.contains(type)) throw new QueryRefusedException("a " + type + " reference is not allowed");
                }
            }
        } else if (kind.equals("FUNCTION") || kind.equals("WINDOW")) {
            checkFunction(node, kind, type);
        }
        visitFields(node, scope);
    }

    private void visitFields(JsonNode node, Set<String> scope) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("cte_map")) visit(field.getValue(), scope);
        }
    }

    /** Visits each CTE body with the CTEs before it in scope, and answers the scope of the node's own query: all of them. */
    private Set<String> visitCtes(JsonNode node, Set<String> ctes) {
        JsonNode map = node.path("cte_map").path("map");
        if (!map.isArray() || map.isEmpty()) return ctes;
        Set<String> scope = new HashSet<>(ctes);
        for (JsonNode entry : map) {
            visit(entry.get("value"), Set.copyOf(scope));
            scope.add(lower(entry.path("key").asText()));
        }
        return Set.copyOf(scope);
    }

    /** The CTEs in scope for the body of a CTE_NODE's cte_name: those of the enclosing query and those listed before it. */
    private static Set<String> before(JsonNode node, Set<String> ctes) {
        String name = lower(node.path("cte_name").asText());
        Set<String> scope = new HashSet<>(ctes);
        for (JsonNode entry : node.path("cte_map").path("map")) {
            String key = lower(entry.path("key").asText());
            if (key.equals(name)) return Set.copyOf(scope);
            scope.add(key);
        }
        return ctes;
    }

    private void checkTable(JsonNode ref, Set<String> ctes) {
        String catalog = lower(ref.path("catalog_name").asText(""));
        String schemaName = lower(ref.path("schema_name").asText(""));
        String table = lower(ref.path("table_name").asText(""));
        String shown = ref.path("table_name").asText("");
        if (catalog.isEmpty() && schemaName.isEmpty() && ctes.contains(table)) return;
        boolean ownCatalog = catalog.isEmpty() || catalog.equals(database);
        boolean ownSchema = schemaName.isEmpty() || schemaName.equals(schema) || (catalog.isEmpty() && schemaName.equals(database));
        if (ownCatalog && ownSchema && tables.contains(table)) return;
        if (catalog.isEmpty() && schemaName.equals("information_schema") && INFORMATION_SCHEMA.contains(table)) return;
        throw new QueryRefusedException("'" + (schemaName.isEmpty() ? "" : schemaName + ".") + shown
                + "' is not a table of the history store; files, other databases and system tables cannot be read here");
    }

    private void checkFunction(JsonNode call, String kind, String type) {
        String name = lower(call.path("function_name").asText(""));
        if (DENIED_FUNCTIONS.contains(name))
            throw new QueryRefusedException("the function " + name + "() is not allowed: it changes state, reads settings or runs SQL given as text");
        boolean mustBeKnown = kind.equals("FUNCTION") || type.equals("WINDOW_AGGREGATE");
        if (mustBeKnown && !functions.contains(name) && !BINDER_FUNCTIONS.contains(name))
            throw new QueryRefusedException("unknown function " + name + "(): only the functions built into the engine are allowed");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
