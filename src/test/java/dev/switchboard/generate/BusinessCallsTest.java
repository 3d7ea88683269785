package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.marketing.BusinessDirectory;
import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.DirectoryEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class BusinessCallsTest {
    static final BusinessDirectory BLOCKS = BusinessDirectory.of(List.of(
            new DirectoryEntry("+1800234", BusinessType.BANKING, "bank block"),
            new DirectoryEntry("+18002345", BusinessType.JOB, "a smaller block inside it"),
            new DirectoryEntry("+12015550123", BusinessType.FOOD, null),
            new DirectoryEntry("+999", BusinessType.HOSPITAL, "no valid number starts so")));

    @Test
    void prefixEntriesAreCalledAtValidNumbersThatResolveToThemAndByTypeWeight() {
        List<String> called = draw(BLOCKS, 1, 30_000);
        Map<BusinessType, Integer> perType = new HashMap<>();
        for (String n : called) {
            DirectoryEntry e = BLOCKS.find(n).orElseThrow();
            assertThat(ValidNumbers.isValidFor(n, "US")).as(n).isTrue();
            perType.merge(e.type(), 1, Integer::sum);
        }
        // weights 12 (banking), 4 (job), 18 (food); the hospital has no callable number and drops out
        assertThat(perType).doesNotContainKey(BusinessType.HOSPITAL);
        assertThat(perType.get(BusinessType.BANKING) / 30_000.0).isBetween(12 / 34.0 - 0.02, 12 / 34.0 + 0.02);
        assertThat(perType.get(BusinessType.FOOD) / 30_000.0).isBetween(18 / 34.0 - 0.02, 18 / 34.0 + 0.02);
        assertThat(called.stream().filter(n -> n.startsWith("+1800234")).distinct().count()).isBetween(2L, 6L);
    }

    @Test
    void theSameSeedAndDirectoryGiveTheSameCalls() {
        assertThat(draw(BLOCKS, 5, 1000)).isEqualTo(draw(BLOCKS, 5, 1000));
        assertThat(draw(BLOCKS, 5, 1000)).isNotEqualTo(draw(BLOCKS, 6, 1000));
    }

    @Test
    void aDirectoryWithNothingToCallIsRefusedByTheGenerator() {
        BusinessDirectory none = BusinessDirectory.of(List.of(new DirectoryEntry("+999", BusinessType.FOOD, null)));
        assertThat(BusinessCalls.of(none, RandomSource.XO_RO_SHI_RO_128_PP.create(1L))).isEmpty();
        SubscriberBase base = SubscriberBase.create("US", 10, 1).withBusinesses(none);
        assertThatThrownBy(() -> new CdrGenerator(CdrWorkload.defaults(), base)).hasMessageContaining("business directory has no number to call");
        new CdrGenerator(CdrWorkload.builder().businessShare(0).build(), base); // no business calls asked: fine
    }

    static List<String> draw(BusinessDirectory directory, long seed, int n) {
        BusinessCalls calls = BusinessCalls.of(directory, RandomSource.XO_RO_SHI_RO_128_PP.create(seed)).orElseThrow();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(calls.next());
        return out;
    }
}
