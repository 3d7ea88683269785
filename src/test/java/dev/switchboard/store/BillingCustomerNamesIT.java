package dev.switchboard.store;

import static dev.switchboard.store.BillingFixtures.A;
import static dev.switchboard.store.BillingFixtures.B;
import static dev.switchboard.store.BillingFixtures.C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.billing.Bill;
import dev.switchboard.billing.BillListing;
import dev.switchboard.billing.BillingFormats;
import dev.switchboard.billing.BillingRun;
import dev.switchboard.callcenter.Sex;
import dev.switchboard.customer.CustomerDraft;
import dev.switchboard.customer.CustomerNames;
import dev.switchboard.customer.CustomerStore;
import dev.switchboard.customer.FieldCipher;
import dev.switchboard.customer.Subscription;
import dev.switchboard.platform.Json;
import dev.switchboard.revenue.Period;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The customer's name on bills and invoices, on each engine: a number of a customer gets the name (and
 * nothing else of the customer: no national id, birth date or address), a number of no customer gets no
 * name and no error; the bill list sorts by name and amount, pages, and totals every bill exactly.
 */
class BillingCustomerNamesIT {
    static final String ALICE = "Alice Martin";
    static final String BOB = "Bob <Stone> & \"Sons\"";
    static final String NATIONAL_ID = "123-45-6789";
    static final String ADDRESS = "12 Elm Street";
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void billsAndInvoicesCarryTheCustomersNameOnly(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            BillingFixtures.march(db);
            byte[] key = new byte[32];
            CustomerStore customers = new CustomerStore(db, new FieldCipher(key), Clock.systemUTC());
            customers.create(new CustomerDraft(ALICE, NATIONAL_ID, LocalDate.of(1980, 6, 15), Sex.F, ADDRESS, "Springfield", "Nimbus",
                    List.of(A, "+33699999999"), List.of(new Subscription("FIBER_100", LocalDate.of(2020, 1, 1), null))));
            customers.create(new CustomerDraft(BOB, "987-65-4321", LocalDate.of(1995, 2, 3), Sex.M, "3 Oak Avenue", "Shelbyville", null,
                    List.of(B), List.of()));
            CustomerNames names = new CustomerNames(db);

            // The lookup itself: C belongs to no customer.
            assertThat(names.of(List.of(A, B, C))).isEqualTo(Map.of(A, ALICE, B, BOB));
            assertThat(names.of(A)).contains(ALICE);
            assertThat(names.of(C)).isEmpty();
            assertThat(names.of(List.of())).isEmpty();
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 1200; i++) many.add(String.format("+3361%07d", i));
            many.add(A);
            assertThat(names.of(many)).isEqualTo(Map.of(A, ALICE)); // more numbers than one query takes

            BillingRun run = new BillingRun(db, () -> Optional.of(BillingFixtures.tariffs()), Clock.fixed(Instant.parse("2026-04-02T10:00:00Z"), ZoneOffset.UTC));
            Period march = run.period("2026-03");
            run.run(march);
            List<Bill> bills = run.bills(march);

            BillListing byName = BillListing.of("2026-03", bills, names::of, "customer_name", "asc", null, 0);
            assertThat(byName.rows()).extracting(r -> r.bill().subscriber() + " " + r.bill().currency() + " " + r.customerName())
                    .containsExactly(A + " EUR " + ALICE, B + " EUR " + BOB, B + " USD " + BOB, C + " EUR null");
            BillListing byNameDesc = BillListing.of("2026-03", bills, names::of, "customer_name", "desc", null, 0);
            assertThat(byNameDesc.rows()).extracting(BillListing.Row::customerName).containsExactly(BOB, BOB, ALICE, null); // no name stays last
            BillListing byAmount = BillListing.of("2026-03", bills, names::of, "amount", "desc", 2, 1);
            assertThat(byAmount.count()).isEqualTo(4);
            assertThat(byAmount.rows()).extracting(r -> r.bill().amount().stripTrailingZeros().toPlainString())
                    .containsExactly("1.413334", "0.45"); // page 2 of 3.00, 1.413334, 0.45, 0
            assertThat(BillListing.of("2026-03", bills, names::of, null, null, 50, 100).rows()).isEmpty();
            assertThatThrownBy(() -> BillListing.of("2026-03", bills, names::of, "national_id", null, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> BillListing.of("2026-03", bills, names::of, null, null, 0, 0)).isInstanceOf(IllegalArgumentException.class);

            // Totals of every bill (not only the page), per currency, exact.
            Map<String, Object> json = BillingFormats.json(byAmount);
            String text = Json.MAPPER.writeValueAsString(json);
            assertThat(text).contains("\"totals\":[{\"currency\":\"EUR\",\"bills\":3,\"calls\":5,\"sms\":2,\"total_seconds\":305,\"billed_seconds\":421,"
                    + "\"free_seconds\":100,\"free_sms\":1,\"amount\":\"1.863334\",\"tax\":\"0.32\",\"total\":\"2.183334\",\"unpriced\":2},"
                    + "{\"currency\":\"USD\",\"bills\":1,\"calls\":1,\"sms\":0,\"total_seconds\":100,\"billed_seconds\":120,"
                    + "\"free_seconds\":0,\"free_sms\":0,\"amount\":\"3.00\",\"tax\":\"0.17\",\"total\":\"3.17\",\"unpriced\":0}]");
            String all = Json.MAPPER.writeValueAsString(BillingFormats.json(byName));
            assertThat(all).contains("\"subscriber\":\"" + A + "\",\"customer_name\":\"" + ALICE + "\"", "\"subscriber\":\"" + C + "\",\"customer_name\":null");
            personalDataAbsent(all);

            // The invoice: the name, escaped; for C no name line and no error.
            String invoiceA = BillingFormats.invoice(A, names.of(A).orElse(null), "2026-03", run.bills(march, A));
            assertThat(invoiceA).contains("Customer: <strong data-testid=\"customer-name\">" + ALICE + "</strong>", "1.713334 EUR");
            personalDataAbsent(invoiceA);
            String invoiceB = BillingFormats.invoice(B, names.of(B).orElse(null), "2026-03", run.bills(march, B));
            assertThat(invoiceB).contains("Bob &lt;Stone&gt; &amp; &quot;Sons&quot;").doesNotContain("<Stone>");
            String invoiceC = BillingFormats.invoice(C, names.of(C).orElse(null), "2026-03", run.bills(march, C));
            assertThat(invoiceC).doesNotContain("Customer:", "customer-name").contains(C);
        }
    }

    private static void personalDataAbsent(String text) {
        assertThat(text).doesNotContain(NATIONAL_ID, "1980-06-15", "1980", ADDRESS, "Elm", "987-65-4321", "Oak Avenue", "1995");
    }
}
