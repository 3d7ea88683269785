package dev.switchboard.ivr;

import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.platform.JsonSerde;
import dev.switchboard.platform.Topic;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The IVR topics. Raw values are the payload bytes as received (see {@link dev.switchboard.mediation.RawRecords}). */
public final class IvrTopics {
    public static final String KIND = "ivr";
    public static final Topic<String, byte[]> RAW = new Topic<>("ivr.raw", Serdes.String(), Serdes.ByteArray());
    /** Clean sessions keyed by session id. */
    public static final Topic<String, IvrSession> CLEAN = new Topic<>("ivr.clean", Serdes.String(), JsonSerde.of(IvrSession.class));
    public static final Topic<String, ErrorRecord> ERROR = new Topic<>("ivr.error", Serdes.String(), JsonSerde.of(ErrorRecord.class));
    public static final List<Topic<?, ?>> ALL = List.of(RAW, CLEAN, ERROR);

    private IvrTopics() {}
}
