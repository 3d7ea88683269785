package dev.switchboard.cdr;

import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Turns one raw CDR, in any of the {@link CdrFormat}s, into a clean {@link Cdr} or a rejection that lists
 * every reason found. Pure: no I/O, no clock (the caller passes "now"), no state between calls, so one
 * instance may serve many threads.
 *
 * <p>For {@code asterisk-cdr} the duration is the line's {@code billsec} (talk time), not its
 * {@code duration} (which includes ringing); see {@link AsteriskCdrLine} for the whole mapping.
 */
public final class CdrMediator {
    private static final List<Reason> UNPARSABLE = List.of(Reason.of(CdrReason.UNPARSABLE));

    private final CdrRules rules;
    private final CdrValidator validator;

    public CdrMediator(CdrRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.validator = new CdrValidator(rules);
    }

    /** Never throws for any payload: what cannot be read, or trips a bug, is rejected as UNPARSABLE. */
    public Mediated<Cdr> mediate(RawRecord raw, Instant now) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(now, "now");
        try {
            CdrFormat format = CdrFormat.byName(raw.format()).orElse(null);
            if (format == null) return new Mediated.Rejected<>(UNPARSABLE);
            return validator.validate(fields(format, raw.payload()), now);
        } catch (Exception | StackOverflowError e) {
            // One poisoned record must not stop the stream; the payload is kept whole on the error topic.
            // Other Errors (out of memory) are the JVM's trouble, not the record's, and go up.
            return new Mediated.Rejected<>(UNPARSABLE);
        }
    }

    private CdrFields fields(CdrFormat format, String payload) {
        return switch (format) {
            case CDR_JSON -> CdrJson.fields(payload);
            case CDR_CSV -> CdrCsv.fields(payload);
            case ASTERISK_CDR -> AsteriskCdrLine.parse(payload).fields(rules.sourceZone());
        };
    }
}
