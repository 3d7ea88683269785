package dev.switchboard.contact;

import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.platform.JsonSerde;
import dev.switchboard.platform.Topic;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The contact-record (CTR) topics. Raw values are the payload bytes as received (see {@link dev.switchboard.mediation.RawRecords}). */
public final class ContactTopics {
    public static final String KIND = "ctr";
    /** The wire format of contact records: Amazon Connect CTR JSON objects. */
    public static final String FORMAT = "ctr-json";
    public static final Topic<String, byte[]> RAW = new Topic<>("ctr.raw", Serdes.String(), Serdes.ByteArray());
    /** New and updated contact versions, keyed by ContactId, each with its outcome (NEW or UPDATED). */
    public static final Topic<String, ContactVersion> CLEAN = new Topic<>("ctr.clean", Serdes.String(), JsonSerde.of(ContactVersion.class));
    public static final Topic<String, ErrorRecord> ERROR = new Topic<>("ctr.error", Serdes.String(), JsonSerde.of(ErrorRecord.class));
    public static final List<Topic<?, ?>> ALL = List.of(RAW, CLEAN, ERROR);

    private ContactTopics() {}
}
