package dev.switchboard.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * A command on the {@code control} topic, e.g. a request to reset live metrics. Commands travel
 * through Kafka (not straight into a store) so they are ordered with the data and survive a restart.
 *
 * @param type what to do, e.g. {@code callcenter.reset}
 * @param at   when it was asked for (wall clock of the asking instance)
 */
public record ControlCommand(String type, Instant at) {
    public static final Topic<String, ControlCommand> TOPIC =
            new Topic<>("control", org.apache.kafka.common.serialization.Serdes.String(), JsonSerde.of(ControlCommand.class));

    public ControlCommand {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }
}
