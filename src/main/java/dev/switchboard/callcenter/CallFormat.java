package dev.switchboard.callcenter;

import java.util.Arrays;
import java.util.Optional;

/** Wire formats a call-center event can arrive in. The name is what {@code --format} and {@link dev.switchboard.mediation.RawRecord#format()} use. */
public enum CallFormat {
    /** One JSON object with the {@link CallEvent} field names (snake_case). */
    CALL_JSON("call-json"),
    /**
     * One line of an Asterisk {@code queue_log}. Lines are mapped to events by
     * {@link dev.switchboard.callcenter.asterisk.QueueLogReader} over the whole file, because a line alone
     * lacks its call's context; a raw record in this format is a line the reader could not use, and
     * {@link CallMediator} rejects it with the reasons it finds.
     */
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
