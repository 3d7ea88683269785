package dev.switchboard.cli;

import dev.switchboard.platform.Json;
import dev.switchboard.store.QueryResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Prints a query result as an aligned table, CSV (RFC 4180) or JSON (an array of objects). */
final class ResultPrinter {
    private ResultPrinter() {}

    static void print(QueryResult r, String format, PrintStream out) throws IOException {
        switch (format) {
            case "csv" -> csv(r, out);
            case "json" -> json(r, out);
            case "table" -> table(r, out);
            default -> throw new UserError("unknown --format '" + format + "' (use table, csv or json)");
        }
        if (r.truncated()) System.err.println("(rows cut at the limit; use LIMIT or --limit)");
    }

    private static void csv(QueryResult r, PrintStream out) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(r.columns().toArray(String[]::new)).get())) {
            for (List<Object> row : r.rows()) printer.printRecord(row);
        }
        out.print(w);
    }

    private static void json(QueryResult r, PrintStream out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < r.columns().size(); i++) m.put(r.columns().get(i), row.get(i));
            rows.add(m);
        }
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    }

    private static void table(QueryResult r, PrintStream out) {
        int n = r.columns().size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) width[i] = r.columns().get(i).length();
        for (List<Object> row : r.rows())
            for (int i = 0; i < n; i++) width[i] = Math.max(width[i], text(row.get(i)).length());
        line(out, r.columns().stream().map(c -> (Object) c).toList(), width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        out.println(rule);
        for (List<Object> row : r.rows()) line(out, row, width);
        out.println("(" + r.rows().size() + " row" + (r.rows().size() == 1 ? "" : "s") + ")");
    }

    private static void line(PrintStream out, List<Object> values, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            String t = text(v);
            String cell = v instanceof Number ? " ".repeat(width[i] - t.length()) + t : t + " ".repeat(width[i] - t.length());
            b.append(i == 0 ? "" : " | ").append(cell);
        }
        out.println(b.toString().stripTrailing());
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}
