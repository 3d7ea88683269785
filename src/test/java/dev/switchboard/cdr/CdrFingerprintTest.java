package dev.switchboard.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdrFingerprintTest {
    private static final Instant START = Instant.parse("2026-03-01T10:15:30Z");

    private static Cdr voiceCdr() {
        return new Cdr("c-1", "+12015550123", "+442079460958", START, 60, CdrType.VOICE, CdrResult.ANSWERED, "acme");
    }
    @Test
    void sameRecordGivesTheSameFingerprint() {
        assertThat(CdrFingerprint.sha256(voiceCdr())).isEqualTo(CdrFingerprint.sha256(voiceCdr())).hasSize(32);
    }

    @Test
    void fingerprintIsTheSha256OfFieldsInColumnOrderWithEpochMillisAndUnitSeparators() throws Exception {
        String text = String.join("\u001f", "c-1", "+12015550123", "+442079460958",
                String.valueOf(START.toEpochMilli()), "60", "VOICE", "ANSWERED", "acme");
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        assertThat(CdrFingerprint.sha256(voiceCdr())).isEqualTo(expected);
    }

    @Test
    void absentValuesHashAsEmptyText() throws Exception {
        Cdr sms = new Cdr("s-1", "1500", "99", Instant.ofEpochMilli(1234), null, CdrType.SMS, CdrResult.ANSWERED, null);
        String text = String.join("\u001f", "s-1", "1500", "99", "1234", "", "SMS", "ANSWERED", "");
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        assertThat(CdrFingerprint.sha256(sms)).isEqualTo(expected);
    }

    @Test
    void everyFieldChangesTheFingerprint() {
        Cdr base = voiceCdr();
        List<Cdr> variants = List.of(
                new Cdr("c-2", base.callingNumber(), base.calledNumber(), base.startTime(), 60, base.type(), base.result(), "acme"),
                new Cdr("c-1", "+12015550124", base.calledNumber(), base.startTime(), 60, base.type(), base.result(), "acme"),
                new Cdr("c-1", base.callingNumber(), "+442079460959", base.startTime(), 60, base.type(), base.result(), "acme"),
                new Cdr("c-1", base.callingNumber(), base.calledNumber(), base.startTime().plusMillis(1), 60, base.type(), base.result(), "acme"),
                new Cdr("c-1", base.callingNumber(), base.calledNumber(), base.startTime(), 61, base.type(), base.result(), "acme"),
                new Cdr("c-1", base.callingNumber(), base.calledNumber(), base.startTime(), 60, base.type(), CdrResult.BUSY, "acme"),
                new Cdr("c-1", base.callingNumber(), base.calledNumber(), base.startTime(), 60, base.type(), base.result(), null),
                new Cdr("c-1", base.callingNumber(), base.calledNumber(), base.startTime(), null, CdrType.SMS, base.result(), "acme"));
        String baseHex = CdrFingerprint.hex(CdrFingerprint.sha256(base));
        assertThat(variants).extracting(cdr -> CdrFingerprint.hex(CdrFingerprint.sha256(cdr)))
                .doesNotContain(baseHex).doesNotHaveDuplicates();
    }

    @Test
    void subMillisecondDifferencesAreTheSameRecord() {
        Cdr base = voiceCdr();
        Cdr nanosLater = new Cdr(base.id(), base.callingNumber(), base.calledNumber(), base.startTime().plusNanos(999),
                base.durationSec(), base.type(), base.result(), base.operator());
        assertThat(CdrFingerprint.sha256(nanosLater)).isEqualTo(CdrFingerprint.sha256(base));
    }

    @Test
    void hexIsLowerCaseTwoDigitsPerByte() {
        assertThat(CdrFingerprint.hex(new byte[] {0, 10, (byte) 0xff})).isEqualTo("000aff");
        assertThat(CdrFingerprint.hex(new byte[0])).isEmpty();
    }
}
