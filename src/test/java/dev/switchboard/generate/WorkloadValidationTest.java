package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class WorkloadValidationTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        CdrWorkload w = CdrWorkload.defaults();
        assertThat(w.smsShare()).isEqualTo(0.25);
        assertThat(w.internationalShare()).isEqualTo(0.08);
        assertThat(w.businessShare()).isEqualTo(0.15);
        assertThat(w.callTimeMode()).isEqualTo(CallTimeMode.BUSINESS_HOURS);
        assertThat(w.gap()).isEqualTo(GapDistribution.EXPONENTIAL);
        assertThat(w.meanGapSec()).isEqualTo(2.0);
        assertThat(w.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(w.voiceOutcomes()).isEqualTo(new VoiceOutcomes(0.70, 0.10, 0.15, 0.05));
        assertThat(w.talkTime().medianSec()).isEqualTo(90);
        assertThat(w.talkTime().meanSec()).isBetween(100.0, 180.0);
        assertThat(CdrWorkload.builder().build()).isEqualTo(w);
        assertThat(w.toBuilder().seed(9).build().seed()).isEqualTo(9);
    }

    @Test
    void ratesOutsideZeroToOneAreRefused() {
        refused(b -> b.errorRate(-0.1));
        refused(b -> b.duplicateRate(1.5));
        refused(b -> b.smsShare(Double.NaN));
        refused(b -> b.internationalShare(2));
        refused(b -> b.businessShare(-1));
        refused(b -> b.errorRate(0.7).duplicateRate(0.7));
        refused(b -> b.internationalShare(0.6).businessShare(0.6));
    }

    @Test
    void otherNonsenseIsRefused() {
        refused(b -> b.count(-1));
        refused(b -> b.gap(GapDistribution.POISSON, 0));
        refused(b -> b.zone(null));
        assertThatThrownBy(() -> new VoiceOutcomes(0.7, 0.1, 0.1, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TalkTime(90, 0.9, 100_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TalkTime(0, 0.9, 3600)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHourProfilesAverageToOne() {
        for (CallTimeMode mode : CallTimeMode.values()) {
            double sum = 0;
            for (int hour = 0; hour < 24; hour++) sum += mode.intensity(hour);
            assertThat(sum / 24).isCloseTo(1.0, within(1e-9));
        }
    }

    private static void refused(UnaryOperator<CdrWorkload.Builder> change) {
        assertThatThrownBy(() -> change.apply(CdrWorkload.builder()).build())
                .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
    }
}
