package dev.switchboard.marketing.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.DayOfWeek;

/**
 * One person of a target list: template 2's tag (PRIVATE when they called no directory number), business type
 * (null when none), share of their calls to that tag and count of calls, with template 4's best weekday and hour
 * in their local time, its confidence, and their zone ({@code zone_guessed}: the platform's, libphonenumber named none).
 */
public record Target(String caller, String tag, @JsonProperty("business_type") String businessType, @JsonProperty("tag_share") BigDecimal tagShare,
                     long calls, DayOfWeek weekday, int hour, BigDecimal confidence, String zone, @JsonProperty("zone_guessed") boolean zoneGuessed) {}
