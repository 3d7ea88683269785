package dev.switchboard.app;

import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.marketing.DirectoryStore;
import dev.switchboard.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a first start (no business directory stored), stores the region's default directory: the very
 * businesses the CDR generator of this data folder calls, so that the demo's calls resolve to them.
 */
final class DirectoryBootstrap {
    private static final Logger log = LoggerFactory.getLogger(DirectoryBootstrap.class);

    private DirectoryBootstrap() {}

    static void seedIfEmpty(DirectoryStore store, Settings settings) {
        long t0 = System.nanoTime();
        if (store.seedIfEmpty(() -> SubscriberBase.loadOrCreate(settings.dataDir(), settings.region()).businesses().entries()))
            log.info("stored the default business directory for region {} ({} ms); replace it with 'switchboard directory import FILE --mode replace'",
                    settings.region(), (System.nanoTime() - t0) / 1_000_000);
    }
}
