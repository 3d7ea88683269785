package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.platform.Json;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CdrGeneratorTest {
    private static final CdrWorkload WORKLOAD = CdrWorkload.builder().count(3000).seed(11).build();

    @ParameterizedTest
    @EnumSource(value = CdrFormat.class, names = {"CDR_JSON", "CDR_CSV"})
    void sameSeedGivesTheSameLinesAndAnotherSeedOtherLines(CdrFormat format) {
        List<String> first = Generated.lines(WORKLOAD, format);
        assertThat(Generated.lines(WORKLOAD, format)).isEqualTo(first);
        List<String> other = Generated.lines(WORKLOAD.toBuilder().seed(12).build(), format);
        assertThat(other).hasSameSizeAs(first).isNotEqualTo(first);
        assertThat(other.subList(1, other.size())).doesNotContainAnyElementsOf(first.subList(1, first.size()));
    }

    @Test
    void jsonHasExactlyCountLinesAndCsvOneMoreForTheHeader() {
        assertThat(Generated.lines(WORKLOAD, CdrFormat.CDR_JSON)).hasSize(3000);
        List<String> csv = Generated.lines(WORKLOAD, CdrFormat.CDR_CSV);
        assertThat(csv).hasSize(3001);
        assertThat(csv.get(0)).isEqualTo("id,calling_number,called_number,start_time,duration_sec,type,result,operator");
        assertThat(Generated.lines(WORKLOAD.toBuilder().count(0).build(), CdrFormat.CDR_JSON)).isEmpty();
    }

    @Test
    void bothFormatsCarryTheSameCalls() {
        List<String> json = Generated.lines(WORKLOAD.toBuilder().errorRate(0).build(), CdrFormat.CDR_JSON);
        List<String> csv = Generated.lines(WORKLOAD.toBuilder().errorRate(0).build(), CdrFormat.CDR_CSV);
        for (int i = 0; i < json.size(); i++)
            assertThat(csv.get(i + 1)).startsWith(Generated.read(json.get(i)).id() + ",");
    }

    @Test
    void validLinesAreCdrsThatTheSharedMapperWritesTheSame() throws Exception {
        for (String line : Generated.lines(WORKLOAD.toBuilder().errorRate(0).build(), CdrFormat.CDR_JSON))
            assertThat(Json.MAPPER.writeValueAsString(Generated.read(line))).isEqualTo(line);
    }

    @Test
    void countsAddUpToTheLinesWritten() {
        CdrGenerator generator = new CdrGenerator(WORKLOAD.toBuilder().errorRate(0.1).duplicateRate(0.1).build(), Generated.BASE);
        List<String> lines = Generated.lines(generator, CdrFormat.CDR_JSON);
        GeneratedCounts counts = generator.counts();
        assertThat(counts.total()).isEqualTo(lines.size());
        assertThat(counts.valid()).isEqualTo(Generated.validCalls(lines).size());
        System.out.println("3000 records: " + counts);
    }

    @Test
    void validRecordsHaveValidNumbersUniqueIdsAndSmsWithoutDuration() {
        List<Cdr> calls = Generated.validCalls(Generated.lines(WORKLOAD.toBuilder().errorRate(0.2).build(), CdrFormat.CDR_JSON));
        assertThat(calls).allSatisfy(cdr -> {
            assertThat(CdrLineCheck.isValidNumber(cdr.callingNumber())).as(cdr.callingNumber()).isTrue();
            assertThat(CdrLineCheck.isValidNumber(cdr.calledNumber())).as(cdr.calledNumber()).isTrue();
            assertThat(cdr.durationSec() == null).isEqualTo(cdr.type() == CdrType.SMS);
            assertThat(cdr.callingNumber()).isNotEqualTo(cdr.calledNumber());
        });
        assertThat(calls.stream().map(Cdr::id).collect(Collectors.toSet())).hasSameSizeAs(calls);
        Set<String> operators = calls.stream().map(Cdr::operator).collect(Collectors.toSet());
        assertThat(Operators.NAMES).containsAll(operators);
        assertThat(operators).hasSizeGreaterThan(3);
    }

    @Test
    void onlyTheLineFormatsCanBeGenerated() {
        CdrGenerator generator = new CdrGenerator(WORKLOAD, Generated.BASE);
        assertThatThrownBy(() -> generator.lines(CdrFormat.ASTERISK_CDR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallStreamContinuesAcrossBatches() {
        CdrGenerator generator = new CdrGenerator(WORKLOAD.toBuilder().count(10).build(), Generated.BASE);
        List<String> first = Generated.lines(generator, CdrFormat.CDR_JSON);
        List<String> second = Generated.lines(generator, CdrFormat.CDR_JSON);
        assertThat(second).hasSize(10).doesNotContainAnyElementsOf(first);
        assertThat(generator.counts().total()).isEqualTo(20);
    }
}
