package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.CdrFormat;
import java.util.Iterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reports the generation rate. The floor asserted is far below the rate measured, only to catch a collapse. */
class CdrGeneratorSpeedTest {
    private static final int COUNT = 1_000_000;

    @ParameterizedTest
    @EnumSource(value = CdrFormat.class, names = {"CDR_JSON", "CDR_CSV"})
    void generatesAMillionRecords(CdrFormat format) {
        CdrGenerator generator = new CdrGenerator(CdrWorkload.builder().count(COUNT).build(), Generated.BASE);
        long began = System.nanoTime();
        long chars = 0;
        for (Iterator<String> lines = generator.lines(format); lines.hasNext(); ) chars += lines.next().length();
        double seconds = (System.nanoTime() - began) / 1e9;
        double perSecond = COUNT / seconds;
        System.out.printf("%s: %,d records (%,d MB) in %.2f s = %,.0f records/s%n",
                format.wireName(), COUNT, chars / 1_000_000, seconds, perSecond);
        assertThat(generator.counts().total()).isEqualTo(COUNT);
        assertThat(perSecond).isGreaterThan(50_000);
    }
}
