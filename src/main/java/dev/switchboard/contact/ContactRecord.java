package dev.switchboard.contact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A contact record in the Amazon Connect CTR shape, as mediation reads it: the fields Switchboard uses,
 * plus the whole record as canonical JSON ({@code raw}: every field kept, known or not, keys sorted) and
 * the SHA-256 of that text ({@code fingerprint}), by which an exact replay is recognised. Times are UTC.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactRecord(
        @JsonProperty("contact_id") String contactId,
        @JsonProperty("initial_contact_id") String initialContactId,
        @JsonProperty("previous_contact_id") String previousContactId,
        String channel,
        @JsonProperty("initiation_method") String initiationMethod,
        @JsonProperty("initiation_timestamp") Instant initiationTimestamp,
        @JsonProperty("connected_to_system_timestamp") Instant connectedToSystemTimestamp,
        @JsonProperty("disconnect_timestamp") Instant disconnectTimestamp,
        @JsonProperty("last_update_timestamp") Instant lastUpdateTimestamp,
        @JsonProperty("disconnect_reason") String disconnectReason,
        @JsonProperty("customer_endpoint") String customerEndpoint,
        @JsonProperty("system_endpoint") String systemEndpoint,
        Queue queue,
        Agent agent,
        Map<String, String> attributes,
        String fingerprint,
        String raw) {

    public ContactRecord {
        Objects.requireNonNull(contactId, "contact_id");
        Objects.requireNonNull(initiationTimestamp, "initiation_timestamp");
        Objects.requireNonNull(lastUpdateTimestamp, "last_update_timestamp");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(raw, "raw");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The first contact of the chain this one belongs to (transfers): InitialContactId, or itself. */
    public String chainId() {
        return initialContactId == null ? contactId : initialContactId;
    }

    /** Queue{Name, ARN, EnqueueTimestamp, DequeueTimestamp, Duration (whole seconds in queue)}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Queue(String name, String arn, @JsonProperty("enqueue_timestamp") Instant enqueueTimestamp,
                        @JsonProperty("dequeue_timestamp") Instant dequeueTimestamp, @JsonProperty("duration_sec") Long durationSec) {}

    /** Agent{Username, ConnectedToAgentTimestamp, AgentInteractionDuration, CustomerHoldDuration, AfterContactWorkDuration, NumberOfHolds}; durations in seconds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agent(String username, @JsonProperty("connected_to_agent_timestamp") Instant connectedToAgentTimestamp,
                        @JsonProperty("interaction_sec") Long agentInteractionDuration, @JsonProperty("customer_hold_sec") Long customerHoldDuration,
                        @JsonProperty("after_contact_work_sec") Long afterContactWorkDuration, @JsonProperty("number_of_holds") Long numberOfHolds) {}
}
