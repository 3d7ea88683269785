package dev.switchboard.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows that hang off a customer: phone numbers and subscriptions. Changes are applied as a
 * difference (delete what went, insert what came) rather than delete-all and re-insert, because
 * DuckDB refuses to re-insert a key deleted earlier in the same transaction.
 */
final class CustomerChildren {
    private static final int IN_CHUNK = 500;

    private CustomerChildren() {}

    static void replace(Connection c, long id, CustomerDraft d) throws SQLException {
        replacePhones(c, id, d.phones());
        replaceSubscriptions(c, id, d.subscriptions());
    }

    static void deleteAll(Connection c, long id) throws SQLException {
        for (String sql : List.of("DELETE FROM customer_phone WHERE customer_id = ?", "DELETE FROM subscription WHERE customer_id = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
    }

    private static void replacePhones(Connection c, long id, List<String> phones) throws SQLException {
        List<String> old = phones(c, List.of(id)).getOrDefault(id, List.of());
        for (String number : phones) {
            if (old.contains(number)) continue;
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_id FROM customer_phone WHERE number = ?")) {
                ps.setString(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) throw new CustomerException(CustomerException.Code.CONFLICT, "phone number in use",
                            List.of("phones: " + number + " belongs to customer " + rs.getLong(1)));
                }
            }
        }
        for (String number : old) {
            if (phones.contains(number)) continue;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM customer_phone WHERE number = ?")) {
                ps.setString(1, number);
                ps.executeUpdate();
            }
        }
        for (String number : phones) {
            if (old.contains(number)) continue;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer_phone (number, customer_id) VALUES (?, ?)")) {
                ps.setString(1, number);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
    }

    private record Key(String productCode, LocalDate since) {}

    private static void replaceSubscriptions(Connection c, long id, List<Subscription> wanted) throws SQLException {
        Map<Key, Subscription> want = new LinkedHashMap<>();
        for (Subscription s : wanted) want.put(new Key(s.productCode(), s.since()), s);
        Map<Key, Subscription> have = new HashMap<>();
        for (Subscription s : subscriptions(c, List.of(id)).getOrDefault(id, List.of())) have.put(new Key(s.productCode(), s.since()), s);
        for (Key k : have.keySet()) {
            if (want.containsKey(k)) continue;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscription WHERE customer_id = ? AND product_code = ? AND since = ?")) {
                ps.setLong(1, id);
                ps.setString(2, k.productCode());
                ps.setObject(3, k.since());
                ps.executeUpdate();
            }
        }
        for (var e : want.entrySet()) {
            Subscription old = have.get(e.getKey());
            if (old == null) subscribe(c, id, e.getValue());
            else if (!Objects.equals(old.until(), e.getValue().until())) setUntil(c, id, e.getValue());
        }
    }

    static void subscribe(Connection c, long id, Subscription s) throws SQLException {
        try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM subscription WHERE customer_id = ? AND product_code = ? AND since = ?")) {
            check.setLong(1, id);
            check.setString(2, s.productCode());
            check.setObject(3, s.since());
            try (ResultSet rs = check.executeQuery()) {
                if (rs.next()) return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscription (customer_id, product_code, since, until) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, s.productCode());
            ps.setObject(3, s.since());
            ps.setObject(4, s.until());
            ps.executeUpdate();
        }
    }

    private static void setUntil(Connection c, long id, Subscription s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE subscription SET until = ? WHERE customer_id = ? AND product_code = ? AND since = ?")) {
            ps.setObject(1, s.until());
            ps.setLong(2, id);
            ps.setString(3, s.productCode());
            ps.setObject(4, s.since());
            ps.executeUpdate();
        }
    }

    /** Ends the open subscriptions to a product that started before {@code until}. */
    static int end(Connection c, long id, String productCode, LocalDate until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE subscription SET until = ? WHERE customer_id = ? AND product_code = ? AND until IS NULL AND since < ?")) {
            ps.setObject(1, until);
            ps.setLong(2, id);
            ps.setString(3, productCode);
            ps.setObject(4, until);
            return ps.executeUpdate();
        }
    }

    static Map<Long, List<String>> phones(Connection c, List<Long> ids) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        forChunks(c, "SELECT customer_id, number FROM customer_phone WHERE customer_id IN (%s) ORDER BY number", ids,
                rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return out;
    }

    static Map<Long, List<Subscription>> subscriptions(Connection c, List<Long> ids) throws SQLException {
        Map<Long, List<Subscription>> out = new HashMap<>();
        forChunks(c, "SELECT customer_id, product_code, since, until FROM subscription WHERE customer_id IN (%s) ORDER BY since, product_code", ids,
                rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Subscription(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))));
        return out;
    }

    interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void forChunks(Connection c, String sqlTemplate, List<Long> ids, RowHandler handler) throws SQLException {
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(String.format(sqlTemplate, marks))) {
                for (int i = 0; i < chunk.size(); i++) ps.setLong(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) handler.accept(rs);
                }
            }
        }
    }
}
