package dev.switchboard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CdrRulesTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration YEAR = Duration.ofDays(365);

    @Test
    void defaultsAreUsUtcFiveMinutesTwentyFiveYearsOneDaySixDigits() {
        CdrRules rules = CdrRules.defaults();
        assertThat(rules.defaultRegion()).isEqualTo("US");
        assertThat(rules.sourceZone()).isEqualTo(UTC);
        assertThat(rules.futureTolerance()).isEqualTo(FIVE_MINUTES);
        assertThat(rules.maxAge()).isEqualTo(Duration.ofDays(9125));
        assertThat(rules.maxDurationSec()).isEqualTo(86_400);
        assertThat(rules.extensionMaxDigits()).isEqualTo(6);
    }

    @Test
    void regionIsUpperCased() {
        assertThat(new CdrRules("de", UTC, FIVE_MINUTES, YEAR, 60, 4).defaultRegion()).isEqualTo("DE");
    }

    @Test
    void unknownRegionIsRefused() {
        assertThatThrownBy(() -> new CdrRules("XX", UTC, FIVE_MINUTES, YEAR, 60, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XX");
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> new CdrRules(null, UTC, FIVE_MINUTES, YEAR, 60, 4)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CdrRules("US", null, FIVE_MINUTES, YEAR, 60, 4)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CdrRules("US", UTC, null, YEAR, 60, 4)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CdrRules("US", UTC, FIVE_MINUTES, null, 60, 4)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void outOfRangeLimitsAreRefused() {
        assertThatThrownBy(() -> new CdrRules("US", UTC, Duration.ofSeconds(-1), YEAR, 60, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CdrRules("US", UTC, FIVE_MINUTES, Duration.ZERO, 60, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CdrRules("US", UTC, FIVE_MINUTES, YEAR, 0, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CdrRules("US", UTC, FIVE_MINUTES, YEAR, 60, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CdrRules("US", UTC, FIVE_MINUTES, YEAR, 60, 16))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroToleranceAndZeroExtensionDigitsAreAllowed() {
        CdrRules strict = new CdrRules("US", UTC, Duration.ZERO, YEAR, 60, 0);
        assertThat(strict.futureTolerance()).isZero();
        assertThat(strict.extensionMaxDigits()).isZero();
    }
}
