package dev.switchboard.callcenter.asterisk;

import dev.switchboard.callcenter.CallReason;
import dev.switchboard.mediation.Reason;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of an Asterisk {@code queue_log}: {@code epoch|callid|queuename|agent|event|data1|data2|...}.
 * Values are trimmed; the data fields are kept as written, since their meaning depends on the event
 * (see {@code docs/ASTERISK-QUEUE-LOG.md}). Versions that log {@code data} as one field with pipes in it
 * read the same, because the line is split on every pipe.
 *
 * @param epoch seconds since 1970 in UTC, as Asterisk writes them
 * @param callId the caller channel's uniqueid, or NONE/REALTIME/MANAGER/CLI for lines that are no call's
 * @param queue the queue name (may be empty or NONE)
 * @param agent the member interface or name as logged (may be empty or NONE)
 * @param event the event name, upper case
 */
public record QueueLogLine(long epoch, String callId, String queue, String agent, String event, List<String> data) {
    /** Year 9999: beyond this an epoch is a broken clock or not an epoch at all. */
    static final long MAX_EPOCH = 253_402_300_799L;
    private static final Set<String> NON_CALL_IDS = Set.of("NONE", "REALTIME", "MANAGER", "CLI");
    private static final Pattern EPOCH = Pattern.compile("[0-9]{1,12}");
    private static final Pattern EVENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final int MIN_FIELDS = 5;

    public QueueLogLine {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(event, "event");
        data = List.copyOf(data);
    }

    /** What {@link #parse} makes of a text: a line, or the reason it is not one. */
    public sealed interface Parsed {
        record Line(QueueLogLine line) implements Parsed {}

        record Unparsable(Reason reason) implements Parsed {}
    }

    /** Never throws: a text that is not one queue_log line comes back as {@link Parsed.Unparsable}. */
    public static Parsed parse(String text) {
        if (text == null || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) return unparsable(CallReason.UNPARSABLE, null);
        String[] fields = text.split("\\|", -1);
        if (fields.length < MIN_FIELDS) return unparsable(CallReason.UNPARSABLE, null);
        String event = fields[4].strip();
        if (!event.isEmpty() && !EVENT.matcher(event).matches()) return unparsable(CallReason.UNPARSABLE, null);
        String epochText = fields[0].strip();
        if (epochText.isEmpty()) return unparsable(CallReason.MISSING_FIELD, "time");
        if (!EPOCH.matcher(epochText).matches() || Long.parseLong(epochText) > MAX_EPOCH)
            return unparsable(CallReason.INVALID_VALUE, "time");
        String callId = fields[1].strip();
        if (callId.isEmpty()) return unparsable(CallReason.MISSING_FIELD, "call_id");
        if (event.isEmpty()) return unparsable(CallReason.MISSING_FIELD, "event");
        List<String> data = Arrays.stream(fields, MIN_FIELDS, fields.length).map(String::strip).toList();
        return new Parsed.Line(new QueueLogLine(Long.parseLong(epochText), callId, fields[2].strip(), fields[3].strip(),
                event.toUpperCase(Locale.ROOT), data));
    }

    public Instant time() {
        return Instant.ofEpochSecond(epoch);
    }

    /** False for the lines Asterisk writes about members and queues, whose callid is NONE, REALTIME, MANAGER or CLI. */
    public boolean isCall() {
        return !NON_CALL_IDS.contains(callId.toUpperCase(Locale.ROOT));
    }

    /** The i-th data field (0 = data1), empty when it was not written or is blank. */
    public Optional<String> data(int i) {
        if (i < 0 || i >= data.size() || data.get(i).isEmpty()) return Optional.empty();
        return Optional.of(data.get(i));
    }

    private static Parsed unparsable(CallReason reason, String field) {
        return new Parsed.Unparsable(Reason.of(reason, field));
    }
}
