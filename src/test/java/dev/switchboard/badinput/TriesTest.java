package dev.switchboard.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The campaign's own runner: a seed reproduces the values, and a failure names its try, seed and input. */
class TriesTest {
    private static final Gen<String> WORDS = Gen.frequency(Gen.weight(3, Gen.strings(Gen.charsOf(Gen.ALPHA), 1, 8)),
            Gen.weight(1, Gen.of("\u0000", "\u202E")));

    @Test
    void theSameSeedDrawsTheSameValues() {
        List<String> first = WORDS.samples(Tries.random("x")).limit(50).toList();
        assertThat(WORDS.samples(Tries.random("x")).limit(50).toList()).isEqualTo(first);
        assertThat(WORDS.samples(Tries.random("y")).limit(50).toList()).isNotEqualTo(first);
    }

    @Test
    void aFailureNamesTheTryTheSeedAndTheInput() {
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> Tries.check(40, Gen.ints(0, 9), n -> {
            seen.add(String.valueOf(n));
            assertThat(n).isLessThan(9);
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("TriesTest.aFailureNamesTheTryTheSeedAndTheInput failed")
                .hasMessageContaining("-Dtest='TriesTest#aFailureNamesTheTryTheSeedAndTheInput'")
                .hasMessageContaining("failed at try " + seen.size() + " of 40")
                .hasMessageContaining("seed " + Tries.SEED)
                .hasMessageContaining("input: 9");
    }

    @Test
    void inputsAreShownWithInvisibleCharactersEscaped() {
        assertThat(Tries.describe("a\u0000\u202Eb\"")).isEqualTo("5 chars \"a\\u0000\\u202eb\\\"\"");
        assertThat(Tries.describe(new byte[] {65, (byte) 0xFF})).startsWith("2 bytes [65, -1], as UTF-8: 2 chars \"A\uFFFD\"");
    }
}
