package dev.switchboard.callcenter;

import dev.switchboard.cdr.PhoneNumbers;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.Reason;
import dev.switchboard.platform.Instants;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges the fields of one call event and, when they pass, builds the clean {@link CallEvent}. Every
 * problem found is reported, not just the first. The rules are listed on {@link CallMediator}.
 */
final class CallValidator {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Set<CallEventType> WITH_WAIT = Set.of(CallEventType.ANSWERED, CallEventType.ABANDONED);

    private final PhoneNumbers phoneNumbers;

    CallValidator(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    Mediated<CallEvent> validate(CallFields fields) {
        Check check = new Check(fields);
        String callId = check.required("call_id");
        CallEventType event = check.event();
        Instant time = check.time();
        String queue = check.required("queue");
        String callerNumber = check.callerNumber(event == CallEventType.QUEUED);
        String agent = check.optional("agent");
        Integer waitSec = check.seconds("wait_sec", event == null ? null : WITH_WAIT.contains(event),
                event == CallEventType.QUEUED);
        boolean ended = event == CallEventType.ENDED;
        boolean known = event != null;
        Integer talkSec = check.seconds("talk_sec", known ? ended : null, known && !ended);
        CallSubject subject = check.subject(known && !ended);
        String product = check.allowed("product", known && !ended);
        String dialled = check.dialledNumber();
        if (!check.reasons.isEmpty()) return new Mediated.Rejected<>(check.reasons);
        return new Mediated.Clean<>(
                new CallEvent(callId, event, time, queue, callerNumber, agent, waitSec, talkSec, subject, product, dialled));
    }

    /** The reasons found in one record so far; each method adds its field's reasons and returns what it read, or null. */
    private final class Check {
        private final CallFields fields;
        private final List<Reason> reasons = new ArrayList<>();

        Check(CallFields fields) {
            this.fields = fields;
        }

        String optional(String field) {
            if (fields.isUnreadable(field)) {
                reject(CallReason.INVALID_VALUE, field);
                return null;
            }
            return fields.text(field);
        }

        String required(String field) {
            boolean unreadable = fields.isUnreadable(field);
            String text = optional(field);
            if (text == null && !unreadable) reject(CallReason.MISSING_FIELD, field);
            return text;
        }

        /** An optional field that the event may not carry when {@code forbidden}. */
        String allowed(String field, boolean forbidden) {
            String text = optional(field);
            if (text != null && forbidden) {
                reject(CallReason.FIELD_NOT_ALLOWED, field);
                return null;
            }
            return text;
        }

        CallEventType event() {
            String text = required("event");
            if (text == null) return null;
            try {
                return CallEventType.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                reject(CallReason.UNKNOWN_EVENT, "event");
                return null;
            }
        }

        Instant time() {
            String text = required("time");
            if (text == null) return null;
            try {
                return Instants.parse(text);
            } catch (DateTimeException e) {
                reject(CallReason.INVALID_VALUE, "time");
                return null;
            }
        }

        /** Required on QUEUED; a withheld caller is accepted as no number (see {@link CallMediator}). */
        String callerNumber(boolean isRequired) {
            String text = isRequired ? required("caller_number") : optional("caller_number");
            if (text == null || CallMediator.isWithheld(text)) return null;
            Optional<String> normalized = phoneNumbers.normalize(text);
            if (normalized.isEmpty()) reject(CallReason.INVALID_NUMBER, "caller_number");
            return normalized.orElse(null);
        }

        /** Optional on any event; normalized like a caller's number (a hotline, a DID, an extension). */
        String dialledNumber() {
            String text = optional("dialled_number");
            if (text == null) return null;
            Optional<String> normalized = phoneNumbers.normalize(text);
            if (normalized.isEmpty()) reject(CallReason.INVALID_NUMBER, "dialled_number");
            return normalized.orElse(null);
        }

        /**
         * A count of seconds in 0..{@link CallMediator#MAX_SECONDS}; required when {@code isRequired} is true,
         * not allowed when {@code forbidden}; null {@code isRequired} (event unknown) checks only the value.
         */
        Integer seconds(String field, Boolean isRequired, boolean forbidden) {
            String text = optional(field);
            if (text == null) {
                if (Boolean.TRUE.equals(isRequired) && !fields.isUnreadable(field)) reject(CallReason.MISSING_FIELD, field);
                return null;
            }
            if (forbidden) {
                reject(CallReason.FIELD_NOT_ALLOWED, field);
                return null;
            }
            if (!INTEGER.matcher(text).matches()) {
                reject(CallReason.INVALID_VALUE, field);
                return null;
            }
            BigInteger seconds = new BigInteger(text); // a 30-digit count is too long, not unreadable
            if (seconds.signum() < 0) {
                reject(CallReason.NEGATIVE_DURATION, field);
                return null;
            }
            if (seconds.compareTo(BigInteger.valueOf(CallMediator.MAX_SECONDS)) > 0) {
                reject(CallReason.DURATION_TOO_LONG, field);
                return null;
            }
            return seconds.intValueExact();
        }

        CallSubject subject(boolean forbidden) {
            String text = allowed("subject", forbidden);
            if (text == null) return null;
            try {
                return CallSubject.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                reject(CallReason.UNKNOWN_SUBJECT, "subject");
                return null;
            }
        }

        private void reject(CallReason reason, String field) {
            reasons.add(Reason.of(reason, field));
        }
    }
}
