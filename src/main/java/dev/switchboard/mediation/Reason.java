package dev.switchboard.mediation;

import java.util.Objects;

/**
 * Why a record was rejected: a code from a closed set per kind and the field it concerns (or null
 * when it concerns the whole record). Rendered as {@code CODE} or {@code CODE:field}.
 */
public record Reason(String code, String field) {
    public Reason {
        Objects.requireNonNull(code, "code");
    }

    public static Reason of(Enum<?> code) {
        return new Reason(code.name(), null);
    }

    public static Reason of(Enum<?> code, String field) {
        return new Reason(code.name(), field);
    }

    @Override
    public String toString() {
        return field == null ? code : code + ":" + field;
    }
}
