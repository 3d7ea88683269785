package dev.switchboard.store;

import dev.switchboard.cdr.CdrType;
import dev.switchboard.rating.CostProof;
import dev.switchboard.rating.DayKind;
import dev.switchboard.rating.PlanVersion;
import dev.switchboard.rating.Rounding;
import dev.switchboard.rating.StoredProof;
import dev.switchboard.rating.Tariffs;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-written rated CDR rows (cost and cost proof as the sink stores them) and a small tariff set, for the billing tests. */
final class BillingFixtures {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String A = "+33600000001";
    static final String B = "+33600000002";
    static final String C = "+33600000003";

    private BillingFixtures() {}

    /** basic: tax 20 % from January, 21 % from 15 March (so March bills use 21 %); smart: 5.5 %; B is on smart. */
    static Tariffs tariffs() {
        PlanVersion basic1 = plan("basic", 1, "2026-01-01T00:00:00Z", "0.20");
        PlanVersion basic2 = plan("basic", 2, "2026-03-15T00:00:00Z", "0.21");
        PlanVersion smart = plan("smart", 1, "2026-01-01T00:00:00Z", "0.055");
        return new Tariffs(Map.of("basic", List.of(basic1, basic2), "smart", List.of(smart)), Map.of(B, "smart"), "basic", PARIS);
    }

    static PlanVersion plan(String id, int version, String from, String tax) {
        return new PlanVersion(id, version, Instant.parse(from), "EUR", new BigDecimal(tax), List.of(), Set.of(), List.of(), List.of());
    }

    /** One CDR row; cost null = not priced. */
    static void cdr(Database db, String id, String caller, String start, Integer seconds, String type, String cost, String currency, String proof)
            throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO cdr (id, calling_number, called_number, start_time,"
                + " duration_sec, type, result, operator, cost, currency, rate_id, plan_version, cost_proof) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, caller);
            ps.setString(3, "+33198765432");
            ps.setObject(4, OffsetDateTime.ofInstant(Instant.parse(start), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            if (seconds == null) ps.setNull(5, Types.INTEGER);
            else ps.setInt(5, seconds);
            ps.setString(6, type);
            ps.setString(7, "ANSWERED");
            ps.setString(8, "Orange");
            if (cost == null) ps.setNull(9, Types.DECIMAL);
            else ps.setBigDecimal(9, new BigDecimal(cost));
            ps.setString(10, currency);
            ps.setString(11, cost == null ? null : "r1");
            ps.setInt(12, cost == null ? 0 : 1);
            ps.setString(13, proof);
            ps.executeUpdate();
        }
    }

    /** A stored proof (the compact layout) with what billing reads: billed seconds and free units used. */
    static String proof(String type, long billed, long free, String total) {
        boolean sms = type.equals("SMS");
        List<CostProof.FreeUse> used = free == 0 ? List.of() : List.of(new CostProof.FreeUse(sms ? "sms-10" : "voice-100", free));
        BigDecimal amount = new BigDecimal(total);
        List<CostProof.Increment> paid = amount.signum() == 0 ? List.of()
                : List.of(new CostProof.Increment(free, sms ? 1 : billed - free, 1, amount));
        return StoredProof.write(new CostProof("basic", 1, CdrType.valueOf(type), "r1", "33", null, DayKind.WEEKDAY,
                LocalDateTime.parse("2026-03-02T10:00"), billed, used, amount, sms ? 1 : 60, paid, false, BigDecimal.ZERO, amount, null, null,
                CostProof.Clamp.NONE, amount, Rounding.NONE, 0, amount, "EUR"));
    }

    static void voice(Database db, String id, String caller, String start, int seconds, String cost, String currency, long billed, long free)
            throws SQLException {
        cdr(db, id, caller, start, seconds, "VOICE", cost, currency, cost == null ? null : proof("VOICE", billed, free, cost));
    }

    static void sms(Database db, String id, String caller, String start, String cost, long free) throws SQLException {
        cdr(db, id, caller, start, null, "SMS", cost, "EUR", proof("SMS", 1, free, cost));
    }

    /**
     * March 2026 in Paris runs from 2026-02-28T23:00Z to 2026-03-31T22:00Z (summer time from 29 March).
     * A (basic): 1.413334 EUR in March, one unpriced CDR, 5.00 in February, 9.00 in April.
     * B (smart): 0.45 EUR and 3.00 USD. C: only an unpriced CDR.
     */
    static void march(Database db) throws SQLException {
        voice(db, "a1", A, "2026-03-10T10:00:00Z", 130, "0.90", "EUR", 180, 100);
        voice(db, "a2", A, "2026-03-10T11:00:00Z", 61, "0.333333", "EUR", 61, 0);
        sms(db, "a3", A, "2026-03-05T09:00:00Z", "0", 1);
        sms(db, "a4", A, "2026-03-05T09:01:00Z", "0.10", 0);
        voice(db, "a5", A, "2026-03-11T09:00:00Z", 20, null, null, 0, 0);
        voice(db, "a6", A, "2026-02-28T22:59:59Z", 30, "5.00", "EUR", 60, 0);   // 23:59:59 on 28 Feb in Paris
        voice(db, "a7", A, "2026-02-28T23:00:00Z", 45, "0.07", "EUR", 60, 0);   // midnight, 1 March in Paris
        voice(db, "a8", A, "2026-03-31T22:00:00Z", 30, "9.00", "EUR", 60, 0);   // midnight, 1 April in Paris (CEST)
        voice(db, "a9", A, "2026-03-31T21:59:59Z", 10, "0.010001", "EUR", 60, 0);
        voice(db, "b1", B, "2026-03-02T08:00:00Z", 59, "0.45", "EUR", 60, 0);
        voice(db, "b2", B, "2026-03-03T08:00:00Z", 100, "3.00", "USD", 120, 0);
        voice(db, "c1", C, "2026-03-04T08:00:00Z", 10, null, null, 0, 0);
    }
}
