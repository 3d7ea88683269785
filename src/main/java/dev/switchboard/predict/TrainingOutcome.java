package dev.switchboard.predict;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A training run: the new model's report, and whether it replaced the model in use. It does only when
 * its test accuracy is at least that of the model in use re-scored on the same new test split.
 *
 * @param previousVersion            the model in use before, null when there was none
 * @param previousAccuracyOnThisTest that model's accuracy on this run's test split, null when there was none
 */
public record TrainingOutcome(ModelReport report, boolean installed, @JsonProperty("previous_version") Integer previousVersion,
        @JsonProperty("previous_accuracy_on_this_test") Double previousAccuracyOnThisTest, String file) {}
