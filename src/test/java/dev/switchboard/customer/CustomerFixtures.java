package dev.switchboard.customer;


import dev.switchboard.callcenter.Sex;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Shared pieces of the customer tests: a key, a fixed clock, sample customers, and a fresh store per
 * engine (as StoreFixtures does for the CDR tests, whose helpers are private to the store package).
 */
final class CustomerFixtures {
    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final byte[] KEY = new byte[32];
    static final byte[] OTHER_KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
            OTHER_KEY[i] = (byte) (100 + i);
        }
    }

    private CustomerFixtures() {}

    static FieldCipher cipher() {
        return new FieldCipher(KEY);
    }

    static CustomerDraft alice() {
        return new CustomerDraft("Alice Martin", "123-45-6789", LocalDate.of(1980, 6, 15), Sex.F, "12 Elm Street", "Springfield", "Nimbus",
                List.of("+12025550143"), List.of(new Subscription("FIBER_100", LocalDate.of(2020, 1, 1), null)));
    }

    static CustomerDraft bob() {
        return new CustomerDraft("Bob Stone", "987-65-4321", LocalDate.of(1995, 2, 3), Sex.M, "3 Oak Avenue", "Shelbyville", "Kestrel",
                List.of("+12025550144", "+12025550145"), List.of(new Subscription("MOBILE_BASIC", LocalDate.of(2022, 5, 1), null),
                        new Subscription("TV", LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1))));
    }

    /** A fresh store for one test: the store tests' own fixture. */
    static StoreFixtures.TestStore fresh(Dialect dialect, Path dir) {
        return StoreFixtures.fresh(dialect, dir);
    }
}
