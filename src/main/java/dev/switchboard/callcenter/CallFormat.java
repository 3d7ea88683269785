package dev.switchboard.callcenter;

import java.util.Arrays;
import java.util.Optional;

/** Wire formats call events arrive in. The name is what {@code --format} and the raw record's format use. */
public enum CallFormat {
    /** One JSON object with the {@link CallEvent} field names (snake_case). */
    CALL_JSON("call-json"),
    /** Asterisk's queue_log; turned into call events as it is read (see {@code asterisk.QueueLogReader}). */
    ASTERISK_QUEUE_LOG("asterisk-queue-log");

    private final String wireName;

    CallFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CallFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
