package dev.switchboard.callcenter;

import java.util.List;
import java.util.Objects;

/**
 * What the call center knows of a caller that bears on why they call: no personal data beyond age,
 * sex and city. Built from the customer data; used by the simulator and to enrich completed calls.
 *
 * @param number   E.164 phone number the customer calls from
 * @param products codes of the products the customer subscribes to now
 */
public record Caller(String number, int age, Sex sex, String city, List<String> products) {
    public Caller {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(city, "city");
        products = List.copyOf(products);
        if (age < 0 || age > 130) throw new IllegalArgumentException("age out of range: " + age);
    }
}
