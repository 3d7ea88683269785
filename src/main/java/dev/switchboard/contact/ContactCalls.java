package dev.switchboard.contact;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.mediation.RawRecords;
import dev.switchboard.platform.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A contact record as call-center call events, so the call-center views (live page, buckets, table
 * {@code call}) count Amazon Connect contacts too. One call per transfer chain: only the first contact of a
 * chain (no InitialContactId) is mapped, with the chain id as call id; a contact never queued, or not a voice
 * contact (a chat, a task), is no call.
 * QUEUED at Queue.EnqueueTimestamp (caller = CustomerEndpoint, dialled number = SystemEndpoint), then either ANSWERED at
 * Agent.ConnectedToAgentTimestamp and ENDED at DisconnectTimestamp (talk = AgentInteractionDuration +
 * CustomerHoldDuration), or ABANDONED at Queue.DequeueTimestamp (else DisconnectTimestamp); wait =
 * Queue.Duration (else the time between enqueue and dequeue or answer).
 */
public final class ContactCalls {
    /** Source prefix of the call events made from contact records, so that the call counters keep them apart. */
    public static final String SOURCE_PREFIX = "ctr:";

    private ContactCalls() {}

    public static List<CallEvent> events(ContactRecord c) {
        ContactRecord.Queue q = c.queue();
        if (c.initialContactId() != null || q == null || q.enqueueTimestamp() == null || !isVoice(c)) return List.of();
        String callId = c.chainId();
        String queue = q.name() == null ? "unknown" : q.name();
        List<CallEvent> out = new ArrayList<>();
        out.add(new CallEvent(callId, CallEventType.QUEUED, q.enqueueTimestamp(), queue, c.customerEndpoint(), null, null, null, null, null,
                c.systemEndpoint()));
        ContactRecord.Agent a = c.agent();
        if (a != null && a.connectedToAgentTimestamp() != null) {
            Instant answered = a.connectedToAgentTimestamp();
            out.add(new CallEvent(callId, CallEventType.ANSWERED, answered, queue, null, a.username(), waitSec(q, answered), null, null, null));
            long talk = nz(a.agentInteractionDuration()) + nz(a.customerHoldDuration());
            Instant ended = c.disconnectTimestamp() != null ? c.disconnectTimestamp() : answered.plusSeconds(talk);
            out.add(new CallEvent(callId, CallEventType.ENDED, ended, queue, null, a.username(), null, (int) Math.min(talk, Integer.MAX_VALUE),
                    null, null)); // a contact record says nothing of the call's subject: unclassified, not OTHER
        } else {
            Instant left = q.dequeueTimestamp() != null ? q.dequeueTimestamp() : c.disconnectTimestamp() != null ? c.disconnectTimestamp() : c.lastUpdateTimestamp();
            out.add(new CallEvent(callId, CallEventType.ABANDONED, left, queue, null, null, waitSec(q, left), null, null, null));
        }
        return out;
    }

    /** Calls are voice contacts: a chat, task or email contact (Channel other than VOICE) is no call; a record without Channel is taken as voice. */
    static boolean isVoice(ContactRecord c) {
        return c.channel() == null || c.channel().equalsIgnoreCase("VOICE");
    }

    private static int waitSec(ContactRecord.Queue q, Instant until) {
        long s = q.durationSec() != null ? q.durationSec() : Math.max(0, Duration.between(q.enqueueTimestamp(), until).toSeconds());
        return (int) Math.min(s, Integer.MAX_VALUE);
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    /** Forwards the call events of a new contact as call-json payloads for {@code call.raw}, from source {@code ctr:<source>}. */
    static final class ToCallRaw implements FixedKeyProcessor<String, ContactVersion, byte[]> {
        private FixedKeyProcessorContext<String, byte[]> context;

        @Override
        public void init(FixedKeyProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, ContactVersion> record) {
            if (record.value().outcome() != ContactVersions.Outcome.NEW) return;
            List<CallEvent> events = events(record.value().contact());
            if (events.isEmpty()) return;
            String source = RawRecords.fromKafka(record.headers(), null, record.timestamp(), ContactTopics.FORMAT).source();
            for (CallEvent e : events) {
                org.apache.kafka.common.header.Headers headers = new RecordHeaders()
                        .add(RawRecords.SOURCE_HEADER, (SOURCE_PREFIX + source).getBytes(StandardCharsets.UTF_8))
                        .add(RawRecords.FORMAT_HEADER, "call-json".getBytes(StandardCharsets.UTF_8));
                context.forward(record.withValue(Json.write(e).getBytes(StandardCharsets.UTF_8)).withHeaders(headers));
            }
        }
    }
}
