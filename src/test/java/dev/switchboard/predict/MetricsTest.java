package dev.switchboard.predict;

import static dev.switchboard.callcenter.CallSubject.COMPLAINT;
import static dev.switchboard.callcenter.CallSubject.DISCONNECTION;
import static dev.switchboard.callcenter.CallSubject.JOINING;
import static dev.switchboard.callcenter.CallSubject.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static Prediction p(double joining, double complaint, double disconnection, double other) {
        Map<dev.switchboard.callcenter.CallSubject, Double> m = Map.of(JOINING, joining, COMPLAINT, complaint, DISCONNECTION, disconnection, OTHER, other);
        return new Prediction(m.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey(), m);
    }

    /**
     * Worked by hand. Calls JOINING, COMPLAINT, COMPLAINT predicted JOINING (.6), COMPLAINT (.7), JOINING (.4, COMPLAINT .3).
     * Accuracy 2/3. JOINING: precision 1/2, recall 1/1, F1 2/3; COMPLAINT: precision 1/1, recall 1/2, F1 2/3; the other two
     * neither occur nor are predicted, so macro-F1 = 2/3. Brier: (.16+.04+.01+.01) + (.09+.01+.01+.01) + (.16+.49+.04+.01) = 1.04, / 3.
     */
    @Test
    void accuracyMacroF1ConfusionAndBrierOfATinyCaseWorkedByHand() {
        Metrics m = Metrics.of(List.of(JOINING, COMPLAINT, COMPLAINT), List.of(p(.6, .2, .1, .1), p(.1, .7, .1, .1), p(.4, .3, .2, .1)));

        assertThat(m.count()).isEqualTo(3);
        assertThat(m.accuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.macroF1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.brier()).isCloseTo(1.04 / 3, within(1e-12));
        assertThat(m.perClass().get(JOINING)).isEqualTo(new Metrics.ClassScores(0.5, 1.0, 2.0 / 3, 1));
        assertThat(m.perClass().get(COMPLAINT).precision()).isEqualTo(1.0);
        assertThat(m.perClass().get(COMPLAINT).recall()).isEqualTo(0.5);
        assertThat(m.perClass().get(COMPLAINT).support()).isEqualTo(2);
        assertThat(m.perClass().get(OTHER)).isEqualTo(new Metrics.ClassScores(0, 0, 0, 0));
        assertThat(m.confusion()).isDeepEqualTo(new long[][] {{1, 0, 0, 0}, {1, 1, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}});
    }

    /** 12 (call, subject) pairs. The bin [0.6, 0.7) holds only call 1's JOINING at .6, which was right; [0.3, 0.4) call 3's COMPLAINT at .3, right too. */
    @Test
    void reliabilityBinsCountEveryCallAndSubjectPair() {
        Metrics m = Metrics.of(List.of(JOINING, COMPLAINT, COMPLAINT), List.of(p(.6, .2, .1, .1), p(.1, .7, .1, .1), p(.4, .3, .2, .1)));

        assertThat(m.reliability()).hasSize(10);
        assertThat(m.reliability().stream().mapToLong(Metrics.Bin::count).sum()).isEqualTo(12);
        Metrics.Bin sixty = m.reliability().get(6);
        assertThat(sixty.count()).isEqualTo(1);
        assertThat(sixty.meanPredicted()).isCloseTo(0.6, within(1e-12));
        assertThat(sixty.observed()).isEqualTo(1.0);
        assertThat(m.reliability().get(3).observed()).isEqualTo(1.0);
        assertThat(m.reliability().get(4).count()).isEqualTo(1); // call 3's JOINING at .4, wrong
        assertThat(m.reliability().get(4).observed()).isEqualTo(0.0);
    }

    @Test
    void splitIsByTimeSeventyFifteenFifteen() {
        List<Integer> idx = java.util.stream.IntStream.range(0, 100).boxed().toList();
        List<TrainingRow> rows = idx.stream().map(i -> new TrainingRow("c" + i, java.time.Instant.ofEpochSecond(i), PredictorTest.features(), OTHER)).toList();
        Split s = Split.of(rows);
        assertThat(s.train()).hasSize(70);
        assertThat(s.validation()).hasSize(15);
        assertThat(s.test()).hasSize(15);
        assertThat(s.test().get(0).callId()).isEqualTo("c85");
    }
}
