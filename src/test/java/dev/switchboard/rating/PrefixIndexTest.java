package dev.switchboard.rating;

import static dev.switchboard.rating.RatingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cdr.CdrType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrefixIndexTest {
    @Test
    void findsTheLongestPrefixOfTheRightTypeAndBand() {
        PrefixIndex index = PrefixIndex.of(List.of(perMinute("world", ""), perMinute("fr", "33"), sms("fr-sms", "33", "0.09"),
                withBand(perMinute("fr-peak", "33"), "peak"), perMinute("fr-mob", "336")));
        assertThat(index.find(CdrType.VOICE, null, "4930").map(m -> m.rate().id())).hasValue("world");
        assertThat(index.find(CdrType.VOICE, null, "3325").map(m -> m.rate().id())).hasValue("fr");
        assertThat(index.find(CdrType.VOICE, "peak", "3325").map(m -> m.rate().id())).hasValue("fr-peak");
        assertThat(index.find(CdrType.VOICE, "offpeak", "3325").map(m -> m.rate().id())).hasValue("fr");
        assertThat(index.find(CdrType.VOICE, "peak", "33612").map(PrefixIndex.Match::prefix)).hasValue("336");
        assertThat(index.find(CdrType.SMS, null, "33612").map(m -> m.rate().id())).hasValue("fr-sms");
        assertThat(index.find(CdrType.SMS, null, "4930")).isEmpty();
    }

    @Test
    void twoRatesForTheSameTypePrefixAndBandAreRejected() {
        assertThatThrownBy(() -> PrefixIndex.of(List.of(perMinute("a", "33"), perMinute("b", "33"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a and b");
    }

    @Test
    void buildsFromOneHundredThousandRatesQuicklyAndFindsTheLongestPrefix() {
        Random random = new Random(42);
        Map<String, Rate> byPrefix = new HashMap<>();
        while (byPrefix.size() < 100_000) {
            String p = digits(random, 1 + random.nextInt(9));
            byPrefix.computeIfAbsent(p, k -> perMinute("r" + k, k));
        }
        List<Rate> rates = new ArrayList<>(byPrefix.values());
        long t0 = System.nanoTime();
        PrefixIndex index = PrefixIndex.of(rates);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("PrefixIndex: built from " + rates.size() + " rates in " + buildMs + " ms");
        assertThat(buildMs).isLessThan(5_000);
        for (int i = 0; i < 20_000; i++) {
            String number = digits(random, 11);
            Optional<String> expected = Optional.empty();
            for (int len = number.length(); len >= 1 && expected.isEmpty(); len--)
                expected = Optional.ofNullable(byPrefix.get(number.substring(0, len))).map(Rate::id);
            assertThat(index.find(CdrType.VOICE, null, number).map(m -> m.rate().id())).as(number).isEqualTo(expected);
        }
    }

    private static String digits(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append((char) ('0' + random.nextInt(10)));
        return sb.toString();
    }
}
