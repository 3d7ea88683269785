package dev.switchboard.rating;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The example tariff set shipped in the jar (resources {@code rating/example-tariffs.json} and
 * {@code rating/example-rates.csv}): US plans basic (default, two versions), smart and business,
 * described in docs/TARIFFS.md. The demo stores it on first start.
 */
public final class ExampleTariffs {
    private ExampleTariffs() {}

    /** The set as shipped: everyone on the default plan. */
    public static Tariffs load() {
        try (Reader json = resource("example-tariffs.json"); Reader csv = resource("example-rates.csv")) {
            return TariffFiles.read(json, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The set with these subscribers spread over the plans as a real base would be (about 60 % basic,
     * 30 % smart, 10 % business); the same number always lands on the same plan.
     */
    public static Tariffs forSubscribers(Collection<String> numbers) {
        Tariffs t = load();
        Map<String, String> assignments = new HashMap<>(t.assignments());
        for (String number : numbers) {
            int slot = Math.floorMod(number.hashCode() * 31 + 7, 10);
            if (slot >= 9) assignments.put(number, "business");
            else if (slot >= 6) assignments.put(number, "smart");
        }
        return new Tariffs(t.plans(), assignments, t.defaultPlan(), t.zone());
    }

    private static Reader resource(String name) {
        var in = ExampleTariffs.class.getResourceAsStream("/rating/" + name);
        if (in == null) throw new IllegalStateException("resource /rating/" + name + " is missing from the jar");
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
