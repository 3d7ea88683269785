package dev.switchboard.callcenter;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.switchboard.callcenter.asterisk.QueueLogLine;
import dev.switchboard.callcenter.asterisk.QueueLogMapper;
import dev.switchboard.cdr.CdrRules;
import dev.switchboard.cdr.PhoneNumbers;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.Reason;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one raw call-center event into a clean {@link CallEvent} or a rejection that lists every reason
 * found, each naming its field. Pure: no I/O, no clock, no state between calls (apart from a cache of
 * normalized numbers), so one instance may serve many threads.
 *
 * <p>Rules for {@code call-json}:
 * <ul>
 *   <li>call_id, event, time and queue are required; event is a {@link CallEventType} (any case); time an
 *       ISO-8601 instant with {@code Z} or an offset; call_id, queue and agent are trimmed.
 *   <li>caller_number is required on QUEUED and optional after; it is normalized to E.164 (or kept as a
 *       PBX extension of up to {@value CdrRules#DEFAULT_EXTENSION_MAX_DIGITS} digits) with the default region.
 *       A withheld caller ({@code anonymous}, {@code unknown}, {@code private}, {@code withheld},
 *       {@code restricted}, {@code unavailable}, any case) is accepted with no number: Asterisk logs these
 *       words for callers without caller ID, and queue metrics do not need the number, so losing the call
 *       would be worse. An absent caller_number on QUEUED is still MISSING_FIELD: a sender must say that
 *       the caller was withheld.
 *   <li>wait_sec is required on ANSWERED and ABANDONED, optional on ENDED (the queue_log reader sets it
 *       there) and not allowed on QUEUED; talk_sec is required on ENDED and not allowed elsewhere. Both are
 *       whole seconds in 0..{@value #MAX_SECONDS}.
 *   <li>subject (a {@link CallSubject}) and product are optional on ENDED and not allowed elsewhere.
 *   <li>dialled_number is optional on any event and normalized like caller_number (an unusable one is INVALID_NUMBER).
 *   <li>Other fields are ignored.
 * </ul>
 *
 * <p>A raw record in {@code asterisk-queue-log} is one queue_log line that
 * {@link dev.switchboard.callcenter.asterisk.QueueLogReader} could not turn into an event; it is always
 * rejected, with the most precise reason the line alone gives (UNPARSABLE, MISSING_FIELD or INVALID_VALUE
 * of a field, NOT_A_CALL_EVENT, or OUT_OF_CONTEXT for a sound line that needs the lines before it).
 */
public final class CallMediator {
    /** The longest believable wait or talk time, one day. */
    public static final int MAX_SECONDS = 86_400;
    /** The caller number the queue_log reader writes for an ENTERQUEUE without caller ID. */
    public static final String WITHHELD = "anonymous";
    private static final Set<String> WITHHELD_WORDS =
            Set.of("anonymous", "unknown", "<unknown>", "private", "withheld", "restricted", "unavailable");
    private static final List<Reason> UNPARSABLE = List.of(Reason.of(CallReason.UNPARSABLE));

    private final CallValidator validator;

    /** @param defaultRegion ISO 3166 country for numbers written without an international prefix, e.g. {@code US} */
    public CallMediator(String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region))
            throw new IllegalArgumentException("unknown region for phone numbers: " + defaultRegion);
        this.validator = new CallValidator(new PhoneNumbers(region, CdrRules.DEFAULT_EXTENSION_MAX_DIGITS));
    }

    /** True for the words that stand for a caller without caller ID. */
    public static boolean isWithheld(String callerNumber) {
        return callerNumber != null && WITHHELD_WORDS.contains(callerNumber.strip().toLowerCase(Locale.ROOT));
    }

    /** Never throws for any payload: what cannot be read, or trips a bug, is rejected as UNPARSABLE. */
    public Mediated<CallEvent> mediate(RawRecord raw) {
        Objects.requireNonNull(raw, "raw");
        try {
            CallFormat format = CallFormat.byName(raw.format()).orElse(null);
            if (format == null) return new Mediated.Rejected<>(UNPARSABLE);
            return switch (format) {
                case CALL_JSON -> validator.validate(CallJson.fields(raw.payload()));
                case ASTERISK_QUEUE_LOG -> new Mediated.Rejected<>(queueLogReasons(raw.payload()));
            };
        } catch (Exception | StackOverflowError e) {
            // One poisoned record must not stop the stream; the payload is kept whole on the error topic.
            return new Mediated.Rejected<>(UNPARSABLE);
        }
    }

    private static List<Reason> queueLogReasons(String payload) {
        QueueLogLine.Parsed parsed = QueueLogLine.parse(payload);
        if (parsed instanceof QueueLogLine.Parsed.Unparsable u) return List.of(u.reason());
        QueueLogMapper.Interpretation meaning = QueueLogMapper.interpret(((QueueLogLine.Parsed.Line) parsed).line());
        if (meaning instanceof QueueLogMapper.Interpretation.Unusable u) return u.reasons();
        if (meaning instanceof QueueLogMapper.Interpretation.Skipped) return List.of(Reason.of(CallReason.NOT_A_CALL_EVENT));
        return List.of(Reason.of(CallReason.OUT_OF_CONTEXT));
    }
}
