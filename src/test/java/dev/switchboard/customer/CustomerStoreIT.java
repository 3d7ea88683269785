package dev.switchboard.customer;

import static dev.switchboard.customer.CustomerFixtures.alice;
import static dev.switchboard.customer.CustomerFixtures.bob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.callcenter.Sex;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Customers in the SQL store on each engine: CRUD, paging and filters, upsert by national id, encryption at rest. */
class CustomerStoreIT {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void createGetUpdateDeleteRoundTripWithPhonesAndSubscriptions(Dialect dialect) throws Exception {
        try (var store = CustomerFixtures.fresh(dialect, dir); Database db = store.open()) {
            CustomerStore customers = new CustomerStore(db, CustomerFixtures.cipher(), CustomerFixtures.CLOCK);
            Customer a = customers.create(alice());
            assertThat(customers.get(a.id())).contains(a);
            assertThat(customers.findByNumber("+12025550143")).contains(a);

            CustomerDraft moved = new CustomerDraft("Alice Martin", "123-45-6789", LocalDate.of(1980, 6, 15), Sex.F, "1 New Road", "Capital City",
                    "Corvid", List.of("+12025550150", "+12025550143"),
                    List.of(new Subscription("FIBER_100", LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1)),
                            new Subscription("FIBER_1000", LocalDate.of(2025, 1, 1), null)));
            Customer updated = customers.update(a.id(), moved);
            Customer read = customers.get(a.id()).orElseThrow();
            assertThat(read.data().address()).isEqualTo("1 New Road");
            assertThat(read.phones()).containsExactlyInAnyOrder("+12025550150", "+12025550143");
            assertThat(read.productsOn(LocalDate.of(2026, 3, 1))).containsExactly("FIBER_1000");
            assertThat(read.productsOn(LocalDate.of(2024, 3, 1))).containsExactly("FIBER_100");
            assertThat(read.createdAt()).isEqualTo(a.createdAt());
            assertThat(read).isEqualTo(updated);

