package dev.switchboard.cdr;

import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.platform.JsonSerde;
import dev.switchboard.platform.Topic;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The CDR topics. Raw values are the payload bytes as received (see {@link dev.switchboard.mediation.RawRecords}). */
public final class CdrTopics {
    public static final String KIND = "cdr";
    public static final Topic<String, byte[]> RAW = new Topic<>("cdr.raw", Serdes.String(), Serdes.ByteArray());
    /** Clean CDRs keyed by calling number, so per-subscriber state is partition-local. */
    public static final Topic<String, Cdr> CLEAN = new Topic<>("cdr.clean", Serdes.String(), JsonSerde.of(Cdr.class));
    public static final Topic<String, ErrorRecord> ERROR = new Topic<>("cdr.error", Serdes.String(), JsonSerde.of(ErrorRecord.class));
    public static final List<Topic<?, ?>> ALL = List.of(RAW, CLEAN, ERROR);

    private CdrTopics() {}
}
