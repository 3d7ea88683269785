package dev.switchboard.callcenter.asterisk;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.callcenter.CallMediator;
import dev.switchboard.callcenter.CallReason;
import dev.switchboard.mediation.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the lines of one queue_log, fed in file order, into {@link CallEvent}s. Stateful, one instance
 * per file or stream, not thread-safe: the caller number is only on ENTERQUEUE, an old-style exit line
 * has no wait time, and a reused callid must be told apart, so each callid's current queue entry is kept.
 *
 * <ul>
 *   <li>The n-th ENTERQUEUE of a callid starts queue entry n, whose call_id is {@code callid} for n = 1 and
 *       {@code callid#n} after (a channel that goes through Queue() again, e.g. into an overflow queue).
 *   <li>Every event of an entry carries the caller number of its ENTERQUEUE, as logged (an empty callerid
 *       becomes {@link CallMediator#WITHHELD}); normalizing it is {@link CallMediator}'s job.
 *   <li>A DID line (the number the caller dialled, which app_queue logs just before ENTERQUEUE) gives the
 *       callid's next QUEUED its {@code dialled_number}; the line itself is skipped.
 *   <li>A CONNECT, exit or COMPLETE without an ENTERQUEUE before it (a file that starts mid-call) still
 *       becomes its event, without a caller number: live metrics tolerate a missing QUEUED.
 *   <li>After an entry has ended (ABANDONED or ENDED), its callid's further lines other than ENTERQUEUE are
 *       skipped: some versions log both TRANSFER and COMPLETE* for one call, which must not end it twice.
 *   <li>A line that cannot become its event (no queue, a holdtime that is not a number) is unusable and
 *       changes no state.
 * </ul>
 * The whole table is in {@code docs/ASTERISK-QUEUE-LOG.md}.
 */
public final class QueueLogMapper {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");

    /** What one line is, judged alone. */
    public sealed interface Interpretation {
        /** Not a call event: member, agent and queue lines, ringing, unknown events. */
        record Skipped() implements Interpretation {}

        record Unusable(List<Reason> reasons) implements Interpretation {
            public Unusable {
                reasons = List.copyOf(reasons);
            }
        }

        /** @param waitSec null only on an exit line that does not log it (older versions) */
        record Mapped(CallEventType type, String callerId, String agent, Integer waitSec, Integer talkSec)
                implements Interpretation {}
    }

    /** What {@link #map} made of one line. */
    public sealed interface Outcome {
        record Emitted(CallEvent event) implements Outcome {}

        record Skipped() implements Outcome {}

        record Unusable(List<Reason> reasons) implements Outcome {}
    }

    private final Map<String, Entry> entries = new HashMap<>();
    /** The number dialled, from a DID line (logged just before ENTERQUEUE), until the callid's next ENTERQUEUE. */
    private final Map<String, String> dialled = new HashMap<>();

    /** Stateless: what a line means by itself; {@link #map} adds what earlier lines tell. Never throws. */
    public static Interpretation interpret(QueueLogLine line) {
        if (!line.isCall()) return new Interpretation.Skipped();
        Fields f = new Fields(line);
        return switch (line.event()) {
            case "ENTERQUEUE" -> f.mapped(CallEventType.QUEUED, null, null);
            case "CONNECT" -> f.mapped(CallEventType.ANSWERED, f.seconds(0, "wait_sec", true), null);
            case "ABANDON", "EXITEMPTY", "EXITWITHTIMEOUT" -> f.mapped(CallEventType.ABANDONED, f.seconds(2, "wait_sec", false), null);
            case "EXITWITHKEY" -> f.mapped(CallEventType.ABANDONED, f.seconds(3, "wait_sec", false), null);
            case "COMPLETECALLER", "COMPLETEAGENT" ->
                    f.mapped(CallEventType.ENDED, f.seconds(0, "wait_sec", true), f.seconds(1, "talk_sec", true));
            case "TRANSFER", "BLINDTRANSFER" ->
                    f.mapped(CallEventType.ENDED, f.seconds(2, "wait_sec", true), f.seconds(3, "talk_sec", true));
            // BRIDGE|id, APP|name or LINK|chan1|chan2 come first, so the times are counted from the end.
            case "ATTENDEDTRANSFER" -> {
                int n = line.data().size();
                yield f.mapped(CallEventType.ENDED, f.seconds(n - 3, "wait_sec", true), f.seconds(n - 2, "talk_sec", true));
            }
            default -> new Interpretation.Skipped();
        };
    }

    /** The next line of the file, in file order. Never throws. */
    public Outcome map(QueueLogLine line) {
        if (line.isCall() && line.event().equals("DID")) {
            line.data(0).filter(d -> !d.isBlank()).ifPresentOrElse(d -> dialled.put(line.callId(), d), () -> dialled.remove(line.callId()));
            return new Outcome.Skipped();
        }
        Interpretation interpretation = interpret(line);
        if (interpretation instanceof Interpretation.Unusable u) return new Outcome.Unusable(u.reasons());
        if (!(interpretation instanceof Interpretation.Mapped m)) return new Outcome.Skipped();
        Entry entry = entries.get(line.callId());
        if (m.type() == CallEventType.QUEUED) {
            String caller = m.callerId() == null ? CallMediator.WITHHELD : m.callerId();
            entry = new Entry(line.callId(), entry == null ? 1 : entry.number + 1, caller, line.epoch());
            entries.put(line.callId(), entry);
            return new Outcome.Emitted(new CallEvent(entry.callId(), m.type(), line.time(), line.queue(), entry.callerNumber, null, null, null,
                    null, null, dialled.remove(line.callId())));
        }
        if (entry != null && entry.ended) return new Outcome.Skipped();
        Integer waitSec = m.waitSec();
        if (waitSec == null) {
            if (entry == null || entry.enteredEpoch == null)
                return new Outcome.Unusable(List.of(Reason.of(CallReason.MISSING_FIELD, "wait_sec")));
            waitSec = (int) Math.min(CallMediator.MAX_SECONDS, Math.max(0, line.epoch() - entry.enteredEpoch));
        }
        if (entry == null) {
            entry = new Entry(line.callId(), 1, null, null);
            entries.put(line.callId(), entry);
        }
        String agent = m.agent() != null ? m.agent() : entry.agent;
        if (m.type() == CallEventType.ANSWERED) entry.agent = agent;
        if (m.type() == CallEventType.ABANDONED || m.type() == CallEventType.ENDED) entry.ended = true;
        return emit(entry, line, m.type(), agent, waitSec, m.talkSec());
    }

    private static Outcome emit(Entry entry, QueueLogLine line, CallEventType type, String agent, Integer waitSec, Integer talkSec) {
        return new Outcome.Emitted(new CallEvent(entry.callId(), type, line.time(), line.queue(), entry.callerNumber,
                agent, waitSec, talkSec, null, null));
    }

    /** One queue entry of a callid: the n-th time its channel entered a queue. */
    private static final class Entry {
        final String asteriskCallId;
        final int number;
        final String callerNumber;
        final Long enteredEpoch;
        String agent;
        boolean ended;

        Entry(String asteriskCallId, int number, String callerNumber, Long enteredEpoch) {
            this.asteriskCallId = asteriskCallId;
            this.number = number;
            this.callerNumber = callerNumber;
            this.enteredEpoch = enteredEpoch;
        }

        String callId() {
            return number == 1 ? asteriskCallId : asteriskCallId + "#" + number;
        }
    }

    /** Reads one line's fields for {@link #interpret}, collecting the reasons it cannot. */
    private static final class Fields {
        private final QueueLogLine line;
        private final List<Reason> reasons = new ArrayList<>();

        Fields(QueueLogLine line) {
            this.line = line;
        }

        Integer seconds(int index, String field, boolean required) {
            Optional<String> text = line.data(index);
            if (text.isEmpty()) {
                if (required) reasons.add(Reason.of(CallReason.MISSING_FIELD, field));
                return null;
            }
            if (!INTEGER.matcher(text.get()).matches()) {
                reasons.add(Reason.of(CallReason.INVALID_VALUE, field));
                return null;
            }
            long seconds = Long.parseLong(text.get());
            if (seconds < 0) reasons.add(Reason.of(CallReason.NEGATIVE_DURATION, field));
            else if (seconds > CallMediator.MAX_SECONDS) reasons.add(Reason.of(CallReason.DURATION_TOO_LONG, field));
            else return (int) seconds;
            return null;
        }

        Interpretation mapped(CallEventType type, Integer waitSec, Integer talkSec) {
            if (line.queue().isEmpty() || line.queue().equalsIgnoreCase("NONE"))
                reasons.add(0, Reason.of(CallReason.MISSING_FIELD, "queue"));
            if (!reasons.isEmpty()) return new Interpretation.Unusable(reasons);
            String callerId = type == CallEventType.QUEUED ? line.data(1).orElse(null) : null;
            return new Interpretation.Mapped(type, callerId, agent(), waitSec, talkSec);
        }

        private String agent() {
            String agent = line.agent();
            return agent.isEmpty() || agent.equalsIgnoreCase("NONE") ? null : agent;
        }
    }
}
