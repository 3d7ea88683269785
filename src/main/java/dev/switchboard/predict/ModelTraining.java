package dev.switchboard.predict;

import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.simulate.SubjectModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A training run: reads the history, splits it by time, trains every {@link Algorithm} on the training
 * split, keeps the one with the best validation accuracy, reports on the test split, records it in the
 * registry and installs it when it is at least as good as the model in use. One run at a time.
 */
public final class ModelTraining {
    private static final Logger log = LoggerFactory.getLogger(ModelTraining.class);
    static final int MIN_ROWS = 100;
    static final long SEED = 7L;
    /** Tribuo logs each tree of a forest at INFO through java.util.logging; kept here so the level holds. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** What to train on: calls queued in [from, until) (null: open); {@code simulated} when the simulator made them. */
    public record Request(Instant from, Instant until, boolean simulated) {
        public Request {
            if (from != null && until != null && !from.isBefore(until)) throw new IllegalArgumentException("from must be before until");
        }

        /** From the CLI or the API: each bound an ISO instant ({@code 2025-03-01T00:00:00Z}) or a local date (its start in {@code zone}), or null. */
        public static Request parse(String from, String until, boolean simulated, java.time.ZoneId zone) {
            return new Request(bound("from", from, zone), bound("until", until, zone), simulated);
        }

        private static Instant bound(String name, String text, java.time.ZoneId zone) {
            if (text == null || text.isBlank()) return null;
            try {
                return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(zone).toInstant() : Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(name + ": expected YYYY-MM-DD or an ISO instant, got '" + text + "'");
            }
        }
    }

    private final TrainingHistory history;
    private final ModelRegistry registry;
    private final CurrentModel current;
    private final Clock clock;
    private final List<Algorithm> algorithms;

    public ModelTraining(TrainingHistory history, ModelRegistry registry, CurrentModel current, Clock clock) {
        this(history, registry, current, clock, List.of(Algorithm.values()));
    }

    ModelTraining(TrainingHistory history, ModelRegistry registry, CurrentModel current, Clock clock, List<Algorithm> algorithms) {
        this.history = history;
        this.registry = registry;
        this.current = current;
        this.clock = clock;
        this.algorithms = List.copyOf(algorithms);
    }

    public CurrentModel current() {
        return current;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public synchronized TrainingOutcome train(Request request) {
        long t0 = System.nanoTime();
        List<TrainingRow> rows = history.read(request.from(), request.until());
        if (rows.size() < MIN_ROWS)
            throw new ModelException(ModelException.Code.NOT_ENOUGH_DATA, "only " + rows.size() + " answered calls with a subject in the range; "
                    + "at least " + MIN_ROWS + " are needed");
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        Split split = Split.of(rows);
        MutableDataset<Label> train = dataset(split.train());
        int trainRows = split.train().size();
        log.info("model training: {} rows read in {} s, training set built at {} s", rows.size(), readSeconds, (System.nanoTime() - t0) / 1e9);
        List<Example<Label>> validation = examples(split.validation());
        List<CallSubject> validationTruth = subjects(split.validation());
        List<ModelReport.Candidate> candidates = new ArrayList<>();
        Model<Label> best = null;
        Algorithm bestAlgorithm = null;
        double bestScore = -1;
        for (Algorithm a : algorithms) {
            long s = System.nanoTime();
            int n = Math.min(a.maxRows(), trainRows);
            MutableDataset<Label> data = n == trainRows ? train : dataset(split.train().subList(trainRows - n, trainRows));
            Model<Label> model = a.trainer(SEED, n).train(data);
            double seconds = (System.nanoTime() - s) / 1e9;
            Metrics m = Metrics.of(validationTruth, new SubjectPredictor(model).predictAll(validation));
            candidates.add(new ModelReport.Candidate(a.id(), n, m.accuracy(), m.macroF1(), seconds));
            log.info("model candidate {}: validation accuracy {} macro-F1 {} ({} s)", a.id(), m.accuracy(), m.macroF1(), seconds);
            if (m.accuracy() > bestScore) {
                bestScore = m.accuracy();
                best = model;
                bestAlgorithm = a;
            }
        }
        log.info("model training: candidates done at {} s", (System.nanoTime() - t0) / 1e9);
        List<Example<Label>> test = examples(split.test());
        List<CallSubject> testTruth = subjects(split.test());
        SubjectPredictor predictor = new SubjectPredictor(best);
        Metrics metrics = Metrics.of(testTruth, predictor.predictAll(test));
        CallSubject majority = majority(split.train());
        long baselineHits = testTruth.stream().filter(s -> s == majority).count();
        int version = registry.nextVersion();
        ModelReport report = new ModelReport(version, bestAlgorithm.id(), clock.instant(), rows.get(0).queuedAt(),
                rows.get(rows.size() - 1).queuedAt(), new ModelReport.Rows(split.train().size(), split.validation().size(), split.test().size()),
                metrics.accuracy(), metrics.macroF1(), metrics.brier(), majority, (double) baselineHits / testTruth.size(),
                request.simulated() ? BayesOptimal.accuracy(split.test(), SubjectModel.standard()) : null, request.simulated(),
                ModelReport.CHOSEN_BY, candidates, FeatureEncoder.GROUPS, readSeconds, (System.nanoTime() - t0) / 1e9, metrics);
        CurrentModel.Decision decision = current.judge(report, p -> Metrics.of(testTruth, p.predictAll(test)).accuracy());
        java.nio.file.Path file = registry.save(report, best, decision.installed());
        if (decision.installed()) current.install(new CurrentModel.Installed(report, predictor));
        log.info("model v{} ({}): test accuracy {} (baseline {}, Bayes-optimal {}); {}", version, report.algorithm(), report.accuracy(),
                report.baselineAccuracy(), report.bayesOptimalAccuracy(), decision.installed() ? "installed" : "kept v" + decision.previousVersion());
        return new TrainingOutcome(report, decision.installed(), decision.previousVersion(), decision.previousAccuracy(), file.toString());
    }

    static MutableDataset<Label> dataset(List<TrainingRow> rows) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("call history", factory), factory);
        for (TrainingRow r : rows) ds.add(FeatureEncoder.example(r.features(), r.subject()));
        return ds;
    }

    static List<Example<Label>> examples(List<TrainingRow> rows) {
        List<Example<Label>> out = new ArrayList<>(rows.size());
        for (TrainingRow r : rows) out.add(FeatureEncoder.example(r.features(), r.subject()));
        return out;
    }

    private static List<CallSubject> subjects(List<TrainingRow> rows) {
        return rows.stream().map(TrainingRow::subject).toList();
    }

    static CallSubject majority(List<TrainingRow> rows) {
        Map<CallSubject, Long> counts = new EnumMap<>(CallSubject.class);
        for (TrainingRow r : rows) counts.merge(r.subject(), 1L, Long::sum);
        return counts.entrySet().stream().max(Map.Entry.<CallSubject, Long>comparingByValue()).orElseThrow().getKey();
    }
}
