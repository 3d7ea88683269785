package dev.switchboard.callcenter.simulate;

import java.util.Objects;

/** A call-center queue and the share of arriving calls routed to it (shares of a config sum to 1). */
public record QueueShare(String name, double share) {
    public QueueShare {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("queue name must not be blank");
        if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("share must be in (0, 1]: " + share);
    }
}
