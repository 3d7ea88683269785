package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A call in a queue now. */
public record Waiting(String queue, @JsonProperty("queued_at") Instant queuedAt) {}
