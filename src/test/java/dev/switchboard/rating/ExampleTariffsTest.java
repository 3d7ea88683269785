package dev.switchboard.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.Subscriber;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.platform.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExampleTariffsTest {
    private static final Tariffs EXAMPLE = ExampleTariffs.load();

    @Test
    void theExampleHasTheDocumentedPlansVersionsAndHolidays() {
        assertThat(EXAMPLE.defaultPlan()).isEqualTo("basic");
        assertThat(EXAMPLE.plans().keySet()).containsExactlyInAnyOrder("basic", "smart", "business");
        assertThat(EXAMPLE.plans().get("basic")).extracting(PlanVersion::version).containsExactly(1, 2);
        PlanVersion v1 = EXAMPLE.versionAt("basic", Instant.parse("2026-06-30T12:00:00Z")).orElseThrow();
        PlanVersion v2 = EXAMPLE.versionAt("basic", Instant.parse("2026-07-01T12:00:00Z")).orElseThrow();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(rate(v1, "us-peak").pricePerUnit()).isLessThan(rate(v2, "us-peak").pricePerUnit());
        assertThat(v1.holidays()).contains(LocalDate.of(2025, 12, 25), LocalDate.of(2026, 11, 26), LocalDate.of(2027, 7, 5));
        assertThat(v1.holidays().stream().filter(d -> d.getYear() == 2026)).hasSize(11);
        PlanVersion smart = EXAMPLE.plans().get("smart").get(0);
        assertThat(smart.allowances()).extracting(FreeAllowance::units).containsExactlyInAnyOrder(18_000L, 100L);
        assertThat(rate(smart, "us-peak").firstIncrementSec()).isEqualTo(60);
        assertThat(rate(smart, "us-peak").incrementSec()).isEqualTo(1);
        assertThat(rate(v1, "tollfree-800").pricePerUnit()).isZero();
        assertThat(rate(v1, "premium-1900").pricePerUnit()).isGreaterThan(BigDecimal.ONE);
        long countries = EXAMPLE.plans().get("basic").get(0).rates().stream().filter(r -> r.type() == CdrType.SMS).count();
        assertThat(countries).isGreaterThan(40);
    }

    @Test
    void everyGeneratedCdrFindsARateInEveryPlanVersionAtAnyTimeOfTheWeek() {
        List<Cdr> cdrs = new ArrayList<>();
        for (long seed : new long[] {SubscriberBase.DEFAULT_SEED, 7}) {
            CdrWorkload workload = CdrWorkload.builder().count(20_000).seed(seed).errorRate(0).duplicateRate(0).build();
            CdrGenerator generator = new CdrGenerator(workload, SubscriberBase.create("US", SubscriberBase.DEFAULT_SIZE, seed));
            generator.lines(CdrFormat.CDR_JSON).forEachRemaining(line -> cdrs.add(read(line)));
        }
        assertThat(cdrs).hasSizeGreaterThan(39_000);
        Set<String> international = cdrs.stream().map(Cdr::calledNumber).filter(n -> !n.startsWith("+1")).map(n -> n.substring(0, 3)).collect(Collectors.toSet());
        assertThat(international).hasSizeGreaterThan(8);
        // Many CDRs call the same numbers: each distinct (type, number) is checked once.
        Set<String> destinations = cdrs.stream().map(c -> c.type() + " " + c.calledNumber()).collect(Collectors.toSet());
        for (List<PlanVersion> versions : EXAMPLE.plans().values()) {
            for (PlanVersion v : versions) {
                Set<String> coveredPrefixes = new java.util.HashSet<>();
                for (String destination : destinations) {
                    CdrType type = CdrType.valueOf(destination.substring(0, destination.indexOf(' ')));
                    String number = destination.substring(destination.indexOf(' ') + 1);
                    Optional<String> prefix = longestPrefix(v, type, number.substring(1));
                    assertThat(prefix).as("plan %s v%d, %s to %s", v.planId(), v.version(), type, number).isPresent();
                    if (coveredPrefixes.add(type + prefix.get()))
                        assertThat(coversTheWholeWeek(v, type, prefix.get())).as("bands of %s in %s v%d", prefix.get(), v.planId(), v.version()).isTrue();
                }
            }
        }
    }

    @Test
    void subscribersAreSpreadOverThePlansTheSameWayEveryTime() {
        List<String> numbers = SubscriberBase.create("US", SubscriberBase.DEFAULT_SIZE, SubscriberBase.DEFAULT_SEED).subscribers().stream()
                .map(Subscriber::number).toList();
        Tariffs spread = ExampleTariffs.forSubscribers(numbers);
        assertThat(ExampleTariffs.forSubscribers(numbers)).isEqualTo(spread);
        long smart = numbers.stream().filter(n -> spread.planOf(n).equals("smart")).count();
        long business = numbers.stream().filter(n -> spread.planOf(n).equals("business")).count();
        long basic = numbers.stream().filter(n -> spread.planOf(n).equals("basic")).count();
        assertThat(smart).isBetween(50L, 130L);
        assertThat(business).isBetween(10L, 60L);
        assertThat(basic).isBetween(130L, 230L);
    }

    private static Optional<String> longestPrefix(PlanVersion v, CdrType type, String digits) {
        String best = null;
        for (Rate r : v.rates())
            if (r.type() == type && digits.startsWith(r.prefix()) && !r.prefix().isEmpty() && (best == null || r.prefix().length() > best.length()))
                best = r.prefix();
        return Optional.ofNullable(best);
    }

    /** A rate without a band, or banded rates whose bands together cover every minute of every kind of day. */
    private static boolean coversTheWholeWeek(PlanVersion v, CdrType type, String prefix) {
        List<Rate> rates = v.rates().stream().filter(r -> r.type() == type && r.prefix().equals(prefix)).toList();
        if (rates.stream().anyMatch(r -> r.band() == null)) return true;
        for (DayKind day : DayKind.values()) {
            for (int minute = 0; minute < 1440; minute++) {
                int m = minute;
                boolean covered = rates.stream().map(r -> v.bands().stream().filter(b -> b.name().equals(r.band())).findFirst().orElseThrow())
                        .anyMatch(b -> b.days().contains(day) && (b.fromMinute() < b.toMinute() ? m >= b.fromMinute() && m < b.toMinute()
                                : m >= b.fromMinute() || m < b.toMinute()));
                if (!covered) return false;
            }
        }
        return true;
    }

    private static Rate rate(PlanVersion v, String id) {
        return v.rates().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static Cdr read(String line) {
        try {
            return Json.MAPPER.readValue(line, Cdr.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
