package dev.switchboard.ivr;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Who speaks in a turn; written as in the data dictionary ({@code Customer}, {@code Chatbot}, {@code Agent}). */
public enum IvrSpeaker {
    CUSTOMER("Customer"), CHATBOT("Chatbot"), AGENT("Agent");

    private final String label;

    IvrSpeaker(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Any case, surrounding blanks ignored. */
    public static Optional<IvrSpeaker> parse(String text) {
        return Labels.find(values(), IvrSpeaker::label, text);
    }

    @JsonCreator
    static IvrSpeaker fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("unknown speaker: " + text));
    }
}
