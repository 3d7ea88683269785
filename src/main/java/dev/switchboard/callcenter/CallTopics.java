package dev.switchboard.callcenter;

import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.platform.JsonSerde;
import dev.switchboard.platform.Topic;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The call-center topics. Raw values are the payload bytes as received (see {@link dev.switchboard.mediation.RawRecords}). */
public final class CallTopics {
    public static final String KIND = "call";
    public static final Topic<String, byte[]> RAW = new Topic<>("call.raw", Serdes.String(), Serdes.ByteArray());
    /** Clean call events keyed by call id: a call's events must meet, and only QUEUED surely carries the caller's number. */
    public static final Topic<String, CallEvent> CLEAN = new Topic<>("call.clean", Serdes.String(), JsonSerde.of(CallEvent.class));
    public static final Topic<String, ErrorRecord> ERROR = new Topic<>("call.error", Serdes.String(), JsonSerde.of(ErrorRecord.class));
    /** Completed calls, enriched, keyed by caller number. */
    public static final Topic<String, CompletedCall> COMPLETED = new Topic<>("call.completed", Serdes.String(), JsonSerde.of(CompletedCall.class));
    public static final List<Topic<?, ?>> ALL = List.of(RAW, CLEAN, ERROR, COMPLETED);

    private CallTopics() {}
}
