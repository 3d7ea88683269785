package dev.switchboard.customer;

import dev.switchboard.callcenter.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * A stored customer with its personal data decrypted: for the process itself and for admins. Answers
 * go out as {@link CustomerJson}, masked unless an admin asked. {@link #toString()} masks too.
 */
public record Customer(long id, CustomerDraft data, Instant createdAt, Instant updatedAt) {
    public Customer {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String name() {
        return data.name();
    }

    public Sex sex() {
        return data.sex();
    }

    public String city() {
        return data.city();
    }

    public List<String> phones() {
        return data.phones();
    }

    public int ageOn(LocalDate day) {
        return Math.max(0, Period.between(data.birthDate(), day).getYears());
    }

    public List<String> productsOn(LocalDate day) {
        return data.subscriptions().stream().filter(s -> s.currentOn(day)).map(Subscription::productCode).distinct().sorted().toList();
    }

    @Override
    public String toString() {
        return "Customer[id=" + id + ", " + data + ", created_at=" + createdAt + ", updated_at=" + updatedAt + "]";
    }
}
