package dev.switchboard.ivr;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** How a session ended ({@code resolution_status}); written as in the data dictionary. */
public enum IvrStatus {
    RESOLVED("Resolved"), ESCALATED("Escalated"), ABANDONED("Abandoned");

    private final String label;

    IvrStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Any case, surrounding blanks ignored. */
    public static Optional<IvrStatus> parse(String text) {
        return Labels.find(values(), IvrStatus::label, text);
    }

    @JsonCreator
    static IvrStatus fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("unknown resolution_status: " + text));
    }
}
