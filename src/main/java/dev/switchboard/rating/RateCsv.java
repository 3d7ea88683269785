package dev.switchboard.rating;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The bulk part of a tariff set: one rate per CSV row, with a header, for plan versions the JSON
 * document declares. Columns as in the JSON rates, {@code rate_id} for {@code id}, plus {@code plan_id}
 * and {@code version}; an empty cell takes the field's default.
 */
final class RateCsv {
    static final List<String> COLUMNS = List.of("plan_id", "version", "rate_id", "type", "prefix", "band", "connection_fee", "price_per_unit",
            "unit_sec", "first_increment_sec", "increment_sec", "min_cost", "max_cost", "rounding", "decimals");
    private static final List<String> REQUIRED = List.of("plan_id", "version", "rate_id", "price_per_unit");
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).get();

    private RateCsv() {}

    static String key(String planId, int version) {
        return planId + "\u0000" + version;
    }

    /** The rows by plan version (see {@link #key}); a row for a version the JSON does not declare is refused. */
    static Map<String, List<Rate>> read(Reader in, List<PlanVersion> declared) throws IOException {
        Map<String, String> currencies = new HashMap<>();
        for (PlanVersion v : declared) currencies.put(key(v.planId(), v.version()), v.currency());
        Map<String, List<Rate>> out = new LinkedHashMap<>();
        try (CSVParser csv = CSVParser.parse(in, READ)) {
            List<String> header = csv.getHeaderNames();
            List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) throw TariffException.invalid("bad rates CSV", "line 1: missing columns " + missing + " (header: " + COLUMNS + ")");
            List<String> unknown = header.stream().filter(c -> !COLUMNS.contains(c)).toList();
            if (!unknown.isEmpty()) throw TariffException.invalid("bad rates CSV", "line 1: unknown columns " + unknown + " (known: " + COLUMNS + ")");
            for (CSVRecord row : csv) {
                String at = "rates CSV line " + (row.getRecordNumber() + 1);
                if (!row.isConsistent()) throw TariffException.invalid("bad rates CSV", at + ": " + row.size() + " cells, header has " + header.size());
                ObjectNode node = TariffJson.NODES.objectNode();
                for (String column : header) node.put(column.equals("rate_id") ? "id" : column, row.get(column));
                String planId = TariffJson.required(node, "plan_id", at);
                int version = TariffJson.integer(node, "version", at, 1);
                String k = key(planId, version);
                String currency = currencies.get(k);
                if (currency == null)
                    throw TariffException.invalid("bad rates CSV", at + ": plan " + planId + " version " + version + " is not declared in the JSON file");
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(TariffJson.rate(node, currency, at));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw TariffException.invalid("bad rates CSV", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } catch (org.apache.commons.csv.CSVException e) {
            // The header line is read when the parser opens, so its quoting errors come as this checked exception.
            throw TariffException.invalid("bad rates CSV", "line 1: " + e.getMessage());
        }
        return out;
    }

    /** Every rate of the set, plans in id order, versions in activation order. */
    static void write(Writer out, Tariffs tariffs) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (String id : new TreeSet<>(tariffs.plans().keySet())) {
                for (PlanVersion v : tariffs.plans().get(id)) {
                    for (Rate r : v.rates()) {
                        csv.printRecord(v.planId(), v.version(), r.id(), r.type(), r.prefix(), r.band(), plain(r.connectionFee()), plain(r.pricePerUnit()),
                                r.unitSec(), r.firstIncrementSec(), r.incrementSec(), plain(r.minCost()), plain(r.maxCost()), r.rounding(), r.decimals());
                    }
                }
            }
        }
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
