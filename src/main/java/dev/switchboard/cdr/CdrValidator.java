package dev.switchboard.cdr;

import dev.switchboard.platform.Instants;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.Reason;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges the fields of one CDR by the {@link CdrRules} and, when they pass, builds the clean {@link Cdr}.
 * Every problem found is reported, not just the first, so that a sender can fix a record in one go.
 */
final class CdrValidator {
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final CdrRules rules;
    private final PhoneNumbers phoneNumbers;

    CdrValidator(CdrRules rules) {
        this.rules = rules;
        this.phoneNumbers = new PhoneNumbers(rules);
    }

    Mediated<Cdr> validate(CdrFields fields, Instant now) {
        Check check = new Check(fields);
        String id = check.required("id");
        String callingNumber = check.number("calling_number");
        String calledNumber = check.number("called_number");
        Instant startTime = check.startTime(now);
        CdrType type = check.type();
        CdrResult result = check.result();
        Integer durationSec = check.duration(type);
        String operator = check.optional("operator");
        if (!check.reasons.isEmpty()) return new Mediated.Rejected<>(check.reasons);
        return new Mediated.Clean<>(new Cdr(id, callingNumber, calledNumber, startTime, durationSec, type, result, operator));
    }

    /** The reasons found in one record so far; each method adds its field's reasons and returns what it read, or null. */
    private final class Check {
        private final CdrFields fields;
        private final List<Reason> reasons = new ArrayList<>();

        Check(CdrFields fields) {
            this.fields = fields;
        }

        String optional(String field) {
            if (fields.isUnreadable(field)) {
                reject(CdrReason.INVALID_VALUE, field);
                return null;
            }
            return fields.text(field);
        }

        String required(String field) {
            boolean unreadable = fields.isUnreadable(field);
            String text = optional(field);
            if (text == null && !unreadable) reject(CdrReason.MISSING_FIELD, field);
            return text;
        }

        String number(String field) {
            String text = required(field);
            if (text == null) return null;
            Optional<String> normalized = phoneNumbers.normalize(text);
            if (normalized.isEmpty()) reject(CdrReason.INVALID_NUMBER, field);
            return normalized.orElse(null);
        }

        Instant startTime(Instant now) {
            String text = required("start_time");
            if (text == null) return null;
            Instant start = parseInstant(text, fields.localTimeZone());
            if (start == null) {
                reject(CdrReason.INVALID_VALUE, "start_time");
            } else if (start.isAfter(now.plus(rules.futureTolerance()))) {
                reject(CdrReason.FUTURE_START, "start_time");
            } else if (start.isBefore(now.minus(rules.maxAge()))) {
                reject(CdrReason.START_TOO_OLD, "start_time");
            }
            return start;
        }

        CdrType type() {
            String text = required("type");
            if (text == null) return null;
            try {
                return CdrType.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                reject(CdrReason.UNKNOWN_TYPE, "type");
                return null;
            }
        }

        CdrResult result() {
            String text = required("result");
            if (text == null) return null;
            String name = text.toUpperCase(Locale.ROOT);
            if (name.equals("NO ANSWER")) return CdrResult.NO_ANSWER; // Asterisk's spelling
            try {
                return CdrResult.valueOf(name);
            } catch (IllegalArgumentException e) {
                reject(CdrReason.UNKNOWN_RESULT, "result");
                return null;
            }
        }

        /** The range is checked whatever the type; a missing or unknown type adds its own reason. */
        Integer duration(CdrType type) {
            String text = optional("duration_sec");
            if (text == null) {
                if (type == CdrType.VOICE && !fields.isUnreadable("duration_sec"))
                    reject(CdrReason.MISSING_FIELD, "duration_sec");
                return null;
            }
            if (!INTEGER.matcher(text).matches()) {
                reject(CdrReason.INVALID_VALUE, "duration_sec");
                return null;
            }
            // BigInteger: a 30-digit duration is too long, not unreadable.
            BigInteger seconds = new BigInteger(text);
            boolean valid = true;
            if (seconds.signum() < 0) {
                reject(CdrReason.NEGATIVE_DURATION, "duration_sec");
                valid = false;
            } else if (seconds.compareTo(BigInteger.valueOf(rules.maxDurationSec())) > 0) {
                reject(CdrReason.DURATION_TOO_LONG, "duration_sec");
                valid = false;
            }
            if (type == CdrType.SMS) {
                if (seconds.signum() > 0) reject(CdrReason.SMS_WITH_DURATION, "duration_sec");
                return null; // an SMS has no duration; an explicit 0 says the same
            }
            return valid ? seconds.intValueExact() : null;
        }

        private void reject(CdrReason reason, String field) {
            reasons.add(Reason.of(reason, field));
        }
    }

    /**
     * An ISO-8601 date-time with an offset ({@code Z} or {@code +01:00}), or, when the format has a
     * local zone, {@code yyyy-MM-dd HH:mm:ss} in that zone (a time skipped by a DST change moves forward,
     * a repeated one takes the earlier instant). Null when the text is neither.
     */
    private static Instant parseInstant(String text, ZoneId localZone) {
        try {
            if (localZone != null) return LocalDateTime.parse(text, LOCAL_TIME).atZone(localZone).toInstant();
            return Instants.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
