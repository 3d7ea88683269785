package dev.switchboard.predict;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.callcenter.CallSubject;
import java.time.Instant;
import java.util.List;

/**
 * What a trained model is and how well it did on the test split (the newest 15 % of the calls, never
 * seen in training or in choosing): stored as JSON in the model registry and answered by GET /api/model.
 *
 * @param baselineAccuracy     test accuracy of always answering the training split's most frequent subject
 * @param bayesOptimalAccuracy simulated data only (null otherwise): mean over test calls of the simulator's own max_k P(k | caller)
 * @param candidates           every algorithm tried, scored on the validation split; the best {@code chosenBy} was kept
 * @param readSeconds          time spent reading the history; {@code trainingSeconds} is the whole run, reading included
 * @param test                 the chosen model's metrics on the test split
 */
public record ModelReport(
        int version,
        String algorithm,
        @JsonProperty("trained_at") Instant trainedAt,
        @JsonProperty("data_from") Instant dataFrom,
        @JsonProperty("data_until") Instant dataUntil,
        Rows rows,
        double accuracy,
        @JsonProperty("macro_f1") double macroF1,
        double brier,
        @JsonProperty("baseline_subject") CallSubject baselineSubject,
        @JsonProperty("baseline_accuracy") double baselineAccuracy,
        @JsonProperty("bayes_optimal_accuracy") Double bayesOptimalAccuracy,
        boolean simulated,
        @JsonProperty("chosen_by") String chosenBy,
        List<Candidate> candidates,
        List<String> features,
        @JsonProperty("read_seconds") double readSeconds,
        @JsonProperty("training_seconds") double trainingSeconds,
        Metrics test) {

    public record Rows(int train, int validation, int test) {}

    public record Candidate(String algorithm, @JsonProperty("train_rows") int trainRows, @JsonProperty("validation_accuracy") double validationAccuracy,
            @JsonProperty("validation_macro_f1") double validationMacroF1, @JsonProperty("train_seconds") double trainSeconds) {}

    public static final String CHOSEN_BY = "validation_accuracy";
}