            assertThat(customers.delete(a.id())).isTrue();
            assertThat(customers.get(a.id())).isEmpty();
            assertThat(customers.findByNumber("+12025550150")).isEmpty();
            assertThat(customers.delete(a.id())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void personalDataIsStoredOnlyEncrypted(Dialect dialect) throws Exception {
        try (var store = CustomerFixtures.fresh(dialect, dir); Database db = store.open()) {
            new CustomerStore(db, CustomerFixtures.cipher(), CustomerFixtures.CLOCK).create(alice());
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT national_id_enc, birth_date_enc, address_enc, national_id_index FROM customer")) {
                rs.next();
                String row = rs.getString(1) + rs.getString(2) + rs.getString(3) + rs.getString(4);
                assertThat(row).doesNotContain("6789", "1980", "Elm").startsWith("v1:");
            }
            CustomerStore otherKey = new CustomerStore(db, new FieldCipher(CustomerFixtures.OTHER_KEY), CustomerFixtures.CLOCK);
            assertThatThrownBy(() -> otherKey.list(null, null, 10, 0)).isInstanceOf(CustomerException.class)
                    .hasMessageContaining("the customer key is not the one");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void listPagesAndFiltersByCityAndNumber(Dialect dialect) throws Exception {
        try (var store = CustomerFixtures.fresh(dialect, dir); Database db = store.open()) {
            CustomerStore customers = new CustomerStore(db, CustomerFixtures.cipher(), CustomerFixtures.CLOCK);
            Customer a = customers.create(alice());
            Customer b = customers.create(bob());
            assertThat(customers.list(null, null, 1, 0).customers()).containsExactly(a);
            assertThat(customers.list(null, null, 1, 1).customers()).containsExactly(b);
            assertThat(customers.list(null, null, 10, 0).total()).isEqualTo(2);
            assertThat(customers.list("Shelbyville", null, 10, 0).customers()).containsExactly(b);
            assertThat(customers.list(null, "+12025550145", 10, 0).customers()).containsExactly(b);
            assertThat(customers.list("Springfield", "+12025550145", 10, 0).total()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void upsertMatchesByNationalIdSoAReimportChangesNothing(Dialect dialect) throws Exception {
        try (var store = CustomerFixtures.fresh(dialect, dir); Database db = store.open()) {
            CustomerStore customers = new CustomerStore(db, CustomerFixtures.cipher(), CustomerFixtures.CLOCK);
            assertThat(customers.upsert(List.of(alice(), bob()))).isEqualTo(new CustomerStore.ImportResult(2, 0));
            List<Customer> first = customers.all();
            assertThat(customers.upsert(List.of(alice(), bob()))).isEqualTo(new CustomerStore.ImportResult(0, 2));
            assertThat(customers.all()).isEqualTo(first);
            // the same person written with other separators is the same national id
            CustomerDraft a = alice();
            CustomerDraft respelled = new CustomerDraft(a.name(), "123 45 6789", a.birthDate(), a.sex(), "9 Pine Road", a.city(), a.operator(),
                    a.phones(), a.subscriptions());
            assertThat(customers.upsert(List.of(respelled))).isEqualTo(new CustomerStore.ImportResult(0, 1));
            assertThat(customers.all()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void conflictsAndUnknownProductsAreRefusedAndNothingIsWritten(Dialect dialect) throws Exception {
        try (var store = CustomerFixtures.fresh(dialect, dir); Database db = store.open()) {
            CustomerStore customers = new CustomerStore(db, CustomerFixtures.cipher(), CustomerFixtures.CLOCK);
            Customer a = customers.create(alice());
            CustomerDraft b = bob();
            CustomerDraft takesAlicesPhone = new CustomerDraft(b.name(), b.nationalId(), b.birthDate(), b.sex(), b.address(), b.city(), b.operator(),
                    List.of("+12025550143"), List.of());
            assertThatThrownBy(() -> customers.create(takesAlicesPhone)).isInstanceOf(CustomerException.class)
                    .satisfies(e -> assertThat(((CustomerException) e).code()).isEqualTo(CustomerException.Code.CONFLICT));
            assertThatThrownBy(() -> customers.create(alice())).isInstanceOf(CustomerException.class).hasMessageContaining("national id exists");
            CustomerDraft badProduct = new CustomerDraft(b.name(), b.nationalId(), b.birthDate(), b.sex(), b.address(), b.city(), b.operator(),
                    List.of(), List.of(new Subscription("JETPACK", LocalDate.of(2020, 1, 1), null)));
            assertThatThrownBy(() -> customers.upsert(List.of(bob(), badProduct))).isInstanceOf(CustomerException.class)
                    .hasMessageContaining("record 2");
            assertThat(customers.all()).containsExactly(a);
            assertThatThrownBy(() -> customers.update(999, bob())).isInstanceOf(CustomerException.class)
                    .satisfies(e -> assertThat(((CustomerException) e).code()).isEqualTo(CustomerException.Code.NOT_FOUND));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void productsAreSeededWithExactFeesAndSubscriptionsCanBeAddedAndEnded(Dialect dialect) throws Exception {
        try (var store = CustomerFixtures.fresh(dialect, dir); Database db = store.open()) {
            CustomerStore customers = new CustomerStore(db, CustomerFixtures.cipher(), CustomerFixtures.CLOCK);
            assertThat(customers.products()).extracting(Product::code)
                    .containsExactly("FIBER_100", "FIBER_1000", "IPTV", "MOBILE_BASIC", "MOBILE_UNLIMITED", "TV");
            assertThat(customers.products().get(0).monthlyFee()).isEqualByComparingTo(new BigDecimal("30.00"));
            Customer a = customers.create(alice());
            customers.subscribe(a.id(), "IPTV", LocalDate.of(2026, 2, 1));
            customers.subscribe(a.id(), "IPTV", LocalDate.of(2026, 2, 1));
            assertThat(customers.get(a.id()).orElseThrow().productsOn(LocalDate.of(2026, 3, 1))).containsExactly("FIBER_100", "IPTV");
            assertThat(customers.unsubscribe(a.id(), "FIBER_100", LocalDate.of(2026, 2, 15))).isTrue();
            assertThat(customers.get(a.id()).orElseThrow().productsOn(LocalDate.of(2026, 3, 1))).containsExactly("IPTV");
            assertThatThrownBy(() -> customers.subscribe(a.id(), "JETPACK", LocalDate.of(2026, 2, 1))).isInstanceOf(CustomerException.class);
        }
    }
}
