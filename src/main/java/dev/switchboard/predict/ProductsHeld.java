package dev.switchboard.predict;

import dev.switchboard.store.Database;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which products each phone number's customer held on a given day, from tables customer_phone and
 * subscription read once into memory: a few rows per customer, against up to millions of calls, so
 * the day test is done here rather than by a join per call (and the local day is the platform zone's,
 * the same on DuckDB and PostgreSQL). Uses today's number-to-customer mapping for past calls.
 */
final class ProductsHeld {
    private record Held(String code, LocalDate since, LocalDate until) {
        boolean on(LocalDate day) {
            return !since.isAfter(day) && (until == null || day.isBefore(until));
        }
    }

    private final Map<String, List<Held>> byNumber;

    private ProductsHeld(Map<String, List<Held>> byNumber) {
        this.byNumber = byNumber;
    }

    static ProductsHeld load(Database db) {
        return db.read("cannot read subscriptions", c -> {
            Map<String, List<Held>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.number, s.product_code, s.since, s.until FROM customer_phone p "
                    + "JOIN subscription s ON s.customer_id = p.customer_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date until = rs.getDate(4);
                    out.computeIfAbsent(rs.getString(1), n -> new ArrayList<>())
                            .add(new Held(rs.getString(2), rs.getDate(3).toLocalDate(), until == null ? null : until.toLocalDate()));
                }
            }
            return new ProductsHeld(out);
        });
    }

    Set<String> on(String number, LocalDate day) {
        List<Held> held = number == null ? null : byNumber.get(number);
        if (held == null) return Set.of();
        Set<String> codes = new TreeSet<>();
        for (Held h : held) if (h.on(day)) codes.add(h.code());
        return codes;
    }
}
