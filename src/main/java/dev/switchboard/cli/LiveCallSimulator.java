package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.CallFormat;
import dev.switchboard.callcenter.CallTopics;
import dev.switchboard.callcenter.simulate.CallCenterConfig;
import dev.switchboard.callcenter.simulate.CallSimulation;
import dev.switchboard.callcenter.simulate.LiveCallFeed;
import dev.switchboard.callcenter.simulate.SubjectModel;
import dev.switchboard.ingest.IngestService;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.SettingsSpec;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The live call-center simulation of {@code demo}: call events played at {@code call-speed} times real time into {@code call.raw}. */
final class LiveCallSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveCallSimulator.class);
    static final String SOURCE = "simulator";
    private final LiveCallFeed feed;
    private final Thread thread;

    private LiveCallSimulator(LiveCallFeed feed, IngestService ingest) {
        this.feed = feed;
        this.thread = new Thread(() -> play(ingest), "live-call-simulator");
        thread.setDaemon(true);
    }

    static LiveCallSimulator start(Switchboard sb, IngestService ingest) {
        var settings = sb.settings();
        double speed = settings.get(SettingsSpec.CALL_SPEED);
        CallCenterConfig config = CallCenterConfig.defaults(settings.zone(), System.nanoTime());
        List<Caller> known = sb.callers().all();
        List<Caller> callers = known.isEmpty() ? GenerateCommand.callers(settings) : known;
        LiveCallFeed feed = LiveCallFeed.of(new CallSimulation(config, callers, SubjectModel.standard()), speed, Clock.systemUTC(),
                LiveCallFeed.Sleeper.REAL);
        LiveCallSimulator s = new LiveCallSimulator(feed, ingest);
        s.thread.start();
        log.info("live call-center simulation at {}x real time, {} calls/h at the peak, {} {} callers", speed,
                config.peakCallsPerHour(), callers.size(), known.isEmpty() ? "synthetic" : "customer");
        return s;
    }

    private void play(IngestService ingest) {
        try {
            feed.run(e -> ingest.publish(CallTopics.KIND, SOURCE, CallFormat.CALL_JSON.wireName(), Json.write(e)));
        } catch (RuntimeException e) {
            log.warn("live call simulation stopped: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        feed.close();
        thread.interrupt();
        thread.join(5000);
    }
}
