package dev.switchboard.cdr;

import static dev.switchboard.cdr.CdrFixtures.ASTERISK_16;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_17;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_18;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_21;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_NO_ANSWER;
import static dev.switchboard.cdr.CdrFixtures.ASTERISK_NO_ANSWER_OLD_STYLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsteriskCdrLineTest {
    @Test
    void sixteenColumnsHaveNoUniqueidNorSequence() {
        AsteriskCdrLine line = AsteriskCdrLine.parse(ASTERISK_16);
        assertThat(line.columns()).hasSize(16);
        assertThat(line.uniqueid()).isEmpty();
        assertThat(line.sequence()).isEmpty();
        assertThat(line.id()).matches("ast-[0-9a-f]{12}");
    }

    @Test
    void seventeenthColumnIsTheUniqueid() {
        AsteriskCdrLine line = AsteriskCdrLine.parse(ASTERISK_17);
        assertThat(line.uniqueid()).hasValue("1772359200.17");
        assertThat(line.sequence()).isEmpty();
        assertThat(line.id()).matches("1772359200\\.17-[0-9a-f]{12}");
    }

    @Test
    void eighteenColumnsAddTheUserfield() {
        AsteriskCdrLine line = AsteriskCdrLine.parse(ASTERISK_18);
        assertThat(line.columns()).hasSize(18).last().isEqualTo("");
        assertThat(line.uniqueid()).hasValue("1772359200.17");
        assertThat(line.sequence()).isEmpty();
    }

    @Test
    void twentyOneColumnsGiveAnIdOfUniqueidAndSequence() {
        AsteriskCdrLine line = AsteriskCdrLine.parse(ASTERISK_21);
        assertThat(line.uniqueid()).hasValue("1772359200.17");
        assertThat(line.sequence()).hasValue("42");
        assertThat(line.id()).isEqualTo("1772359200.17-42");
    }

    @Test
    void namedColumnsAreReadFromTheirPositions() {
        AsteriskCdrLine line = AsteriskCdrLine.parse(ASTERISK_21);
        assertThat(line.accountcode()).isEmpty();
        assertThat(line.src()).isEqualTo("2015550123");
        assertThat(line.dst()).isEqualTo("6502530000");
        assertThat(line.start()).isEqualTo("2026-03-01 10:00:00");
        assertThat(line.answer()).isEqualTo("2026-03-01 10:00:05");
        assertThat(line.end()).isEqualTo("2026-03-01 10:01:05");
        assertThat(line.billsec()).isEqualTo("60");
        assertThat(line.disposition()).isEqualTo("ANSWERED");
    }

    @Test
    void quotedClidWithDoubledQuotesIsUnescaped() {
        assertThat(AsteriskCdrLine.parse(ASTERISK_16).columns().get(4)).isEqualTo("\"Ann\" <2015550123>");
    }

    @Test
    void commaInsideAQuotedFieldStaysInTheField() {
        // lastdata "SIP/trunk/3125550199,,r" carries Dial's commas.
        AsteriskCdrLine line = AsteriskCdrLine.parse(ASTERISK_NO_ANSWER);
        assertThat(line.columns()).hasSize(18);
        assertThat(line.columns().get(8)).isEqualTo("SIP/trunk/3125550199,,r");
    }

    @Test
    void emptyUnquotedAndQuotedEmptyAnswerTimesAreBothEmpty() {
        assertThat(AsteriskCdrLine.parse(ASTERISK_NO_ANSWER).answer()).isEmpty();
        assertThat(AsteriskCdrLine.parse(ASTERISK_NO_ANSWER_OLD_STYLE).answer()).isEmpty();
    }

    @Test
    void sameCdrWrittenByOldAndNewAsteriskGetsTheSameId() {
        assertThat(AsteriskCdrLine.parse(ASTERISK_NO_ANSWER_OLD_STYLE).id())
                .isEqualTo(AsteriskCdrLine.parse(ASTERISK_NO_ANSWER).id());
    }

    @Test
    void linesSharingAUniqueidGetDistinctIds() {
        // Asterisk writes one CDR per dial attempt of a channel; the retry keeps the uniqueid.
        String retry = ASTERISK_NO_ANSWER.replace("\"2026-03-01 09:00:00\",", "\"2026-03-01 09:00:21\",");
        String first = AsteriskCdrLine.parse(ASTERISK_NO_ANSWER).id();
        String second = AsteriskCdrLine.parse(retry).id();
        assertThat(first).startsWith("1772355600.3-");
        assertThat(second).startsWith("1772355600.3-").isNotEqualTo(first);
    }

    @Test
    void sameLineAlwaysGetsTheSameId() {
        assertThat(AsteriskCdrLine.parse(ASTERISK_18).id()).isEqualTo(AsteriskCdrLine.parse(ASTERISK_18).id());
    }

    @Test
    void nineteenColumnsAreTheNewColumnsWithoutUniqueid() {
        List<String> columns = new ArrayList<>(AsteriskCdrLine.parse(ASTERISK_16).columns());
        columns.addAll(List.of("", "1772359200.17", "3"));
        AsteriskCdrLine line = new AsteriskCdrLine(columns);
        assertThat(line.uniqueid()).isEmpty();
        assertThat(line.sequence()).hasValue("3");
        assertThat(line.id()).matches("ast-[0-9a-f]{12}");
    }

    @Test
    void fewerThanSixteenOrMoreThanTwentyOneColumnsAreRefused() {
        assertThatThrownBy(() -> new AsteriskCdrLine(Collections.nCopies(15, "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AsteriskCdrLine(Collections.nCopies(22, "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsteriskCdrLine.parse(ASTERISK_21 + ",\"x\""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokenQuotingIsRefused() {
        assertThatThrownBy(() -> AsteriskCdrLine.parse(ASTERISK_16 + ",\"unclosed"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
