package dev.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.Sex;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The caller directory over stored customers: age on the day, current products, refresh. */
class CustomerCallersIT {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void callersCarryAgeSexCityAndCurrentProductsAndRefresh(Dialect dialect) throws Exception {
        try (var store = CustomerFixtures.fresh(dialect, dir); Database db = store.open()) {
            CustomerStore customers = new CustomerStore(db, CustomerFixtures.cipher(), CustomerFixtures.CLOCK);
            customers.create(CustomerFixtures.alice());
            customers.create(CustomerFixtures.bob());
            CustomerCallers callers = new CustomerCallers(customers, CustomerFixtures.CLOCK);
            assertThat(callers.byNumber("+12025550143")).contains(new Caller("+12025550143", 45, Sex.F, "Springfield", List.of("FIBER_100")));
            assertThat(callers.on("+12025550145", LocalDate.of(2020, 6, 1)))
                    .contains(new Caller("+12025550145", 25, Sex.M, "Shelbyville", List.of("TV")));
            assertThat(callers.all()).hasSize(3);
            assertThat(callers.byNumber("+19995550000")).isEmpty();

            customers.subscribe(1, "IPTV", LocalDate.of(2026, 1, 1));
            assertThat(callers.byNumber("+12025550143").orElseThrow().products()).containsExactly("FIBER_100");
            assertThat(callers.refresh()).isEqualTo(3);
            assertThat(callers.byNumber("+12025550143").orElseThrow().products()).containsExactly("FIBER_100", "IPTV");
        }
    }
}
