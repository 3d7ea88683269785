package dev.switchboard.customer;

import dev.switchboard.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The name of the customer a phone number belongs to (table {@code customer_phone}), for invoices and
 * bill lists. Reads the {@code name} column only: no key is needed and no personal field (national id,
 * birth date, address) is ever read or decrypted here. A number that belongs to no customer has no name.
 */
public final class CustomerNames {
    /** Numbers asked in one query; a period's bills are looked up in slices of this many. */
    static final int SLICE = 500;

    private final Database db;

    public CustomerNames(Database db) {
        this.db = db;
    }

    /** The customer's name for {@code number}, or empty when no customer has it. */
    public Optional<String> of(String number) {
        if (number == null || number.isBlank()) return Optional.empty();
        return Optional.ofNullable(of(List.of(number)).get(number));
    }

    /** Number → name for those of {@code numbers} that belong to a customer; the others are absent. */
    public Map<String, String> of(Collection<String> numbers) {
        List<String> all = numbers.stream().filter(n -> n != null && !n.isBlank()).distinct().toList();
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < all.size(); i += SLICE) {
            List<String> slice = all.subList(i, Math.min(all.size(), i + SLICE));
            String marks = String.join(",", Collections.nCopies(slice.size(), "?"));
            db.read("cannot read customer names", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT p.number, c.name FROM customer_phone p JOIN customer c ON c.id = p.customer_id"
                        + " WHERE p.number IN (" + marks + ")")) {
                    for (int k = 0; k < slice.size(); k++) ps.setString(k + 1, slice.get(k));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                    }
                }
                return null;
            });
        }
        return out;
    }
}
