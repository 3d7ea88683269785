package dev.switchboard.export;

import dev.switchboard.store.Database;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of the store's current schema and their columns, read from {@code information_schema} (the same on
 * DuckDB and PostgreSQL), so that tables other features add later are exportable without a change here. Flyway's
 * own table is left out.
 */
record Catalog(Map<String, List<Col>> tables) {
    /** How a column's values give a date: an instant (its local date in the zone), a local date-time or date, or neither. */
    enum Kind { INSTANT, LOCAL, OTHER }

    /** A column: name, SQL type as the catalog spells it (upper case), precision and scale of decimals. */
    record Col(String name, String type, Integer precision, Integer scale) {
        Kind kind() {
            if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) return Kind.INSTANT;
            if (type.equals("DATE") || type.startsWith("TIMESTAMP")) return Kind.LOCAL;
            return Kind.OTHER;
        }
    }

    static Catalog read(Database db) {
        return db.read("cannot read the table list", c -> {
            Map<String, List<Col>> tables = new TreeMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type, numeric_precision, numeric_scale "
                            + "FROM information_schema.columns WHERE table_schema = current_schema() "
                            + "AND table_name NOT LIKE 'flyway%' ORDER BY table_name, ordinal_position")) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(new Col(rs.getString(2),
                            rs.getString(3).toUpperCase(Locale.ROOT), (Integer) intOrNull(rs.getObject(4)), (Integer) intOrNull(rs.getObject(5))));
                }
            }
            return new Catalog(tables);
        });
    }

    private static Object intOrNull(Object v) {
        return v == null ? null : ((Number) v).intValue();
    }

    List<Col> columns(String table) {
        List<Col> cols = tables.get(table);
        if (cols == null) throw new ExportException("unknown table '" + table + "'; exportable tables: " + String.join(", ", tables.keySet()));
        return cols;
    }
}
