package dev.switchboard.rating;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.platform.Json;
import dev.switchboard.rating.CostProof.Clamp;
import dev.switchboard.rating.CostProof.FreeUse;
import dev.switchboard.rating.CostProof.Increment;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost proof as column {@code cdr.cost_proof} holds it: a JSON array of what cannot be read from the
 * row's other columns, a quarter of the full proof's size (storing and re-writing the full object was
 * most of the store's cost). Decimals are written as exact plain numbers.
 * <pre>
 * [1, plan_id, matched_prefix, band, day_kind, local_start, billed_seconds, [[allowance_id, units], …],
 *  price_per_unit, unit_sec, [[from_sec, seconds, count, amount], …], inexact_division (0|1),
 *  connection_fee, min_cost, max_cost, rounding, decimals, total]
 * </pre>
 * The first element is the layout's version. {@link #read} rebuilds the full {@link CostProof}: type, rate
 * id, plan version and currency from the row ({@code type}, {@code rate_id}, {@code plan_version},
 * {@code currency}); sum before clamp, clamp and amount before rounding by the proof's own rules, so
 * {@link CostProof#check()} still tests the total against the parts. The total is kept here exactly
 * (column {@code cost} keeps 6 decimals, and a rate without rounding may give more). A full proof object
 * (what rows rated before this layout hold) is read as it is.
 */
public final class StoredProof {
    private static final int LAYOUT = 1;
    private static final JsonFactory JSON = Json.MAPPER.getFactory();

    private StoredProof() {}

    public static String write(CostProof p) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            g.writeNumber(LAYOUT);
            g.writeString(p.planId());
            g.writeString(p.matchedPrefix());
            g.writeString(p.band());
            g.writeString(p.dayKind().name());
            g.writeString(p.localStart().toString());
            g.writeNumber(p.billedSeconds());
            g.writeStartArray();
            for (FreeUse f : p.freeUnitsUsed()) {
                g.writeStartArray();
                g.writeString(f.allowanceId());
                g.writeNumber(f.units());
                g.writeEndArray();
            }
            g.writeEndArray();
            decimal(g, p.pricePerUnit());
            g.writeNumber(p.unitSec());
            g.writeStartArray();
            for (Increment i : p.increments()) {
                g.writeStartArray();
                g.writeNumber(i.fromSec());
                g.writeNumber(i.seconds());
                g.writeNumber(i.count());
                decimal(g, i.amount());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeNumber(p.inexactDivision() ? 1 : 0);
            decimal(g, p.connectionFee());
            decimal(g, p.minCost());
            decimal(g, p.maxCost());
            g.writeString(p.rounding().name());
            g.writeNumber(p.decimals());
            decimal(g, p.total());
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void decimal(JsonGenerator g, BigDecimal d) throws IOException {
        if (d == null) g.writeNull();
        else g.writeNumber(d.toPlainString());
    }

    /** The full proof of a stored row; {@code text} is its {@code cost_proof}, the other arguments its columns. */
    public static CostProof read(String text, CdrType type, String rateId, int planVersion, String currency) {
        if (text.startsWith("{")) return fullObject(text);
        try (JsonParser in = JSON.createParser(text)) {
            expect(in, JsonToken.START_ARRAY);
            int layout = (int) longAt(in);
            if (layout != LAYOUT) throw new IllegalArgumentException("unknown stored proof layout " + layout);
            String planId = string(in), prefix = string(in), band = string(in);
            DayKind dayKind = DayKind.valueOf(string(in));
            LocalDateTime localStart = LocalDateTime.parse(string(in));
            long billed = longAt(in);
            List<FreeUse> free = new ArrayList<>();
            expect(in, JsonToken.START_ARRAY);
            while (in.nextToken() == JsonToken.START_ARRAY) {
                free.add(new FreeUse(string(in), longAt(in)));
                expect(in, JsonToken.END_ARRAY);
            }
            BigDecimal price = decimal(in);
            int unitSec = (int) longAt(in);
            List<Increment> increments = new ArrayList<>();
            expect(in, JsonToken.START_ARRAY);
            while (in.nextToken() == JsonToken.START_ARRAY) {
                increments.add(new Increment(longAt(in), longAt(in), longAt(in), decimal(in)));
                expect(in, JsonToken.END_ARRAY);
            }
            boolean inexact = longAt(in) != 0;
            BigDecimal fee = decimal(in), min = decimal(in), max = decimal(in);
            Rounding rounding = Rounding.valueOf(string(in));
            int decimals = (int) longAt(in);
            BigDecimal total = decimal(in);
            expect(in, JsonToken.END_ARRAY);
            // The proof's rules: nothing paid, nothing summed; otherwise fee + Σ increments, clamped.
            BigDecimal sum = BigDecimal.ZERO;
            Clamp clamp = Clamp.NONE;
            BigDecimal amount = BigDecimal.ZERO;
            if (!increments.isEmpty()) {
                sum = fee;
                for (Increment i : increments) sum = sum.add(i.total());
                clamp = RateMath.clampOf(sum, min, max);
                amount = RateMath.clamped(sum, clamp, min, max);
            }
            return new CostProof(planId, planVersion, type, rateId, prefix, band, dayKind, localStart, billed, free, price, unitSec,
                    increments, inexact, fee, sum, min, max, clamp, amount, rounding, decimals, total, currency);
        } catch (IOException e) {
            throw new IllegalArgumentException("a stored cost proof is not readable: " + e.getMessage(), e);
        }
    }

    /** Billed seconds and free units used (in either stored form), as billing sums them. */
    public static long[] billedAndFree(String text) {
        if (text.startsWith("{")) {
            com.fasterxml.jackson.databind.JsonNode p;
            try {
                p = Json.MAPPER.readTree(text);
            } catch (IOException e) {
                throw new IllegalArgumentException("a stored cost proof is not JSON: " + e.getMessage(), e);
            }
            long free = 0;
            for (com.fasterxml.jackson.databind.JsonNode use : p.path("free_units_used")) free += use.path("units").asLong(0);
            return new long[] {p.path("billed_seconds").asLong(0), free};
        }
        CostProof p = read(text, CdrType.VOICE, null, 0, "");
        return new long[] {p.billedSeconds(), p.freeUnitsUsed().stream().mapToLong(FreeUse::units).sum()};
    }

    private static CostProof fullObject(String text) {
        try {
            return Json.MAPPER.readValue(text, CostProof.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("a stored cost proof is not JSON: " + e.getMessage(), e);
        }
    }

    private static void expect(JsonParser in, JsonToken token) throws IOException {
        if (in.nextToken() != token) throw new IllegalArgumentException("a stored cost proof is malformed at " + in.currentLocation());
    }

    private static String string(JsonParser in) throws IOException {
        JsonToken t = in.nextToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw new IllegalArgumentException("a stored cost proof is malformed at " + in.currentLocation());
        return in.getText();
    }

    private static long longAt(JsonParser in) throws IOException {
        if (in.nextToken() != JsonToken.VALUE_NUMBER_INT) throw new IllegalArgumentException("a stored cost proof is malformed at " + in.currentLocation());
        return in.getLongValue();
    }

    private static BigDecimal decimal(JsonParser in) throws IOException {
        JsonToken t = in.nextToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT)
            throw new IllegalArgumentException("a stored cost proof is malformed at " + in.currentLocation());
        return in.getDecimalValue();
    }
}
