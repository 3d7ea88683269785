package dev.switchboard.rating;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a tariff set (docs/TARIFFS.md): one JSON document with the plans, bands, holidays,
 * allowances, rates and assignments, optionally with the bulk of the rates in a CSV file whose rows
 * name the plan version they belong to. Bad input is a {@link TariffException} naming the line (CSV,
 * JSON syntax) or the place in the document (e.g. {@code plans[1].rates[7]}).
 */
public final class TariffFiles {
    private static final ObjectMapper READER = Json.MAPPER.copy()
            .setNodeFactory(TariffJson.NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper WRITER = Json.MAPPER.copy().setNodeFactory(TariffJson.NODES);

    private TariffFiles() {}

    /** A whole tariff set from one JSON document. */
    public static Tariffs read(Reader json) throws IOException {
        return read(json, null);
    }

    /** A tariff set from its JSON document plus, when {@code ratesCsv} is not null, rates to add to the plan versions it declares. */
    public static Tariffs read(Reader json, Reader ratesCsv) throws IOException {
        JsonNode root = tree(json);
        ZoneId zone = TariffJson.zone(root);
        List<PlanVersion> plans = TariffJson.plans(root, zone);
        if (ratesCsv != null) plans = withRates(plans, RateCsv.read(ratesCsv, plans));
        return TariffJson.tariffs(plans, TariffJson.assignments(root), TariffJson.required(root, "default_plan", ""), zone);
    }

    /** One plan version (the body of {@code POST /api/tariffs/plans}); a plain date in active_from is read in {@code zone}. */
    public static PlanVersion readPlan(Reader json, ZoneId zone) throws IOException {
        return TariffJson.plan(tree(json), zone, "plan");
    }

    public static void write(Writer out, Tariffs tariffs) throws IOException {
        WRITER.writerWithDefaultPrettyPrinter().writeValue(out, TariffJson.tariffs(tariffs));
    }

    /** The set as a JSON document without rates plus a CSV of all rates, which {@link #read(Reader, Reader)} reads back. */
    public static void writeSplit(Writer json, Writer ratesCsv, Tariffs tariffs) throws IOException {
        var root = TariffJson.tariffs(tariffs);
        root.withArray("plans").forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).putArray("rates"));
        WRITER.writerWithDefaultPrettyPrinter().writeValue(json, root);
        RateCsv.write(ratesCsv, tariffs);
    }

    public static void writePlan(Writer out, PlanVersion plan) throws IOException {
        WRITER.writerWithDefaultPrettyPrinter().writeValue(out, TariffJson.plan(plan));
    }

    /** The JSON text of the set, as {@link #write} makes it. */
    public static String json(Tariffs tariffs) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(out, tariffs);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    static JsonNode tree(Reader json) throws IOException {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw TariffException.invalid("bad JSON", where + e.getOriginalMessage());
        }
    }

    private static List<PlanVersion> withRates(List<PlanVersion> plans, Map<String, List<Rate>> extra) {
        List<PlanVersion> out = new ArrayList<>(plans.size());
        for (PlanVersion v : plans) {
            List<Rate> more = extra.get(RateCsv.key(v.planId(), v.version()));
            if (more == null) {
                out.add(v);
                continue;
            }
            List<Rate> rates = new ArrayList<>(v.rates());
            rates.addAll(more);
            out.add(TariffJson.plan(v.planId(), v.version(), v.activeFrom(), v.currency(), v.taxRate(), v.bands(), v.holidays(), rates,
                    v.allowances(), "plan " + v.planId() + " version " + v.version() + " with the CSV rates"));
        }
        return out;
    }
}
