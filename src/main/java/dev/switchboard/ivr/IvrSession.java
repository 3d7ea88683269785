package dev.switchboard.ivr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One IVR chatbot session with its conversation turns, the value of {@code ivr.clean} (JSON,
 * snake_case, the wire record of kind {@code ivr}). As cleaned by {@link IvrMediator}: strings trimmed
 * (blank is absent), flags {@code Y}/{@code N}, {@code call_duration_sec} consistent with the start and
 * end, turns in time order numbered 1..n; {@code source_file} is where it came from (see
 * {@link #sourceFileOf}), not part of its fingerprint. The text of the turns is customer data: never log it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IvrSession(
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("customer_id") String customerId,
        @JsonProperty("call_start_time") Instant callStartTime,
        @JsonProperty("call_end_time") Instant callEndTime,
        @JsonProperty("call_duration_sec") int callDurationSec,
        @JsonProperty("initial_intent") String initialIntent,
        @JsonProperty("resolution_status") IvrStatus resolutionStatus,
        @JsonProperty("escalation_flag") String escalationFlag,
        @JsonProperty("customer_sentiment") String customerSentiment,
        @JsonProperty("system_error_flag") String systemErrorFlag,
        @JsonProperty("ivr_outcome_code") String ivrOutcomeCode,
        @JsonProperty("topic_type") String topicType,
        @JsonProperty("topic_name") String topicName,
        List<IvrTurn> turns,
        @JsonProperty("source_file") String sourceFile) {
    public IvrSession {
        Objects.requireNonNull(sessionId, "session_id");
        Objects.requireNonNull(customerId, "customer_id");
        Objects.requireNonNull(callStartTime, "call_start_time");
        Objects.requireNonNull(callEndTime, "call_end_time");
        Objects.requireNonNull(resolutionStatus, "resolution_status");
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /** The file name of a {@code file:NAME#RUN} source (the CLI's), else the source itself ({@code http:…}, {@code generator}). */
    public static String sourceFileOf(String source) {
        if (source == null || !source.startsWith("file:")) return source;
        int run = source.lastIndexOf('#');
        return source.substring("file:".length(), run > 0 ? run : source.length());
    }

    /** The same session with another source_file (null for the fingerprint). */
    public IvrSession withSourceFile(String file) {
        return new IvrSession(sessionId, customerId, callStartTime, callEndTime, callDurationSec, initialIntent, resolutionStatus,
                escalationFlag, customerSentiment, systemErrorFlag, ivrOutcomeCode, topicType, topicName, turns, file);
    }

    /**
     * The {@code conversation} column: one line per turn, {@code "Speaker: text"}, in turn order (a
     * turn without text is the speaker's name and a colon). The turns themselves are in
     * {@code conversation_data}.
     */
    public String conversation() {
        StringBuilder b = new StringBuilder();
        for (IvrTurn t : turns) {
            if (!b.isEmpty()) b.append('\n');
            b.append(t.speaker().label()).append(':');
            if (t.text() != null) b.append(' ').append(t.text());
        }
        return b.toString();
    }
}
