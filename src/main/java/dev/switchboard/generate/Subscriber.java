package dev.switchboard.generate;

import java.util.Objects;

/** One line of the subscriber base: an E.164 number, the operator it belongs to and its home region. */
public record Subscriber(String number, String operator, String region) {
    public Subscriber {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(region, "region");
    }
}
