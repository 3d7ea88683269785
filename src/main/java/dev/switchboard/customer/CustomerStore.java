package dev.switchboard.customer;

import dev.switchboard.callcenter.Sex;
import dev.switchboard.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customers, their phone numbers and subscriptions in the SQL store (DuckDB or PostgreSQL), plain JDBC.
 * Personal fields are encrypted on the way in and decrypted on the way out; nothing here logs a value.
 * Each change runs in one transaction.
 */
public final class CustomerStore {
    /** The largest page {@link #list} answers. */
    public static final int MAX_LIMIT = 1000;
    private static final String COLUMNS = "id, name, national_id_enc, birth_date_enc, address_enc, sex, city, operator, created_at, updated_at";

    private final Database db;
    private final FieldCipher cipher;
    private final Clock clock;

    public CustomerStore(Database db, FieldCipher cipher, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A page of customers and how many match in all. */
    public record Page(List<Customer> customers, long total, int limit, int offset) {}

    /** What an import did: customers created, customers updated (matched by national id). */
    public record ImportResult(int created, int updated) {}

    public Customer create(CustomerDraft draft) {
        return inTransaction(c -> {
            check(c, draft);
            long id;
            try (PreparedStatement ps = c.prepareStatement("SELECT nextval('customer_id_seq')"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            if (indexOwner(c, draft).isPresent())
                throw new CustomerException(CustomerException.Code.CONFLICT, "a customer with this national id exists already");
            Instant now = now();
            insert(c, id, draft, now);
            CustomerChildren.replace(c, id, draft);
            return new Customer(id, draft, now, now);
        });
    }

    public Optional<Customer> get(long id) {
        return read(c -> one(c, "SELECT " + COLUMNS + " FROM customer WHERE id = ?", id));
    }

    public Optional<Customer> findByNumber(String e164) {
        return read(c -> one(c, "SELECT " + COLUMNS + " FROM customer WHERE id = (SELECT customer_id FROM customer_phone WHERE number = ?)", e164));
    }

    /** Customers ordered by id, optionally only those of a city and/or the one with a phone number. */
    public Page list(String city, String number, int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) throw new CustomerException(CustomerException.Code.INVALID, "limit must be 1.." + MAX_LIMIT);
        if (offset < 0) throw new CustomerException(CustomerException.Code.INVALID, "offset must be >= 0");
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (city != null && !city.isBlank()) {
            where.append(" AND city = ?");
            args.add(city.strip());
        }
        if (number != null && !number.isBlank()) {
            where.append(" AND id IN (SELECT customer_id FROM customer_phone WHERE number = ?)");
            args.add(number.strip());
        }
        return read(c -> {
            long total;
            try (PreparedStatement ps = prepare(c, "SELECT count(*) FROM customer" + where, args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<Object> paged = new ArrayList<>(args);
            paged.add(limit);
            paged.add(offset);
            List<Customer> customers = many(c, "SELECT " + COLUMNS + " FROM customer" + where + " ORDER BY id LIMIT ? OFFSET ?", paged);
            return new Page(customers, total, limit, offset);
        });
    }

    /** Every customer (for the caller directory). */
    public List<Customer> all() {
        return read(c -> many(c, "SELECT " + COLUMNS + " FROM customer ORDER BY id", List.of()));
    }

    /** Replaces the customer's data, phones and subscriptions. */
    public Customer update(long id, CustomerDraft draft) {
        return inTransaction(c -> {
            Customer old = one(c, "SELECT " + COLUMNS + " FROM customer WHERE id = ?", id).orElseThrow(() -> notFound(id));
            check(c, draft);
            Optional<Long> owner = indexOwner(c, draft);
            if (owner.isPresent() && owner.get() != id)
                throw new CustomerException(CustomerException.Code.CONFLICT, "another customer (" + owner.get() + ") has this national id");
            Instant now = now();
            update(c, id, draft, now);
            CustomerChildren.replace(c, id, draft);
            return new Customer(id, draft, old.createdAt(), now);
        });
    }

    public boolean delete(long id) {
        return inTransaction(c -> {
            CustomerChildren.deleteAll(c, id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM customer WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Creates or replaces each customer, matched by national id, so importing the same file twice
     * changes nothing the second time (beyond updated_at). One transaction per call: all or nothing.
     */
    public ImportResult upsert(List<CustomerDraft> drafts) {
        return inTransaction(c -> {
            int created = 0;
            int updated = 0;
            Instant now = now();
            for (int i = 0; i < drafts.size(); i++) {
                CustomerDraft draft = drafts.get(i);
                try {
                    check(c, draft);
                    Optional<Long> owner = indexOwner(c, draft);
                    long id;
                    if (owner.isPresent()) {
                        id = owner.get();
                        update(c, id, draft, now);
                        updated++;
                    } else {
                        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('customer_id_seq')"); ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            id = rs.getLong(1);
                        }
                        insert(c, id, draft, now);
                        created++;
                    }
                    CustomerChildren.replace(c, id, draft);
                } catch (CustomerException e) {
                    throw new CustomerException(e.code(), "record " + (i + 1) + ": " + e.getMessage(), e.details());
                }
            }
            return new ImportResult(created, updated);
        });
    }

    public List<Product> products() {
        return read(c -> {
            List<Product> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, name, category, monthly_fee FROM product ORDER BY code");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
            }
            return out;
        });
    }

    /** Starts a subscription on {@code since}; nothing changes when the same one exists already. */
    public void subscribe(long customerId, String productCode, LocalDate since) {
        inTransaction(c -> {
            one(c, "SELECT " + COLUMNS + " FROM customer WHERE id = ?", customerId).orElseThrow(() -> notFound(customerId));
            if (!productCodes(c).contains(productCode))
                throw new CustomerException(CustomerException.Code.INVALID, "unknown product", List.of("product_code: " + productCode));
            CustomerChildren.subscribe(c, customerId, new Subscription(productCode, since, null));
            return null;
        });
    }

    /** Ends the customer's current subscriptions to the product on {@code until}; false when there was none. */
    public boolean unsubscribe(long customerId, String productCode, LocalDate until) {
        return inTransaction(c -> CustomerChildren.end(c, customerId, productCode, until) > 0);
    }

    // ---- rows

    private void insert(Connection c, long id, CustomerDraft d, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer (name, national_id_enc, national_id_index, birth_date_enc, address_enc, "
                + "sex, city, operator, created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, d, now);
            ps.setObject(9, utc(now));
            ps.setObject(10, utc(now));
            ps.setLong(11, id);
            ps.executeUpdate();
        }
    }

    private void update(Connection c, long id, CustomerDraft d, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE customer SET name = ?, national_id_enc = ?, national_id_index = ?, birth_date_enc = ?, "
                + "address_enc = ?, sex = ?, city = ?, operator = ?, updated_at = ? WHERE id = ?")) {
            bind(ps, d, now);
            ps.setObject(9, utc(now));
            ps.setLong(10, id);
            ps.executeUpdate();
        }
    }

    private void bind(PreparedStatement ps, CustomerDraft d, Instant now) throws SQLException {
        ps.setString(1, d.name());
        ps.setString(2, cipher.encrypt("national_id", d.nationalId()));
        ps.setString(3, cipher.index(d.nationalId()));
        ps.setString(4, cipher.encrypt("birth_date", d.birthDate().toString()));
        ps.setString(5, cipher.encrypt("address", d.address()));
        ps.setString(6, d.sex().name());
        ps.setString(7, d.city());
        ps.setString(8, d.operator());
    }

    private Optional<Customer> one(Connection c, String sql, Object arg) throws SQLException {
        List<Customer> found = many(c, sql, List.of(arg));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Customer> many(Connection c, String sql, List<Object> args) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getObject(10, OffsetDateTime.class).toInstant()));
            }
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<String>> phones = CustomerChildren.phones(c, ids);
        Map<Long, List<Subscription>> subscriptions = CustomerChildren.subscriptions(c, ids);
        List<Customer> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            CustomerDraft d = new CustomerDraft(r.name, cipher.decrypt("national_id", r.nationalIdEnc),
                    LocalDate.parse(cipher.decrypt("birth_date", r.birthDateEnc)), Sex.valueOf(r.sex), cipher.decrypt("address", r.addressEnc), r.city,
                    r.operator, phones.getOrDefault(r.id, List.of()), subscriptions.getOrDefault(r.id, List.of()));
            out.add(new Customer(r.id, d, r.createdAt, r.updatedAt));
        }
        return out;
    }

