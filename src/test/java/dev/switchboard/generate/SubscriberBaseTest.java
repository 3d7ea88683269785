package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.DirectoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriberBaseTest {
    @TempDir
    Path dataDir;

    @Test
    void theFileIsCreatedOnceAndReloadedIdentically() throws Exception {
        SubscriberBase created = SubscriberBase.loadOrCreate(dataDir, "GB");
        Path file = dataDir.resolve("subscribers.csv");
        assertThat(file).exists();
        List<String> content = Files.readAllLines(file);
        assertThat(content).hasSize(SubscriberBase.DEFAULT_SIZE + 1);
        assertThat(content.get(0)).isEqualTo("number,operator,region");
        FileTime written = Files.getLastModifiedTime(file);

        SubscriberBase reloaded = SubscriberBase.loadOrCreate(dataDir, "GB", 50, 999);
        assertThat(reloaded.subscribers()).isEqualTo(created.subscribers());
        assertThat(Files.readAllLines(file)).isEqualTo(content);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        assertThat(SubscriberBase.loadOrCreate(dataDir, "GB")).isEqualTo(created);
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theSameSeedMakesTheSameBaseAndAnotherSeedAnother() {
        assertThat(SubscriberBase.create("DE", 300, 1)).isEqualTo(SubscriberBase.create("DE", 300, 1));
        assertThat(SubscriberBase.create("DE", 300, 2).subscribers()).isNotEqualTo(SubscriberBase.create("DE", 300, 1).subscribers());
    }

    @Test
    void subscribersHaveDistinctValidHomeNumbersAndUnequalOperators() {
        for (String region : List.of("US", "GB", "FR", "IN", "BR", "JP")) {
            SubscriberBase base = SubscriberBase.create(region, 300, 5);
            assertThat(base.subscribers()).hasSize(300).allSatisfy(s -> {
                assertThat(ValidNumbers.isValidFor(s.number(), region)).as(s.number()).isTrue();
                assertThat(s.region()).isEqualTo(region);
            });
            assertThat(base.subscribers().stream().map(Subscriber::number).distinct()).hasSize(300);
        }
        Map<String, Long> perOperator = SubscriberBase.create("US", 3000, 5).subscribers().stream()
                .collect(Collectors.groupingBy(Subscriber::operator, Collectors.counting()));
        assertThat(perOperator.keySet()).containsExactlyInAnyOrderElementsOf(Operators.NAMES);
        assertThat(perOperator.get("Nimbus")).isGreaterThan(3 * perOperator.get("Larkspur"));
    }

    @Test
    void businessesAreADirectoryOfValidHomeNumbersApartFromSubscribers() {
        SubscriberBase base = SubscriberBase.create("FR", 300, 5);
        List<DirectoryEntry> entries = base.businesses().entries();
        assertThat(entries).hasSizeGreaterThan(190).extracting(DirectoryEntry::type).contains(BusinessType.values());
        List<String> numbers = entries.stream().map(DirectoryEntry::prefix).filter(p -> ValidNumbers.isValidFor(p, "FR")).toList();
        assertThat(numbers).hasSizeGreaterThan(190);
        assertThat(entries).filteredOn(e -> !numbers.contains(e.prefix())).allSatisfy(e -> assertThat(e.type()).isEqualTo(BusinessType.BANKING));
        assertThat(base.subscribers()).allSatisfy(s -> assertThat(base.businesses().find(s.number())).as(s.number()).isEmpty());
        assertThat(numbers).anyMatch(n -> n.startsWith("+338"));
        assertThat(entries).allSatisfy(e -> assertThat(e.name()).isNotBlank());
        assertThat(SubscriberBase.create("FR", 300, 5).businesses().entries()).isEqualTo(entries);
    }

    @Test
    void foreignNumbersAreValidForTheirRegionAndTheHomeRegionIsNotForeign() {
        SubscriberBase base = SubscriberBase.create("GB", 300, 5);
        assertThat(base.foreignRegions()).extracting(ForeignRegion::region).doesNotContain("GB").contains("US", "IN", "DE", "NG");
        assertThat(base.foreignRegions()).allSatisfy(r -> assertThat(r.numbers()).isNotEmpty()
                .allSatisfy(n -> assertThat(ValidNumbers.isValidFor(n, r.region())).as(n).isTrue()));
    }

    @Test
    void aFileWithAnInvalidNumberIsRefused() throws Exception {
        Files.writeString(dataDir.resolve("subscribers.csv"), "number,operator,region\n+12015550123,Nimbus,US\n+4412,Kestrel,US\n");
        assertThatThrownBy(() -> SubscriberBase.loadOrCreate(dataDir, "US"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+4412");
    }

    @Test
    void anUnknownRegionIsRefused() {
        assertThatThrownBy(() -> SubscriberBase.create("XX", 300, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
