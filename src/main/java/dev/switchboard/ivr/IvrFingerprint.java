package dev.switchboard.ivr;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.platform.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a cleaned session's canonical JSON (field order of the record, normalised values, turns numbered; not where it came from): equal sessions, equal prints. */
final class IvrFingerprint {
    private IvrFingerprint() {}

    static byte[] sha256(IvrSession s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Json.MAPPER.writeValueAsBytes(s.withSourceFile(null)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
