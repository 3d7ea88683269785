package dev.switchboard.access;

import dev.switchboard.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * API tokens in table {@code api_token}. A token is 32 random bytes (base64url, prefixed {@code sb_});
 * only its SHA-256 is stored, so a copy of the database gives no access. A token this random needs no
 * salt or slow hash: nothing can be guessed from the hash.
 */
public final class TokenStore {
    static final String PREFIX = "sb_";
    private static final int MAX_NAME = 100;
    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public IssuedToken create(AccessRole role, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME || label.chars().anyMatch(Character::isISOControl))
            throw new IllegalArgumentException("a token's name must be 1 to " + MAX_NAME + " characters without control characters");
        if (label.chars().allMatch(Character::isDigit))
            throw new IllegalArgumentException("a token's name must not be only digits (revoke takes an id or a name)");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        ApiToken token = db.inTransaction("cannot create a token", c -> {
            int id;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM api_token"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getInt(1);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_token (id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setInt(1, id);
                ps.setString(2, label);
                ps.setString(3, role.key());
                ps.setString(4, hash(secret));
                ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return new ApiToken(id, label, role, now, null);
        });
        return new IssuedToken(token, secret);
    }

    /** Every token, revoked ones too, oldest first. */
    public List<ApiToken> list() {
        return db.read("cannot read the tokens", c -> select(c, "SELECT id, name, role, created_at, revoked_at FROM api_token ORDER BY id", null));
    }

    /** The active tokens by their hash: what a request's token is checked against. */
    public List<ActiveToken> active() {
        return db.read("cannot read the tokens", c -> {
            List<ActiveToken> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, role, created_at, revoked_at, token_hash FROM api_token WHERE revoked_at IS NULL ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new ActiveToken(row(rs), rs.getString(6)));
            }
            return out;
        });
    }

    /**
     * Revokes the token with this id, or every active token with this name. Returns what was revoked
     * (empty when nothing matched); revoking is for good.
     */
    public List<ApiToken> revoke(String idOrName) {
        String key = idOrName == null ? "" : idOrName.strip();
        if (key.isEmpty()) throw new IllegalArgumentException("name the token to revoke by its id or its name");
        Instant now = clock.instant();
        return db.inTransaction("cannot revoke the token", c -> {
            boolean byId = key.chars().allMatch(Character::isDigit) && key.length() < 10;
            String where = byId ? "id = ?" : "name = ?";
            List<ApiToken> hit = select(c, "SELECT id, name, role, created_at, revoked_at FROM api_token WHERE revoked_at IS NULL AND " + where + " ORDER BY id",
                    byId ? (Object) Integer.parseInt(key) : key);
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET revoked_at = ? WHERE id = ?")) {
                for (ApiToken t : hit) {
                    ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    ps.setInt(2, t.id());
                    ps.executeUpdate();
                }
            }
            return hit.stream().map(t -> new ApiToken(t.id(), t.name(), t.role(), t.createdAt(), now)).toList();
        });
    }

    /** The SHA-256 of a token, in hex: what the table keeps. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An active token and its hash. */
    public record ActiveToken(ApiToken token, String hash) {}

    private static List<ApiToken> select(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) ps.setObject(1, param);
            List<ApiToken> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        }
    }

    private static ApiToken row(ResultSet rs) throws SQLException {
        OffsetDateTime revoked = rs.getObject(5, OffsetDateTime.class);
        return new ApiToken(rs.getInt(1), rs.getString(2), AccessRole.parse(rs.getString(3)),
                rs.getObject(4, OffsetDateTime.class).toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
