package dev.switchboard.access;

/** A token just created: the secret is shown this once and stored only as its hash. */
public record IssuedToken(ApiToken token, String secret) {}