    private record Row(long id, String name, String nationalIdEnc, String birthDateEnc, String addressEnc, String sex, String city, String operator,
            Instant createdAt, Instant updatedAt) {
        @Override
        public String toString() {
            return "Row[id=" + id + "]";
        }
    }

    // ---- checks

    private void check(Connection c, CustomerDraft d) throws SQLException {
        List<String> problems = new ArrayList<>();
        if (d.birthDate().isAfter(LocalDate.now(clock))) problems.add("birth_date: in the future");
        Set<String> codes = productCodes(c);
        for (Subscription s : d.subscriptions())
            if (!codes.contains(s.productCode())) problems.add("subscriptions: unknown product '" + s.productCode() + "' (see GET /api/products)");
        if (!problems.isEmpty()) throw new CustomerException(CustomerException.Code.INVALID, "invalid customer", problems);
    }

    private Optional<Long> indexOwner(Connection c, CustomerDraft d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM customer WHERE national_id_index = ?")) {
            ps.setString(1, cipher.index(d.nationalId()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Set<String> productCodes(Connection c) throws SQLException {
        Set<String> codes = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM product"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) codes.add(rs.getString(1));
        }
        return codes;
    }

    static CustomerException notFound(long id) {
        return new CustomerException(CustomerException.Code.NOT_FOUND, "no customer " + id);
    }

    // ---- plumbing

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
        return ps;
    }

    private <T> T read(Database.Work<T> work) {
        return db.read("customer store", work);
    }

    private <T> T inTransaction(Database.Work<T> work) {
        return db.inTransaction("customer store", work);
    }
}
