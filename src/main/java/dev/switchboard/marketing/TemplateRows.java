package dev.switchboard.marketing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The rows the five marketing templates answer, the same from the live stream and from the history
 * (docs/MARKETING.md has each definition). Counts are of VOICE CDRs whose start falls in the range;
 * durations are their {@code duration_sec}; shares are exact ratios rounded HALF_UP to 4 decimals.
 */
public final class TemplateRows {
    private TemplateRows() {}

    /** Share {@code part / whole}, 4 decimals HALF_UP; 0 when whole is 0. */
    public static BigDecimal share(long part, long whole) {
        if (whole == 0) return BigDecimal.ZERO.setScale(4);
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** Template 0: calls and duration per local date, per hour of day, or per both ({@code date} or {@code hour} null when not grouped by it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Duration(LocalDate date, Integer hour, long calls, @JsonProperty("duration_sec") long durationSec) {}

    /** Template 1: calls and duration per business type and tag (tag PRIVATE, type null: numbers in no directory entry). */
    public record Business(String tag, @JsonProperty("business_type") String businessType, long calls,
                           @JsonProperty("duration_sec") long durationSec) {}

    /**
     * Template 2: a caller's tag and business type, each the one called most (ties: more duration, then
     * name); PRIVATE and null when the caller called no directory number. Shares are of all the caller's calls.
     */
    public record PersonTag(String caller, String tag, @JsonProperty("tag_calls") long tagCalls, @JsonProperty("tag_share") BigDecimal tagShare,
                            @JsonProperty("business_type") String businessType, @JsonProperty("type_calls") long typeCalls,
                            @JsonProperty("type_share") BigDecimal typeShare, long calls) {}

    /** Template 3: international calls (called region not the platform's) per country calling code and region. */
    public record Country(@JsonProperty("country_code") int countryCode, String region, String country, long calls,
                          @JsonProperty("duration_sec") long durationSec) {}

    /**
     * Template 4: the caller's most frequent weekday and hour of calling in the caller's local time
     * (ties: earlier weekday, then earlier hour); {@code confidence} = calls in that slot / all the caller's calls.
     */
    public record BestTime(String caller, String zone, @JsonProperty("zone_guessed") boolean zoneGuessed, DayOfWeek weekday, int hour,
                           @JsonProperty("slot_calls") long slotCalls, long calls, BigDecimal confidence) {}
}
