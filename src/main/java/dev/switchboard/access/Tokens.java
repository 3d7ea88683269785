package dev.switchboard.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The active tokens as a request sees them: read from the store at most every {@link #REFRESH}, so a
 * token created or revoked by another process (or by the CLI) counts within that time, and a request
 * costs no database round trip. When the store cannot be read, the last list read is kept.
 */
public final class Tokens {
    static final Duration REFRESH = Duration.ofSeconds(2);
    private final TokenStore store;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, ApiToken> byHash, Instant readAt) {}

    public Tokens(TokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public TokenStore store() {
        return store;
    }

    /** The active token whose secret this is. */
    public Optional<ApiToken> find(String secret) {
        return Optional.ofNullable(current().byHash().get(TokenStore.hash(secret)));
    }

    /** True while no active token exists. */
    public boolean none() {
        return current().byHash().isEmpty();
    }

    /** Reads the store again at the next request (after this process created or revoked a token). */
    public void changed() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && now.isBefore(s.readAt().plus(REFRESH))) return s;
        try {
            Map<String, ApiToken> byHash = store.active().stream()
                    .collect(Collectors.toUnmodifiableMap(TokenStore.ActiveToken::hash, TokenStore.ActiveToken::token, (a, b) -> a));
            s = new Snapshot(byHash, now);
            snapshot = s;
            return s;
        } catch (RuntimeException e) {
            if (s == null) throw e;
            return s;
        }
    }

}
