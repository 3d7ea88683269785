package dev.switchboard.callcenter;

import java.util.List;
import java.util.Optional;

/** Looks callers up by phone number; backed by the customer data. */
public interface CallerDirectory {
    Optional<Caller> byNumber(String e164);

    /** Every known caller (for the simulator); may be large. */
    List<Caller> all();

    /** Knows no one: completed calls keep null city, sex and age. */
    CallerDirectory NONE = new CallerDirectory() {
        @Override
        public Optional<Caller> byNumber(String e164) {
            return Optional.empty();
        }

        @Override
        public List<Caller> all() {
            return List.of();
        }
    };
}
