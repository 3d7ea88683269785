package dev.switchboard.customer;

import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.CallerDirectory;
import dev.switchboard.callcenter.Sex;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The caller directory over the customer data, held in memory: birth dates are decrypted once per
 * {@link #refresh()}, not per call, and age and current products are worked out on the day of the
 * lookup from the clock (in the clock's zone). Loads on first use; {@link #refresh()} reloads.
 */
public final class CustomerCallers implements CallerDirectory {
    private final CustomerStore store;
    private final Clock clock;
    private volatile Map<String, Entry> byNumber;

    /** What the directory keeps of a customer: no name, no national id, no address. */
    private record Entry(String number, LocalDate birthDate, Sex sex, String city, List<Subscription> subscriptions) {
        Caller on(LocalDate day) {
            int age = Math.max(0, Math.min(130, Period.between(birthDate, day).getYears()));
            List<String> products = subscriptions.stream().filter(s -> s.currentOn(day)).map(Subscription::productCode).distinct().sorted().toList();
            return new Caller(number, age, sex, city, products);
        }

        @Override
        public String toString() {
            return "Entry[" + number + "]";
        }
    }

    public CustomerCallers(CustomerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Reloads every customer from the store; returns how many numbers are known. */
    public int refresh() {
        Map<String, Entry> fresh = new HashMap<>();
        for (Customer c : store.all()) {
            for (String number : c.phones())
                fresh.put(number, new Entry(number, c.data().birthDate(), c.sex(), c.city(), c.data().subscriptions()));
        }
        byNumber = Map.copyOf(fresh);
        return fresh.size();
    }

    @Override
    public Optional<Caller> byNumber(String e164) {
        return on(e164, LocalDate.now(clock));
    }

    /** The caller as they were on a given day (age, current products). */
    public Optional<Caller> on(String e164, LocalDate day) {
        return Optional.ofNullable(entries().get(e164)).map(e -> e.on(day));
    }

    @Override
    public List<Caller> all() {
        LocalDate today = LocalDate.now(clock);
        List<Caller> out = new ArrayList<>();
        entries().values().stream().sorted(java.util.Comparator.comparing(Entry::number)).forEach(e -> out.add(e.on(today)));
        return out;
    }

    private Map<String, Entry> entries() {
        Map<String, Entry> current = byNumber;
        if (current == null) {
            synchronized (this) {
                if (byNumber == null) refresh();
                current = byNumber;
            }
        }
        return current;
    }
}
