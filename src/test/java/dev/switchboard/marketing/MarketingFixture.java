package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.marketing.TemplateRows.BestTime;
import dev.switchboard.marketing.TemplateRows.Business;
import dev.switchboard.marketing.TemplateRows.Country;
import dev.switchboard.marketing.TemplateRows.Duration;
import dev.switchboard.marketing.TemplateRows.PersonTag;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * A small week of calls whose template rows were worked out by hand. Platform zone New York (EST: the
 * 2026 switch to summer time is on 8 March, after the range), home region US. Directory: +1212555 banking,
 * +12125550100 a hospital (the longer prefix wins over banking), +1800 food.
 *
 * <pre>
 * #  caller  called            UTC start          s    NY local        caller local
 * 1  A (LA)  +12125550100 HOSP 03-02 02:00        60   Sun 03-01 21h   Sun 18h
 * 2  A       +12125550111 BANK 03-02 16:00       120   Mon 03-02 11h   Mon 08h
 * 3  A       +12125550112 BANK 03-03 16:30        30   Tue 03-03 11h   Tue 08h
 * 4  A       +33198765432 FR   03-02 16:10       300   Mon 03-02 11h   Mon 08h
 * 5  B (NY)  +18005550199 FOOD 03-02 14:00        10   Mon 03-02 09h   Mon 09h
 * 6  B       +12125550100 HOSP 03-02 15:00        20   Mon 03-02 10h   Mon 10h
 * 7  C (AU?) +4915112345678 DE 03-02 13:00        45   Mon 03-02 08h   (zone guessed: NY) Mon 08h
 * 8  C       +447400123456 GB  03-02 13:30        15   Mon 03-02 08h   Mon 08h
 * 9  A       SMS to +12125550100, 03-02 16:00: not a call
 * 10 C       +12125550113 BANK 03-05 13:00 no answer 0 Thu 03-05 08h   Thu 08h
 * 11 A       +12125550111 BANK 03-09 16:00        60   outside the range (1–8 March)
 * 12 D (LA)  +12125550100 HOSP 03-04 02:00        30   Tue 03-03 21h   Tue 18h (02:00 UTC, in New York's zone)
 * </pre>
 */
public final class MarketingFixture {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final String A = "+14155550123", B = "+12125550199", C = "+61412345678", D = "+14155550999";
    public static final LocalDate FROM = LocalDate.parse("2026-03-01"), TO = LocalDate.parse("2026-03-08");
    public static final String[][] DIRECTORY = {{"+1212555", "BANKING", "BUSINESS"}, {"+12125550100", "HOSPITAL", "HEALTH"}, {"+1800", "FOOD", "AD"}};

    private static Cdr voice(String id, String from, String to, String utc, int seconds) {
        return new Cdr(id, from, to, Instant.parse(utc), seconds, CdrType.VOICE, CdrResult.ANSWERED, null);
    }

    public static final List<Cdr> CDRS = List.of(
            voice("1", A, "+12125550100", "2026-03-02T02:00:00Z", 60),
            voice("2", A, "+12125550111", "2026-03-02T16:00:00Z", 120),
            voice("3", A, "+12125550112", "2026-03-03T16:30:00Z", 30),
            voice("4", A, "+33198765432", "2026-03-02T16:10:00Z", 300),
            voice("5", B, "+18005550199", "2026-03-02T14:00:00Z", 10),
            voice("6", B, "+12125550100", "2026-03-02T15:00:00Z", 20),
            voice("7", C, "+4915112345678", "2026-03-02T13:00:00Z", 45),
            voice("8", C, "+447400123456", "2026-03-02T13:30:00Z", 15),
            new Cdr("9", A, "+12125550100", Instant.parse("2026-03-02T16:00:00Z"), null, CdrType.SMS, CdrResult.ANSWERED, null),
            new Cdr("10", C, "+12125550113", Instant.parse("2026-03-05T13:00:00Z"), 0, CdrType.VOICE, CdrResult.NO_ANSWER, null),
            voice("11", A, "+12125550111", "2026-03-09T16:00:00Z", 60),
            voice("12", D, "+12125550100", "2026-03-04T02:00:00Z", 30));

    static TemplateQuery query() {
        return TemplateQuery.of(FROM, TO);
    }

    static TemplateQuery grouped(String group) {
        return new TemplateQuery(FROM, TO, group, null, null, null, null, 0, 1_000, 0);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static void assertAll(Function<TemplateQuery, List<Duration>> duration, Function<TemplateQuery, List<Business>> business,
                          Function<TemplateQuery, List<PersonTag>> personTags, Function<TemplateQuery, List<Country>> countries,
                          Function<TemplateQuery, List<BestTime>> bestTimes) {
        assertThat(duration.apply(query())).containsExactly(
                new Duration(null, 8, 3, 60), new Duration(null, 9, 1, 10), new Duration(null, 10, 1, 20),
                new Duration(null, 11, 3, 450), new Duration(null, 21, 2, 90));
        assertThat(duration.apply(grouped("day"))).containsExactly(
                new Duration(LocalDate.parse("2026-03-01"), null, 1, 60), new Duration(LocalDate.parse("2026-03-02"), null, 6, 510),
                new Duration(LocalDate.parse("2026-03-03"), null, 2, 60), new Duration(LocalDate.parse("2026-03-05"), null, 1, 0));
        assertThat(duration.apply(grouped("day_hour"))).hasSize(8).contains(new Duration(LocalDate.parse("2026-03-02"), 11, 2, 420));

        assertThat(business.apply(query())).containsExactly(
                new Business("AD", "FOOD", 1, 10), new Business("BUSINESS", "BANKING", 3, 150),
                new Business("HEALTH", "HOSPITAL", 3, 110), new Business("PRIVATE", null, 3, 360));
        assertThat(business.apply(new TemplateQuery(FROM, TO, null, "health", null, null, null, 0, 10, 0)))
                .containsExactly(new Business("HEALTH", "HOSPITAL", 3, 110));

        assertThat(personTags.apply(query())).containsExactly(
                new PersonTag(B, "HEALTH", 1, d("0.5000"), "HOSPITAL", 1, d("0.5000"), 2),   // a tie on calls: more seconds wins
                new PersonTag(A, "BUSINESS", 2, d("0.5000"), "BANKING", 2, d("0.5000"), 4),
                new PersonTag(D, "HEALTH", 1, d("1.0000"), "HOSPITAL", 1, d("1.0000"), 1),
                new PersonTag(C, "BUSINESS", 1, d("0.3333"), "BANKING", 1, d("0.3333"), 3)); // private calls are not a tag while a business is called
        assertThat(personTags.apply(new TemplateQuery(FROM, TO, null, null, null, null, null, 3, 10, 0))).extracting(PersonTag::caller)
                .containsExactly(A, C);
        assertThat(personTags.apply(new TemplateQuery(FROM, TO, null, null, null, null, null, 0, 2, 1))).extracting(PersonTag::caller)
                .containsExactly(A, D);

        assertThat(countries.apply(query())).containsExactly(
                new Country(49, "DE", "Germany", 1, 45), new Country(33, "FR", "France", 1, 300), new Country(44, "GB", "United Kingdom", 1, 15));

        assertThat(bestTimes.apply(query())).containsExactly(
                new BestTime(B, "America/New_York", false, DayOfWeek.MONDAY, 9, 1, 2, d("0.5000")),     // a tie: the earlier hour
                new BestTime(A, "America/Los_Angeles", false, DayOfWeek.MONDAY, 8, 2, 4, d("0.5000")),
                new BestTime(D, "America/Los_Angeles", false, DayOfWeek.TUESDAY, 18, 1, 1, d("1.0000")), // 02:00 UTC Wednesday
                new BestTime(C, "America/New_York", true, DayOfWeek.MONDAY, 8, 2, 3, d("0.6667")));
    }

    private MarketingFixture() {}
}
