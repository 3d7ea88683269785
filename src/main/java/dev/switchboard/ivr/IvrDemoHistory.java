package dev.switchboard.ivr;

import dev.switchboard.ingest.IngestService;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Gives {@code demo} an IVR history: when the store holds no IVR session yet, six months of generated
 * sessions up to today go through the real pipeline (source {@value #SOURCE}), so the IVR page has
 * something to show. Seeded: the session ids are the same on every start, so the tables never double.
 */
public final class IvrDemoHistory {
    public static final String SOURCE = "generator";
    public static final int SESSIONS = 3000;
    public static final int MONTHS = 6;

    private IvrDemoHistory() {}

    /** @return how many sessions were sent (0 when the store already has sessions) */
    public static int seedIfEmpty(Optional<Database> db, IngestService ingest, Clock clock) {
        if (db.isPresent() && db.get().queryLong("count IVR sessions", "SELECT count(*) FROM raw_session_data") > 0) return 0;
        Instant start = clock.instant().atZone(ZoneOffset.UTC).minusMonths(MONTHS).truncatedTo(ChronoUnit.DAYS).toInstant();
        IvrGenerator generator = new IvrGenerator(SESSIONS, 1, start, MONTHS, 0.01, 0.005);
        int n = 0;
        while (generator.hasNext()) {
            ingest.publish(IvrTopics.KIND, SOURCE, IvrMediator.FORMAT, generator.next());
            n++;
        }
        return n;
    }
}
