package dev.switchboard.callcenter;

import dev.switchboard.callcenter.live.BucketRow;
import dev.switchboard.callcenter.live.CallCenterView;
import dev.switchboard.callcenter.live.DaySummary;
import dev.switchboard.callcenter.live.Kpis;
import dev.switchboard.callcenter.live.LiveMetricsTopology;
import dev.switchboard.callcenter.live.LiveSnapshot;
import dev.switchboard.callcenter.live.ServiceLevel;
import dev.switchboard.platform.ControlCommand;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The call-center questions the API answers, and the reset command. */
public final class CallCenterService {
    private final CallCenterView view;
    private final Producer<String, ControlCommand> control;
    private final InstantSource clock;

    public CallCenterService(CallCenterView view, Producer<String, ControlCommand> control, InstantSource clock) {
        this.view = view;
        this.control = control;
        this.clock = clock;
    }

    public LiveSnapshot live() {
        return view.live();
    }

    public LocalDate today() {
        return view.today();
    }

    public Buckets buckets(LocalDate date, List<ServiceLevel> definitions) {
        return new Buckets(date, view.since(date), view.buckets(date, definitions));
    }

    public DaySummary summary(LocalDate date) {
        return view.summary(date);
    }

    public DayKpis kpis(LocalDate date, List<ServiceLevel> definitions) {
        return new DayKpis(date, view.since(date), view.kpis(date, definitions));
    }

    /** Asks for a reset through the {@code control} topic and waits until Kafka has it; the metrics apply it in order. */
    public Instant reset() {
        Instant at = clock.instant();
        try {
            control.send(new ProducerRecord<>(ControlCommand.TOPIC.name(), LiveMetricsTopology.RESET, new ControlCommand(LiveMetricsTopology.RESET, at)))
                    .get(10, TimeUnit.SECONDS);
            return at;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the reset", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the reset could not be sent to Kafka: " + e.getMessage(), e);
        }
    }

    public record Buckets(LocalDate date, Instant since, List<BucketRow> buckets) {}

    public record DayKpis(LocalDate date, Instant since, Kpis kpis) {}
}
