package dev.switchboard.callcenter;

import dev.switchboard.platform.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a call event's canonical JSON (the record's field order, normalized values): equal events, equal prints. */
final class CallFingerprint {
    private CallFingerprint() {}

    static byte[] sha256(CallEvent e) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Json.MAPPER.writeValueAsBytes(e));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
