package dev.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Objects;

/** A customer's subscription to a product, current from {@code since} (inclusive) to {@code until} (exclusive, null: open). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(@JsonProperty("product_code") String productCode, LocalDate since, LocalDate until) {
    public Subscription {
        Objects.requireNonNull(productCode, "product_code");
        Objects.requireNonNull(since, "since");
        if (until != null && !until.isAfter(since)) throw new IllegalArgumentException("subscription to " + productCode + " ends before it starts");
    }

    public boolean currentOn(LocalDate day) {
        return !since.isAfter(day) && (until == null || day.isBefore(until));
    }
}
