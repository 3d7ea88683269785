package dev.switchboard.predict;

import dev.switchboard.callcenter.Sex;
import java.time.DayOfWeek;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the model may know of a call when it arrives, and nothing learnt later (no wait, no talk
 * time, no agent, no product talked about, no subject). Unknown callers have null city, sex and age
 * and no products.
 *
 * @param products      codes of the products the caller held on the day of the call
 * @param callsLast30d  the caller's completed calls queued in the 30 days before this one
 * @param callsLast7d   the same over 7 days
 * @param hour          local hour of day (platform zone) the call was queued
 * @param dialledNumber the number the caller dialled; null where the source does not say
 */
public record CallFeatures(String city, Sex sex, Integer age, Set<String> products, int callsLast30d, int callsLast7d, LastCall lastCall,
        int hour, DayOfWeek weekday, String queue, String dialledNumber) {
    public CallFeatures {
        products = Set.copyOf(products);
        Objects.requireNonNull(lastCall, "last_call");
        Objects.requireNonNull(weekday, "weekday");
        if (callsLast30d < 0 || callsLast7d < 0) throw new IllegalArgumentException("call counts must not be negative");
        if (callsLast7d > callsLast30d) throw new IllegalArgumentException("calls_last_7d must not exceed calls_last_30d");
        if (hour < 0 || hour > 23) throw new IllegalArgumentException("hour must be 0..23");
        if (age != null && (age < 0 || age > 130)) throw new IllegalArgumentException("age out of range: " + age);
    }

    /** Five-year bands ({@code 25-29}, {@code 30-34}, …), fine enough that no threshold at a multiple of five is blurred. */
    public String ageBand() {
        if (age == null) return "UNKNOWN";
        int low = age / 5 * 5;
        return low + "-" + (low + 4);
    }
}
