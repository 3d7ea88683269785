package dev.switchboard.marketing.live;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.cdr.NumberPlaces;
import dev.switchboard.marketing.BusinessDirectory;
import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.DirectoryEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * What the templates need of one CDR, by the rules of {@link dev.switchboard.marketing.HistoryTemplates}:
 * local date and hour in the platform's zone; the type of the called number (the directory's longest
 * prefix, null for a private number); the called region and country code; the caller's weekly slot in
 * the caller's zone ({@link NumberPlaces}: the platform's zone when libphonenumber names none).
 */
final class CallFacts {
    /** One voice call's facts; {@code day} is an epoch day, {@code slot} (ISO weekday − 1) × 24 + hour. */
    record Facts(long day, int hour, BusinessType type, String region, int countryCode, int slot, long seconds) {}

    private final ZoneId zone;
    private final NumberPlaces places;
    private final Supplier<BusinessDirectory> directory;

    CallFacts(ZoneId zone, Supplier<BusinessDirectory> directory) {
        this.zone = zone;
        this.places = new NumberPlaces(zone);
        this.directory = directory;
    }

    /** Null for what the templates do not count: anything but a voice call. */
    Facts of(Cdr cdr) {
        if (cdr.type() != CdrType.VOICE) return null;
        Instant start = cdr.startTime();
        long local = localSeconds(start, zone);
        NumberPlaces.Place called = places.of(cdr.calledNumber());
        long callerLocal = localSeconds(start, places.of(cdr.callingNumber()).zone());
        long callerDay = Math.floorDiv(callerLocal, 86_400);
        int weekday = (int) Math.floorMod(callerDay + 3, 7); // epoch day 0 was a Thursday: ISO weekday 4, here 3
        int slot = weekday * 24 + (int) (Math.floorMod(callerLocal, 86_400) / 3600);
        DirectoryEntry entry = directory.get().find(cdr.calledNumber()).orElse(null);
        return new Facts(Math.floorDiv(local, 86_400), (int) (Math.floorMod(local, 86_400) / 3600), entry == null ? null : entry.type(),
                called.region(), called.countryCode(), slot, cdr.durationSec() == null ? 0 : cdr.durationSec());
    }

    private static long localSeconds(Instant t, ZoneId zone) {
        return t.getEpochSecond() + zone.getRules().getOffset(t).getTotalSeconds();
    }
}
