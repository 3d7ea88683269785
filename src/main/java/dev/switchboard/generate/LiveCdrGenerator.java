package dev.switchboard.generate;

import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.marketing.BusinessDirectory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CDRs of calls ending now, at a rate, sent one by one to a sink (in a process: the ingest service)
 * by a thread of its own, with settings ({@link LiveWorkload}) that can be replaced while it runs.
 *
 * <p>Send times follow the settings: the gap distribution draws the time to the next record with a
 * mean of one over the rate, and the call-time mode speeds the clock up or slows it down by the hour
 * of the day, as {@link StartClock} does for batch starts. A generator that falls more than a second
 * behind (a slow sink) starts its clock again from now rather than sending a burst to catch up.
 *
 * <p>New settings make a new {@link CdrGenerator} over the same subscriber base, with a fresh seed (so
 * no id comes again); its duplicates repeat only its own earlier valid records, so a repeat is always
 * of a record that went out before. The counts add up over every generator run since the start.
 */
public final class LiveCdrGenerator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveCdrGenerator.class);
    /** The source its records carry through ingest and mediation's counts. */
    public static final String SOURCE = "generator";
    public static final int RATE_WINDOW_SEC = 5;
    private static final long BEHIND_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ZoneId zone;
    private final Supplier<SubscriberBase> baseSource;
    private final Supplier<Optional<BusinessDirectory>> directory;
    private final Consumer<String> sink;
    private final RateMeter meter = new RateMeter(RATE_WINDOW_SEC, System::nanoTime);
    private final AtomicLong sent = new AtomicLong();
    private SubscriberBase base;

    // Guarded by this: the settings of the moment and the generator that follows them.
    private LiveWorkload settings;
    private Instant settingsSince = Instant.now();
    private CdrGenerator generator;
    private GeneratedCounts retired = GeneratedCounts.NONE;
    private long version;
    private volatile Thread worker;

    /**
     * @param base      the subscribers (read when first needed, e.g. {@code SubscriberBase.loadOrCreate})
     * @param directory the business directory to call as it is now, if the process has one; when it has no
     *                  number to call, the base's own (default) businesses are called instead
     * @param sink      takes one {@code cdr-json} line; a failure pauses the generator a second and the line is sent again
     */
    public LiveCdrGenerator(LiveWorkload initial, ZoneId zone, Supplier<SubscriberBase> base,
                            Supplier<Optional<BusinessDirectory>> directory, Consumer<String> sink) {
        this.settings = initial;
        this.zone = zone;
        this.baseSource = base;
        this.directory = directory;
        this.sink = sink;
    }

    public synchronized LiveWorkload settings() {
        return settings;
    }

    /**
     * Puts new settings in force: the next record follows them, whether running or not. Settings the
     * generator cannot follow (e.g. business calls with no business to call) are an
     * {@link IllegalArgumentException}, and the settings in force stay.
     */
    public void replace(LiveWorkload next) {
        CdrGenerator fresh = newGenerator(next);
        synchronized (this) {
            if (generator != null) retired = retired.plus(generator.counts());
            generator = fresh;
            settings = next;
            settingsSince = Instant.now();
            version++;
        }
        LockSupport.unpark(worker); // a long wait at the old rate ends now
        log.info("live CDR generator settings: {}", next);
    }

    /** Starts sending (again); nothing when already running. */
    public synchronized void start() {
        if (worker != null) return;
        if (generator == null) generator = newGenerator(settings);
        meter.restart();
        Thread t = new Thread(this::run, "live-cdr-generator");
        t.setDaemon(true);
        worker = t;
        t.start();
        log.info("live CDR generator started at {} records/s", settings.recordsPerSecond());
    }

    /** Stops sending; returns once the sending thread has ended (or after 5 s). Nothing when stopped. */
    public void stop() throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = worker;
            worker = null;
        }
        if (t == null) return;
        LockSupport.unpark(t);
        t.join(5000);
        log.info("live CDR generator stopped after {} records", sent.get());
    }

    public boolean running() {
        return worker != null;
    }

    /** What it is doing: state, settings, records sent and generated by kind, the rate measured and the rate due now. */
    public synchronized Status status() {
        GeneratedCounts generated = generator == null ? retired : retired.plus(generator.counts());
        int hour = Instant.now().atZone(zone).getHour();
        return new Status(running(), settings, settingsSince, sent.get(), generated, meter.perSecond(), meter.windowSec(),
                settings.rateAtHour(hour), zone);
    }

    /**
     * @param measuredRate  records per second sent over the last {@code rateWindowSec} seconds
     * @param targetRateNow the rate the settings ask for in this hour (the call-time mode's share of the day)
     */
    public record Status(boolean running, LiveWorkload settings, Instant settingsSince, long sent, GeneratedCounts generated,
                         double measuredRate, int rateWindowSec, double targetRateNow, ZoneId zone) {}

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private synchronized SubscriberBase base() {
        if (base == null) base = baseSource.get();
        return base;
    }

    private CdrGenerator newGenerator(LiveWorkload next) {
        CdrWorkload workload = next.workload(ThreadLocalRandom.current().nextLong(), zone);
        SubscriberBase subscribers = base();
        Optional<BusinessDirectory> stored = directory.get();
        if (stored.isPresent()) {
            try {
                return new CdrGenerator(workload, subscribers.withBusinesses(stored.get()));
            } catch (IllegalArgumentException e) {
                log.warn("the stored business directory cannot be called ({}): the generator calls the default businesses", e.getMessage());
            }
        }
        return new CdrGenerator(workload, subscribers);
    }

    private void run() {
        Thread self = Thread.currentThread();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create();
        long seen = -1;
        Pace pace = null;
        while (worker == self) {
            CdrGenerator g;
            LiveWorkload s;
            long v;
            synchronized (this) {
                g = generator;
                s = settings;
                v = version;
            }
            if (v != seen) {
                pace = new Pace(s, zone, rng);
                seen = v;
            }
            long wait = pace.due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait); // woken early by new settings or a stop
                continue;
            }
            if (wait < -BEHIND_LIMIT_NANOS) pace = new Pace(s, zone, rng);
            String line;
            synchronized (this) {
                if (version != v) continue;
                line = g.nextLiveLine(CdrFormat.CDR_JSON, Instant.now());
            }
            pace.advance();
            send(line, self);
        }
    }

    private void send(String line, Thread self) {
        while (worker == self) {
            try {
                sink.accept(line);
                sent.incrementAndGet();
                meter.add();
                return;
            } catch (RuntimeException e) {
                log.warn("live CDR generator paused: {}", e.getMessage());
                LockSupport.parkNanos(this, RETRY_NANOS);
            }
        }
    }

    /** When the next record is due, on {@link System#nanoTime}'s scale, by a start clock begun now. */
    private static final class Pace {
        private final StartClock clock;
        private final double epoch0;
        private final long nano0;
        private long due;

        Pace(LiveWorkload s, ZoneId zone, UniformRandomProvider rng) {
            Instant now = Instant.now();
            nano0 = System.nanoTime();
            epoch0 = now.getEpochSecond() + now.getNano() / 1e9;
            clock = new StartClock(s.gap().sampler(rng, 1 / s.recordsPerSecond()), s.callTimeMode(), zone, now);
            advance();
        }

        void advance() {
            due = nano0 + (long) ((clock.nextEpochSeconds() - epoch0) * 1e9);
        }
    }
}
