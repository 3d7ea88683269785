package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantsTest {
    @Test
    void readsEveryInstantAsJavaTimeWritesIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            assertThat(Instants.parse(t.toString())).isEqualTo(t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T10:15:30Z", "2026-03-02T10:15:30.5Z", "2026-03-02T10:15:30.123456789Z",
            "2026-03-02T11:15:30+01:00", "2026-03-02T05:15:30-05:00", "2024-02-29T00:00:00Z", "2026-03-02T10:15Z"})
    void agreesWithOffsetDateTime(String text) {
        assertThat(Instants.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:15:30Z", "2025-02-29T00:00:00Z", "2026-13-02T10:15:30Z", "2026-03-02T24:00:00Z",
            "2026-03-02T10:60:30Z", "2026-03-02T10:15:61Z", "2026-03-02T10:15:30.1234567890Z",
            "2026-03-02 10:15:30Z", "2026-03-02T10:15:30", "2026-O3-02T10:15:30Z", "", "Z"})
    void refusesWhatOffsetDateTimeRefuses(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
