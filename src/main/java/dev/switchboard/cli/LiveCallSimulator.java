package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.CallFormat;
import dev.switchboard.callcenter.CallTopics;
import dev.switchboard.callcenter.simulate.CallCenterConfig;
import dev.switchboard.callcenter.simulate.CallSimulation;
import dev.switchboard.callcenter.simulate.LiveCallFeed;
import dev.switchboard.callcenter.simulate.SubjectModel;
import dev.switchboard.customer.CustomerGenerator;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.ingest.IngestService;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.SettingsSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live call-center simulation of {@code demo}: call events played at {@code call-speed} times real
 * time into {@code call.raw}, by customers (a base is created on first start when there are none); on an
 * empty call history, the simulation starts {@link #HISTORY} back and those calls are sent at once first.
 */
final class LiveCallSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveCallSimulator.class);
    static final String SOURCE = "simulator";
    static final int DEMO_CUSTOMERS = 2000;
    /** How far back the simulation starts on an empty call history. */
    static final Duration HISTORY = Duration.ofDays(28);
    private final Switchboard sb;
    private final IngestService ingest;
    private final Thread thread;
    private volatile LiveCallFeed feed;
    private volatile boolean closed;
    /** Decided at start, before the other live feeds (contact records become calls too) write any call. */
    private boolean seedHistory;

    private LiveCallSimulator(Switchboard sb, IngestService ingest) {
        this.sb = sb;
        this.ingest = ingest;
        this.thread = new Thread(this::run, "live-call-simulator");
        thread.setDaemon(true);
    }

    static LiveCallSimulator start(Switchboard sb, IngestService ingest) {
        LiveCallSimulator s = new LiveCallSimulator(sb, ingest);
        s.seedHistory = s.historyIsEmpty();
        s.thread.start();
        return s;
    }

    private void run() {
        try {
            seedCustomers();
            var settings = sb.settings();
            double speed = settings.get(SettingsSpec.CALL_SPEED);
            CallCenterConfig config = CallCenterConfig.defaults(settings.zone(), System.nanoTime());
            List<Caller> known = sb.callers().all();
            List<Caller> callers = known.isEmpty() ? GenerateCommand.callers(settings) : known;
            CallSimulation simulation = new CallSimulation(config, callers, SubjectModel.standard());
            Instant now = Clock.systemUTC().instant();
            // On an empty history the simulation starts weeks back: those calls are due at once (a history for the
            // staffing forecast and for training), then the same simulation, with its callers' memory, goes on live.
            Instant from = seedHistory ? now.minus(HISTORY) : now;
            feed = new LiveCallFeed(simulation.events(from), now, speed, Clock.systemUTC(), LiveCallFeed.Sleeper.REAL);
            if (closed) return;
            if (seedHistory) log.info("demo: the call history is empty, so the simulation starts {} days back; those calls are sent first", HISTORY.toDays());
            log.info("live call-center simulation at {}x real time, {} calls/h at the peak, {} {} callers", speed,
                    config.peakCallsPerHour(), callers.size(), known.isEmpty() ? "synthetic" : "customer");
            feed.run(e -> ingest.publish(CallTopics.KIND, SOURCE, CallFormat.CALL_JSON.wireName(), Json.write(e)));
        } catch (RuntimeException e) {
            log.warn("live call simulation stopped: {}", e.getMessage());
        }
    }

    private boolean historyIsEmpty() {
        return sb.database().map(db -> db.queryLong("count calls", "SELECT count(*) FROM call") == 0).orElse(false);
    }

    /**
     * A demo on an empty customer table gets a customer base first (the CDR subscribers among them), so
     * the simulated callers are customers and completed calls carry their city, sex and age.
     */
    private void seedCustomers() {
        sb.customers().ifPresent(store -> {
            if (store.list(null, null, 1, 0).total() > 0) return;
            long t0 = System.nanoTime();
            var settings = sb.settings();
            var base = SubscriberBase.loadOrCreate(settings.dataDir(), settings.region());
            var drafts = new CustomerGenerator(settings.region(), SubscriberBase.DEFAULT_SEED, base.subscribers(),
                    LocalDate.now(settings.zone())).generate(DEMO_CUSTOMERS);
            var result = store.upsert(drafts);
            sb.customersChanged();
            log.info("demo: {} customers created, as there were none ({} ms)", result.created(), (System.nanoTime() - t0) / 1_000_000);
        });
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        LiveCallFeed f = feed;
        if (f != null) f.close();
        thread.interrupt();
        thread.join(5000);
    }
}
