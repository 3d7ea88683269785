package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.predict.CurrentModel;
import dev.switchboard.predict.ModelException;
import dev.switchboard.predict.ModelRegistry;
import dev.switchboard.predict.ModelTraining;
import dev.switchboard.predict.TrainingHistory;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the call-subject model from the call history (logistic regression and a random forest, chosen on a time-based",
                "validation split, reported on a later test split; see docs/PREDICTION.md). The new model replaces the one in use only when",
                "at least as good on the new test split. Works on the store directly, or through the running process that holds the data folder."})
final class TrainCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--from", paramLabel = "DATE|INSTANT", description = "first call to train on: YYYY-MM-DD (local, --zone) or an ISO instant") String from;

    @Option(names = "--until", paramLabel = "DATE|INSTANT", description = "train on calls queued before this") String until;

    @Option(names = "--simulated", description = "the history was made by the simulator: also report the Bayes-optimal accuracy") boolean simulated;

    @Option(names = "--server", paramLabel = "URL", description = "use a running Switchboard, e.g. http://127.0.0.1:8080") String server;

    @Override
    public Integer call() throws Exception {
        Settings settings = common.settings(Map.of());
        ModelTraining.Request request;
        try {
            request = ModelTraining.Request.parse(from, until, simulated, settings.zone());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Optional<String> url = Optional.ofNullable(server);
        if (url.isEmpty() && settings.db().isBlank()) {
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(settings.dataDir());
            if (lock.isPresent()) {
                try (InstanceLock held = lock.get()) {
                    return direct(settings, request);
                }
            }
            url = Optional.of(InstanceLock.runningUrl(settings.dataDir()).orElseThrow(() -> new UserError(
                    "the data folder " + settings.dataDir() + " is in use by a process without a web server; stop it or use --server")));
        }
        if (url.isEmpty()) return direct(settings, request);
        StringBuilder path = new StringBuilder("/api/model/train?simulated=" + simulated);
        if (from != null) path.append("&from=").append(ServerClient.q(from));
        if (until != null) path.append("&until=").append(ServerClient.q(until));
        print(new ServerClient(url.get()).post(path.toString(), "application/json", new byte[0]), url.get() + "/api/model");
        return 0;
    }

    private int direct(Settings settings, ModelTraining.Request request) {
        try (Database db = Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())) {
            CurrentModel current = new CurrentModel();
            ModelRegistry registry = new ModelRegistry(db, settings.dataDir().resolve("models"));
            registry.loadActive().ifPresent(current::install);
            ModelTraining training = new ModelTraining(new TrainingHistory(db, settings.zone()), registry, current, Clock.systemUTC());
            print(Json.MAPPER.valueToTree(training.train(request)), "table model_registry (column metrics)");
            return 0;
        } catch (ModelException e) {
            throw new UserError(e.getMessage());
        }
    }

    static void print(JsonNode outcome, String reportAt) {
        JsonNode r = outcome.path("report");
        JsonNode rows = r.path("rows");
        System.out.printf("model v%d (%s) trained on calls %s .. %s: train %d, validation %d, test %d%n", r.path("version").asInt(),
                r.path("algorithm").asText(), r.path("data_from").asText(), r.path("data_until").asText(), rows.path("train").asInt(),
                rows.path("validation").asInt(), rows.path("test").asInt());
        System.out.printf("  version                %d%n", r.path("version").asInt());
        System.out.printf("  accuracy               %.4f%n", r.path("accuracy").asDouble());
        System.out.printf("  baseline_accuracy      %.4f (always %s)%n", r.path("baseline_accuracy").asDouble(), r.path("baseline_subject").asText());
        JsonNode bayes = r.path("bayes_optimal_accuracy");
        System.out.printf("  bayes_optimal_accuracy %s%n", bayes.isNumber() ? String.format("%.4f", bayes.asDouble()) : "n/a (not simulated data)");
        System.out.printf("  macro_f1               %.4f%n", r.path("macro_f1").asDouble());
        System.out.printf("  brier                  %.4f%n", r.path("brier").asDouble());
        for (JsonNode c : r.path("candidates"))
            System.out.printf("  candidate %-20s validation accuracy %.4f, macro-F1 %.4f, %d rows, %.1f s%n", c.path("algorithm").asText(),
                    c.path("validation_accuracy").asDouble(), c.path("validation_macro_f1").asDouble(), c.path("train_rows").asInt(),
                    c.path("train_seconds").asDouble());
        System.out.printf("  trained in %.1f s%n", r.path("training_seconds").asDouble());
        if (outcome.path("installed").asBoolean())
            System.out.println(outcome.path("previous_version").isNumber() ? String.format("installed: replaces v%d (%.4f on this test split)",
                    outcome.path("previous_version").asInt(), outcome.path("previous_accuracy_on_this_test").asDouble()) : "installed: the first model");
        else
            System.out.printf("not installed: v%d in use does better on this test split (%.4f)%n", outcome.path("previous_version").asInt(),
                    outcome.path("previous_accuracy_on_this_test").asDouble());
        System.out.println("report: " + reportAt + "; model file " + outcome.path("file").asText());
    }
}
