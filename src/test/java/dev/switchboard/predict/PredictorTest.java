package dev.switchboard.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.Sex;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

class PredictorTest {
    static CallFeatures features() {
        return new CallFeatures("Salem", Sex.F, 31, Set.of("FIBER_100", "TV"), 3, 1, LastCall.COMPLAINT, 14, DayOfWeek.TUESDAY, "support", null);
    }

    @Test
    void encodesEachFeatureOneHotWithCallCountsAlsoNumeric() {
        Example<Label> e = FeatureEncoder.example(features(), CallSubject.COMPLAINT);
        List<String> names = new ArrayList<>();
        for (Feature f : e) names.add(f.getName());
        assertThat(names).containsExactlyInAnyOrder("city=Salem", "sex=F", "age_band=30-34", "product=FIBER_100", "product=TV", "products=2",
                "calls_30d=3", "calls_7d=1", "last_call=COMPLAINT", "hour=14", "weekday=TUE", "queue=support", "calls_30d_log", "calls_7d_log");
        assertThat(e.getOutput().getLabel()).isEqualTo("COMPLAINT");
        double log30 = 0;
        for (Feature f : e) if (f.getName().equals("calls_30d_log")) log30 = f.getValue();
        assertThat(log30).isCloseTo(Math.log(4), within(1e-12));
    }

    @Test
    void unknownCallersAndADialledNumberAreFeaturesToo() {
        CallFeatures anonymous = new CallFeatures(null, null, null, Set.of(), 0, 0, LastCall.NONE, 3, DayOfWeek.SUNDAY, "sales", "+18005550100");
        List<String> names = new ArrayList<>();
        for (Feature f : FeatureEncoder.example(anonymous)) names.add(f.getName());
        assertThat(names).contains("city=UNKNOWN", "sex=UNKNOWN", "age_band=UNKNOWN", "products=0", "dialled=+18005550100", "calls_30d=0");
    }

    @Test
    void refusesImpossibleFeatures() {
        assertThatThrownBy(() -> new CallFeatures("Salem", Sex.F, 31, Set.of(), 1, 2, LastCall.NONE, 14, DayOfWeek.MONDAY, "sales", null))
                .hasMessageContaining("calls_last_7d");
        assertThatThrownBy(() -> new CallFeatures("Salem", Sex.F, 31, Set.of(), 1, 0, LastCall.NONE, 24, DayOfWeek.MONDAY, "sales", null))
                .hasMessageContaining("hour");
    }

    /** A logistic regression on a rule a caller with no products joins, anyone else complains: learnt, with probabilities summing to 1. */
    @Test
    void predictsTheSubjectWithProbabilitiesThatSumToOne() {
        List<TrainingRow> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean none = i % 2 == 0;
            CallFeatures f = new CallFeatures("Salem", i % 3 == 0 ? Sex.F : Sex.M, 20 + i % 50, none ? Set.of() : Set.of("TV"), 0, 0, LastCall.NONE,
                    i % 24, DayOfWeek.of(1 + i % 7), "sales", null);
            rows.add(new TrainingRow("c" + i, Instant.ofEpochSecond(i), f, none ? CallSubject.JOINING : CallSubject.COMPLAINT));
        }
        SubjectPredictor p = new SubjectPredictor(Algorithm.LOGISTIC_REGRESSION.trainer(1, rows.size()).train(ModelTraining.dataset(rows)));

        Prediction joining = p.predict(rows.get(0).features());
        Prediction complaint = p.predict(rows.get(1).features());
        assertThat(joining.subject()).isEqualTo(CallSubject.JOINING);
        assertThat(complaint.subject()).isEqualTo(CallSubject.COMPLAINT);
        assertThat(joining.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(joining.probabilities()).containsOnlyKeys(CallSubject.values()); // OTHER and DISCONNECTION, never seen, get 0
        assertThat(joining.probability(CallSubject.JOINING)).isGreaterThan(0.8);
    }
}
