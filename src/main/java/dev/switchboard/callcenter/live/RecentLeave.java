package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A call that left the queue recently, kept for the trailing-window averages. */
public record RecentLeave(boolean answered, @JsonProperty("wait_sec") long waitSec) {}
