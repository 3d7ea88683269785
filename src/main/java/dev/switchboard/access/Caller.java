package dev.switchboard.access;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who sent a request: the holder of a token, or, on a server in open mode (loopback, no token
 * created yet), the local user, who may do what an admin does except see personal data in full.
 */
public record Caller(Optional<ApiToken> token, Optional<AccessRole> role) {
    static final String ATTRIBUTE = "switchboard.caller";
    static final Caller NOBODY = new Caller(Optional.empty(), Optional.empty());
    static final Caller LOCAL = new Caller(Optional.empty(), Optional.of(AccessRole.ADMIN));

    static Caller holding(ApiToken token) {
        return new Caller(Optional.of(token), Optional.of(token.role()));
    }

    /** The caller of this request, as access control found it (nobody when it did not run). */
    public static Caller of(Context ctx) {
        Caller c = ctx.attribute(ATTRIBUTE);
        return c == null ? NOBODY : c;
    }

    /** True only for a token with the admin role: personal data in full is never shown without one. */
    public boolean adminToken() {
        return token.isPresent() && token.get().role() == AccessRole.ADMIN;
    }

    public boolean may(AccessRole needed) {
        return role.isPresent() && role.get().includes(needed);
    }
}
