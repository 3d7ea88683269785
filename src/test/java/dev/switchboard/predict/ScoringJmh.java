package dev.switchboard.predict;

import dev.switchboard.callcenter.Arrival;
import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.simulate.Callers;
import dev.switchboard.callcenter.simulate.SubjectModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Online scoring latency (issue 7: p99 under 1 ms): one arrival scored by a model trained on simulated
 * calls, through {@link ModelArrivalPredictor} as the stream calls it (features, encoding, Tribuo, the
 * probabilities). Sample-time mode, so JMH reports the percentiles. {@code bin/jmh ScoringJmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringJmh {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @Param({"LOGISTIC_REGRESSION", "RANDOM_FOREST"})
    public Algorithm algorithm;

    private ModelArrivalPredictor predictor;
    private Arrival[] arrivals;
    private int next;

    @Setup(Level.Trial)
    public void train() {
        List<Caller> callers = Callers.synthetic(2_000, 11, "US");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11);
        List<TrainingRow> rows = new ArrayList<>();
        Instant t = Instant.parse("2025-01-06T08:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            Caller c = callers.get(rng.nextInt(callers.size()));
            int n30 = rng.nextInt(5);
            CallSubject subject = SubjectModel.standard().sampleSubject(c, n30, rng);
            t = t.plusSeconds(30);
            CallFeatures f = new CallFeatures(c.city(), c.sex(), c.age(), Set.copyOf(c.products()), n30, Math.min(n30, rng.nextInt(3)),
                    LastCall.values()[rng.nextInt(LastCall.values().length)], t.atZone(ZONE).getHour(), t.atZone(ZONE).getDayOfWeek(),
                    "support", "+18005550101");
            rows.add(new TrainingRow("c" + i, t, f, subject));
        }
        SubjectPredictor model = new SubjectPredictor(algorithm.trainer(7, rows.size()).train(ModelTraining.dataset(rows)));
        predictor = new ModelArrivalPredictor(() -> Optional.of(model), ZONE);
        arrivals = new Arrival[1024];
        for (int i = 0; i < arrivals.length; i++) {
            Caller c = callers.get(rng.nextInt(callers.size()));
            arrivals[i] = new Arrival("a" + i, t.plusSeconds(i * 7L), "support", "+18005550101", c, rng.nextInt(4), 0, null);
        }
    }

    @Benchmark
    public Object scoreOneArrival() {
        Arrival a = arrivals[next++ & (arrivals.length - 1)];
        return predictor.predict(a);
    }
}
