package dev.switchboard.cdr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SHA-256 fingerprint of a clean CDR, by which the same call delivered twice is recognised.
 *
 * <p>The hashed text is every field in {@link CdrCsv#COLUMNS} order, joined by the unit separator
 * U+001F, the start as epoch milliseconds, an absent value as the empty string. This text is a
 * contract with the de-duplication state already stored: changing it makes every stored
 * fingerprint miss once.
 */
public final class CdrFingerprint {
    private static final String SEPARATOR = "\u001f";
    private static final HexFormat HEX = HexFormat.of();

    private CdrFingerprint() {}

    public static byte[] sha256(Cdr cdr) {
        return sha256(canonicalText(cdr));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Lower-case hexadecimal, two digits per byte. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static String canonicalText(Cdr cdr) {
        return Stream.of(
                        cdr.id(),
                        cdr.callingNumber(),
                        cdr.calledNumber(),
                        cdr.startTime().toEpochMilli(),
                        cdr.durationSec(),
                        cdr.type(),
                        cdr.result(),
                        cdr.operator())
                .map(value -> Objects.toString(value, ""))
                .collect(Collectors.joining(SEPARATOR));
    }
}
