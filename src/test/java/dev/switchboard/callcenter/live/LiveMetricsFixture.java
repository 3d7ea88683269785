package dev.switchboard.callcenter.live;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallPrediction;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.platform.ControlCommand;
import dev.switchboard.platform.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The live-metrics topology on a test driver, with a wall clock the test moves. */
final class LiveMetricsFixture implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<String, CallEvent> calls;
    final TestInputTopic<String, ControlCommand> control;
    final CallCenterView view;
    Instant wall;

    LiveMetricsFixture(ZoneId zone, Instant wallStart) {
        this(MetricsRules.of(zone, Thresholds.DEFAULT), wallStart);
    }

    LiveMetricsFixture(MetricsRules rules, Instant wallStart) {
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, CallEvent> in = b.stream("call.clean", Consumed.with(Serdes.String(), JsonSerde.of(CallEvent.class)));
        KStream<String, ControlCommand> ctl = b.stream("control", Consumed.with(Serdes.String(), ControlCommand.TOPIC.valueSerde()));
        KStream<String, CallPrediction> predicted = b.stream("call.predicted", Consumed.with(Serdes.String(), JsonSerde.of(CallPrediction.class)));
        LiveMetricsTopology.build(b, in, predicted, ctl, rules);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-metrics-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        wall = wallStart;
        driver = new TopologyTestDriver(b.build(), p, wallStart);
        calls = driver.createInputTopic("call.clean", Serdes.String().serializer(), JsonSerde.of(CallEvent.class).serializer());
        control = driver.createInputTopic("control", Serdes.String().serializer(), ControlCommand.TOPIC.valueSerde().serializer());
        view = new CallCenterView(new StoreLookup() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                return driver.getKeyValueStore(name);
            }
        }, rules, () -> wall);
    }

    void send(CallEvent e) {
        calls.pipeInput(e.callId(), e, e.time());
    }

    void reset(Instant at) {
        control.pipeInput("reset", new ControlCommand(LiveMetricsTopology.RESET, at), at);
    }

    void advanceWall(Duration d) {
        wall = wall.plus(d);
        driver.advanceWallClockTime(d);
    }

    static CallEvent queued(String id, String queue, Instant t) {
        return new CallEvent(id, CallEventType.QUEUED, t, queue, "+15551230000", null, null, null, null, null);
    }

    static CallEvent answered(String id, String queue, Instant t, int wait) {
        return new CallEvent(id, CallEventType.ANSWERED, t, queue, "+15551230000", "agent-1", wait, null, null, null);
    }

    static CallEvent abandoned(String id, String queue, Instant t, int wait) {
        return new CallEvent(id, CallEventType.ABANDONED, t, queue, "+15551230000", null, wait, null, null, null);
    }

    static CallEvent ended(String id, String queue, Instant t, int wait, int talk, CallSubject subject) {
        return new CallEvent(id, CallEventType.ENDED, t, queue, "+15551230000", "agent-1", wait, talk, subject, "FIBER_100");
    }

    @Override
    public void close() {
        driver.close();
    }
}
