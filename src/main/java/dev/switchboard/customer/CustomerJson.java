package dev.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.callcenter.Sex;
import java.time.Instant;
import java.util.List;

/**
 * A customer as the API answers it: masked by {@link #masked}, in clear only through {@link #full}
 * (an admin's explicit request). Either way {@link #toString()} masks.
 */
public record CustomerJson(
        long id,
        String name,
        @JsonProperty("national_id") String nationalId,
        @JsonProperty("birth_date") String birthDate,
        Sex sex,
        String address,
        String city,
        String operator,
        List<String> phones,
        List<Subscription> subscriptions,
        boolean masked,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public static CustomerJson masked(Customer c) {
        CustomerDraft d = c.data();
        return new CustomerJson(c.id(), d.name(), Masking.nationalId(d.nationalId()), Masking.birthDate(d.birthDate()), d.sex(),
                Masking.address(d.address()), d.city(), d.operator(), d.phones(), d.subscriptions(), true, c.createdAt(), c.updatedAt());
    }

    public static CustomerJson full(Customer c) {
        CustomerDraft d = c.data();
        return new CustomerJson(c.id(), d.name(), d.nationalId(), d.birthDate().toString(), d.sex(), d.address(), d.city(), d.operator(),
                d.phones(), d.subscriptions(), false, c.createdAt(), c.updatedAt());
    }

    @Override
    public String toString() {
        return "CustomerJson[id=" + id + ", name=" + name + ", national_id=" + (masked ? nationalId : Masking.nationalId(nationalId))
                + ", birth_date=" + Masking.birthDate(birthDate) + ", sex=" + sex + ", address=" + Masking.address(address) + ", city=" + city + ", operator="
                + operator + ", phones=" + phones + ", subscriptions=" + subscriptions + ", masked=" + masked + "]";
    }
}
