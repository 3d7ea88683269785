package dev.switchboard.marketing.plan;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrHistory;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.DirectoryEntry;
import dev.switchboard.marketing.DirectoryStore;
import dev.switchboard.store.Database;
import dev.switchboard.store.TableMapping;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Six people and a week of calls whose target rows were worked out by hand. Platform zone New York (EST,
 * UTC-5: the range 1–8 March 2026 ends before the switch to summer time matters), home region US. Directory:
 * +1212555 banking, +12125550100 a hospital (longer prefix wins), +1800 food, +1310555 travelling. Private
 * numbers: +12025550142 (no entry), +33198765432 (France), +4915112345678 (Germany).
 *
 * <pre>
 * caller          zone      calls (UTC start → caller local)                                 tag / type       best slot
 * P1 +12125550191 NY        03-03 04:30 Mon 23:30 HOSP · 03-04 04:10 Tue 23:10 HOSP ·        HEALTH 2/3       MON 23 (three 1-call
 *                           03-05 04:05 Wed 23:05 FR                                         HOSPITAL         slots: earliest day) 1/3
 * P2 +14155550122 LA        03-03 10:00 Tue 02:00 TRAV · 03-04 10:30 Wed 02:30 TRAV ·         AD 2/4           WED 2, 2/4
 *                           03-04 10:45 Wed 02:45 FR · 03-05 18:00 Thu 10:00 private        TRAVELING
 * P3 +12125550193 NY        03-05 14:00 Thu 09:00 FOOD · 03-05 14:20 Thu 09:20 BANK ·         BUSINESS 2/4     THU 9, 2/4
 *                           03-06 14:10 Fri 09:10 BANK · 03-06 20:00 Fri 15:00 private ·    BANKING
 *                           SMS to France 03-06 (not a call: P3 did not call France)
 * P4 +61412345678 guessed NY 03-07 12:00 Sat 07:00 DE · 03-07 12:30 Sat 07:30 private        PRIVATE 2/2      SAT 7, 2/2
 * P5 +14155550125 LA        03-02 04:00 Sun 03-01 20:00 HOSP; FR on 03-01 04:30 UTC (28 Feb    HEALTH 1/1       SUN 20, 1/1
 *                           in New York) and 03-10: outside the range                        HOSPITAL
 * P6 +12125550196 NY        03-02 17:00 Mon 12:00 FOOD no answer · 03-02 17:05 Mon 12:05 FOOD · AD 2/5          MON 12, 3/5
 *                           03-02 17:30 Mon 12:30 BANK · 03-03 18:00 Tue 13:00 HOSP ·        FOOD
 *                           03-03 10:00 Tue 05:00 DE
 * </pre>
 * By caller (string order): P1, P3, P6, P2, P5, P4.
 */
public final class PlanFixture {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final LocalDate FROM = LocalDate.parse("2026-03-01"), TO = LocalDate.parse("2026-03-08");
    public static final String P1 = "+12125550191", P2 = "+14155550122", P3 = "+12125550193", P4 = "+61412345678", P5 = "+14155550125",
            P6 = "+12125550196";
    public static final String HOSP = "+12125550100", FOOD = "+18005550199", PRIVATE = "+12025550142", FR = "+33198765432", DE = "+4915112345678";
    public static final List<DirectoryEntry> DIRECTORY = List.of(new DirectoryEntry("+1212555", BusinessType.BANKING, null),
            new DirectoryEntry(HOSP, BusinessType.HOSPITAL, null), new DirectoryEntry("+1800", BusinessType.FOOD, null),
            new DirectoryEntry("+1310555", BusinessType.TRAVELING, null));

    private static int ids;

    private static Cdr call(String from, String to, String utc, int seconds) {
        return new Cdr("c" + ++ids, from, to, Instant.parse(utc), seconds, CdrType.VOICE, CdrResult.ANSWERED, null);
    }

    public static final List<Cdr> CDRS = List.of(
            call(P1, HOSP, "2026-03-03T04:30:00Z", 60), call(P1, HOSP, "2026-03-04T04:10:00Z", 60), call(P1, FR, "2026-03-05T04:05:00Z", 100),
            call(P2, "+13105550001", "2026-03-03T10:00:00Z", 30), call(P2, "+13105550002", "2026-03-04T10:30:00Z", 30),
            call(P2, FR, "2026-03-04T10:45:00Z", 200), call(P2, PRIVATE, "2026-03-05T18:00:00Z", 50),
            call(P3, FOOD, "2026-03-05T14:00:00Z", 10), call(P3, "+12125550111", "2026-03-05T14:20:00Z", 20),
            call(P3, "+12125550112", "2026-03-06T14:10:00Z", 30), call(P3, PRIVATE, "2026-03-06T20:00:00Z", 40),
            new Cdr("sms", P3, FR, Instant.parse("2026-03-06T15:00:00Z"), null, CdrType.SMS, CdrResult.ANSWERED, null),
            call(P4, DE, "2026-03-07T12:00:00Z", 45), call(P4, PRIVATE, "2026-03-07T12:30:00Z", 15),
            call(P5, HOSP, "2026-03-02T04:00:00Z", 120), call(P5, FR, "2026-03-01T04:30:00Z", 300), call(P5, FR, "2026-03-10T16:00:00Z", 300),
            new Cdr("p6-1", P6, FOOD, Instant.parse("2026-03-02T17:00:00Z"), 0, CdrType.VOICE, CdrResult.NO_ANSWER, null),
            call(P6, "+18005550100", "2026-03-02T17:05:00Z", 25), call(P6, "+12125550111", "2026-03-02T17:30:00Z", 10),
            call(P6, HOSP, "2026-03-03T18:00:00Z", 60), call(P6, DE, "2026-03-03T10:00:00Z", 30));

    private static final String NY = "America/New_York", LA = "America/Los_Angeles";

    public static final Target T1 = new Target(P1, "HEALTH", "HOSPITAL", d("0.6667"), 3, DayOfWeek.MONDAY, 23, d("0.3333"), NY, false);
    public static final Target T2 = new Target(P2, "AD", "TRAVELING", d("0.5000"), 4, DayOfWeek.WEDNESDAY, 2, d("0.5000"), LA, false);
    public static final Target T3 = new Target(P3, "BUSINESS", "BANKING", d("0.5000"), 4, DayOfWeek.THURSDAY, 9, d("0.5000"), NY, false);
    public static final Target T4 = new Target(P4, "PRIVATE", null, d("1.0000"), 2, DayOfWeek.SATURDAY, 7, d("1.0000"), NY, true);
    public static final Target T5 = new Target(P5, "HEALTH", "HOSPITAL", d("1.0000"), 1, DayOfWeek.SUNDAY, 20, d("1.0000"), LA, false);
    public static final Target T6 = new Target(P6, "AD", "FOOD", d("0.4000"), 5, DayOfWeek.MONDAY, 12, d("0.6000"), NY, false);
    /** Everyone, by caller. */
    public static final List<Target> ALL = List.of(T1, T3, T6, T2, T5, T4);

    @SuppressWarnings("unchecked")
    public static void store(Database db) {
        db.write((TableMapping<Cdr>) CdrHistory.routes().get(0).mapping(), CDRS);
        new DirectoryStore(db).importEntries(DIRECTORY, DirectoryStore.Mode.REPLACE);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private PlanFixture() {}
}
