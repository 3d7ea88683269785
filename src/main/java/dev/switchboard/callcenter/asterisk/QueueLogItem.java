package dev.switchboard.callcenter.asterisk;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.mediation.Reason;
import java.util.List;
import java.util.Objects;

/** One output of a {@link QueueLogReader}, in file order: a call event, or a line it could not use. */
public sealed interface QueueLogItem {
    /** @param lineNumber 1-based line of the file the event came from */
    long lineNumber();

    record Event(long lineNumber, CallEvent event) implements QueueLogItem {
        public Event {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A line kept verbatim, to be published raw in format {@code asterisk-queue-log} so that mediation
     * rejects it onto the error topic and nothing is lost.
     *
     * @param reasons why the reader could not use it (the same {@link dev.switchboard.callcenter.CallReason} codes)
     */
    record Unusable(long lineNumber, String line, List<Reason> reasons) implements QueueLogItem {
        public Unusable {
            Objects.requireNonNull(line, "line");
            reasons = List.copyOf(reasons);
        }
    }
}
