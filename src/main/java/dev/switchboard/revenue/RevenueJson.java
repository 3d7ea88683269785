package dev.switchboard.revenue;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.revenue.RevenueQueries.ErrorSample;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The JSON answers of {@code /api/revenue/*}. Money is text ("12.34"), exact; never a JSON number. */
public final class RevenueJson {
    private RevenueJson() {}

    /** A revenue figure in one currency, over {@code rated} CDRs. */
    public record CurrencyAmount(String currency, String amount, long rated) {}

    public record Summary(YearMonth period, String zone, Instant from, Instant to, LocalDate today,
            @JsonProperty("revenue_today") List<CurrencyAmount> revenueToday,
            @JsonProperty("revenue_period") List<CurrencyAmount> revenuePeriod,
            long cdrs, long rated, @JsonProperty("not_rated") long notRated,
            long calls, @JsonProperty("answered_calls") long answeredCalls, long sms,
            @JsonProperty("answered_call_seconds") long answeredCallSeconds,
            @JsonProperty("average_call_duration_sec") BigDecimal averageCallDurationSec,
            @JsonProperty("today_cdrs") long todayCdrs, @JsonProperty("today_rated") long todayRated,
            @JsonProperty("today_not_rated") long todayNotRated) {}

    /**
     * One group: a calling number, operator or country. {@code amount} is null when no CDR of the group
     * is rated, or when its rated CDRs are in more than one currency ({@code currency} is then "MIXED").
     */
    public record Row(String key, String label, long cdrs, long calls, long sms, @JsonProperty("voice_seconds") long voiceSeconds,
            BigDecimal minutes, long rated, @JsonProperty("not_rated") long notRated, String amount, String currency) {
        static Row of(String key, String label, Usage u) {
            boolean mixed = u.mixedCurrencies();
            return new Row(key, label, u.cdrs(), u.calls(), u.sms(), u.voiceSeconds(), RevenueJson.minutes(u.voiceSeconds()), u.rated(), u.notRated(),
                    mixed ? null : Money.text(u.amount()), mixed ? "MIXED" : u.minCurrency());
        }
    }

    static BigDecimal minutes(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    public record Top(YearMonth period, String by, List<Row> rows) {}

    public record Distribution(YearMonth period, String by, List<Row> rows) {}

    public record Day(LocalDate date, long cdrs, long calls, long sms, long rated, @JsonProperty("not_rated") long notRated,
            String revenue, String currency) {
        static Day of(LocalDate date, Usage u) {
            boolean mixed = u.mixedCurrencies();
            return new Day(date, u.cdrs(), u.calls(), u.sms(), u.rated(), u.notRated(), mixed ? null : Money.text(u.amount()),
                    mixed ? "MIXED" : u.minCurrency());
        }
    }

    public record Daily(YearMonth period, String zone, List<Day> days) {}

    /** One stored error row; the raw payload is cut at {@link RevenueService#MAX_RAW_CHARS} characters. */
    public record Sample(String source, String format, @JsonProperty("received_at") Instant receivedAt, String reasons, String raw,
            @JsonProperty("raw_truncated") boolean rawTruncated) {
        static Sample of(ErrorSample s) {
            boolean cut = s.raw().length() > RevenueService.MAX_RAW_CHARS;
            return new Sample(s.source(), s.format(), s.receivedAt(), s.reasons(), cut ? s.raw().substring(0, RevenueService.MAX_RAW_CHARS) : s.raw(), cut);
        }
    }

    public record ErrorReason(String reason, long count, List<Sample> samples) {}

    /** {@code rows} counts error rows; a row with two reasons is in two reasons' counts. */
    public record Errors(YearMonth period, long rows, List<ErrorReason> reasons) {}
}
