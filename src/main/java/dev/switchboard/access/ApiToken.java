package dev.switchboard.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A token as stored: never the token itself, only who it is for and what it may do. */
public record ApiToken(int id, String name, AccessRole role, @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("revoked_at") Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
