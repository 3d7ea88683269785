package dev.switchboard.app;

import dev.switchboard.generate.Subscriber;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.platform.Settings;
import dev.switchboard.rating.ExampleTariffs;
import dev.switchboard.rating.TariffStore;
import dev.switchboard.rating.Tariffs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** On a first start (no tariff set stored), stores the example set so that the demo rates its CDRs with it. */
final class TariffBootstrap {
    private static final Logger log = LoggerFactory.getLogger(TariffBootstrap.class);
    /** The example set's plans and numbering are those of this region. */
    private static final String EXAMPLE_REGION = "US";

    private TariffBootstrap() {}

    static void seedIfEmpty(TariffStore store, Settings settings) {
        long t0 = System.nanoTime();
        if (store.seedIfEmpty(() -> example(settings)))
            log.info("stored the example tariff set ({} ms); replace it with 'switchboard tariffs import FILE'", (System.nanoTime() - t0) / 1_000_000);
    }

    /** The generator's subscribers (the same file and seed it uses) spread over the example plans; in another region, everyone on the default plan. */
    private static Tariffs example(Settings settings) {
        if (!EXAMPLE_REGION.equals(settings.region())) return ExampleTariffs.load();
        try {
            var numbers = SubscriberBase.loadOrCreate(settings.dataDir(), settings.region()).subscribers().stream().map(Subscriber::number).toList();
            return ExampleTariffs.forSubscribers(numbers);
        } catch (java.io.UncheckedIOException e) {
            log.warn("no subscriber base in {} ({}): everyone starts on the default plan", settings.dataDir(), e.getMessage());
            return ExampleTariffs.load();
        }
    }
}
