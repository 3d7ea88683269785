package dev.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.callcenter.Sex;
import dev.switchboard.generate.Subscriber;
import dev.switchboard.generate.SubscriberBase;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomerGeneratorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final List<Subscriber> BASE = SubscriberBase.create("US", 300, SubscriberBase.DEFAULT_SEED).subscribers();

    static List<CustomerDraft> make(long seed, int n) {
        return new CustomerGenerator("US", seed, BASE, TODAY).generate(n);
    }

    @Test
    void theSameSeedGivesTheSameCustomersAndAnotherSeedOthers() {
        assertThat(make(42, 50)).isEqualTo(make(42, 50));
        assertThat(make(43, 50)).isNotEqualTo(make(42, 50));
    }

    @Test
    void phoneNumbersAreTheSubscribersFirstThenFreshValidOnesAndNeverShared() {
        List<CustomerDraft> customers = make(7, 400);
        List<String> numbers = customers.stream().flatMap(c -> c.phones().stream()).toList();
        assertThat(new HashSet<>(numbers)).hasSameSizeAs(numbers);
        Set<String> base = BASE.stream().map(Subscriber::number).collect(Collectors.toSet());
        assertThat(numbers).containsAll(base);
        assertThat(customers.get(0).phones().get(0)).isEqualTo(BASE.get(0).number());
        assertThat(customers.get(0).operator()).isEqualTo(BASE.get(0).operator());
        assertThat(numbers).allMatch(n -> n.matches("\\+1[0-9]{10}"));
        assertThat(customers).allMatch(c -> c.phones().size() >= 1 && c.phones().size() <= 2);
    }

    @Test
    void agesSexesCitiesAndProductsHaveRealisticShapes() {
        List<CustomerDraft> customers = make(11, 5000);
        List<Integer> ages = customers.stream().map(c -> Period.between(c.birthDate(), TODAY).getYears()).toList();
        assertThat(ages).allMatch(a -> a >= 18 && a <= 90);
        double core = ages.stream().filter(a -> a >= 25 && a <= 59).count() / 5000.0;
        assertThat(core).isBetween(0.62, 0.74);
        double women = customers.stream().filter(c -> c.sex() == Sex.F).count() / 5000.0;
        assertThat(women).isBetween(0.47, 0.55);
        Map<String, Long> byCity = customers.stream().collect(Collectors.groupingBy(CustomerDraft::city, Collectors.counting()));
        assertThat(byCity.size()).isBetween(24, 30);
        assertThat(byCity.get("New York")).isGreaterThan(byCity.get("Baltimore") * 8);
        assertThat(customers).allMatch(c -> c.subscriptions().size() >= 1 && c.subscriptions().size() <= 3);
        assertThat(customers).allMatch(c -> c.nationalId().matches("9[0-9]{2}-[0-9]{2}-[0-9]{4}"));
        assertThat(customers.stream().map(CustomerDraft::nationalId).distinct().count()).isEqualTo(5000);
        Function<List<CustomerDraft>, Double> unlimited = l -> l.stream()
                .filter(c -> c.subscriptions().stream().anyMatch(s -> s.productCode().equals("MOBILE_UNLIMITED"))).count() / (double) l.size();
        List<CustomerDraft> young = customers.stream().filter(c -> Period.between(c.birthDate(), TODAY).getYears() < 35).toList();
        List<CustomerDraft> old = customers.stream().filter(c -> Period.between(c.birthDate(), TODAY).getYears() >= 60).toList();
        assertThat(unlimited.apply(young)).isGreaterThan(unlimited.apply(old) + 0.2);
        assertThat(customers).allMatch(c -> c.subscriptions().stream().noneMatch(s -> s.since().isAfter(TODAY)));
    }

    @Test
    void otherRegionsGetTheirOwnCities() {
        List<CustomerDraft> fr = new CustomerGenerator("FR", 1, SubscriberBase.create("FR", 50, 1).subscribers(), TODAY).generate(200);
        assertThat(fr).extracting(CustomerDraft::city).contains("Paris");
        assertThat(fr).allMatch(c -> c.phones().get(0).startsWith("+33"));
    }
}
