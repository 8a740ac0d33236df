package org.sapere.lrs.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sapere.lrs.IssuedCredential;
import org.sapere.lrs.LrsClient;
import org.sapere.lrs.LrsClientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The clients of the record store and their credentials. A secret is a random 256-bit token, stored as its
 * SHA-256: a slow password hash would cost more than the statement it guards, and a 256-bit token cannot be
 * guessed. Checked secrets are remembered by their hash, so a request costs one hash and no query.
 */
@Repository
public class Clients {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<String, Row> byKey = new ConcurrentHashMap<>();

    Clients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(LrsClient client, byte[] secretHash) {}

    public IssuedCredential create(String name, boolean canRead, boolean canWrite) {
        var key = HexFormat.of().formatHex(random(10));
        var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        return create(name, key, secret, canRead, canWrite);
    }

    /** Creates a client with a given key and secret (demo content, which prints them). */
    public IssuedCredential create(String name, String key, String secret, boolean canRead, boolean canWrite) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO lrs.client (id, key, secret_sha256, name, can_read, can_write)
                VALUES (?, ?, ?, ?, ?, ?)""").params(id, key, sha256(secret), name, canRead, canWrite).update();
        return new IssuedCredential(find(new LrsClientId(id)).orElseThrow(), secret);
    }

    public List<LrsClient> all() {
        return jdbc.sql("SELECT * FROM lrs.client ORDER BY revoked_at IS NOT NULL, created_at DESC")
                .query((rs, i) -> client(rs))
                .list();
    }

    public Optional<LrsClient> find(LrsClientId id) {
        return jdbc.sql("SELECT * FROM lrs.client WHERE id = ?")
                .param(id.value())
                .query((rs, i) -> client(rs))
                .optional();
    }

    public void revoke(LrsClientId id) {
        jdbc.sql("UPDATE lrs.client SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")
                .param(id.value())
                .update();
        byKey.values().removeIf(row -> row.client().id().equals(id));
    }

    /** The active client with this key and secret, if any. */
    public Optional<LrsClient> authenticate(String key, String secret) {
        var row = byKey.get(key);
        if (row == null) {
            row = jdbc.sql("SELECT * FROM lrs.client WHERE key = ? AND revoked_at IS NULL")
                    .param(key)
                    .query((rs, i) -> new Row(client(rs), rs.getBytes("secret_sha256")))
                    .optional()
                    .orElse(null);
            if (row == null) {
                return Optional.empty();
            }
            byKey.put(key, row);
        }
        return MessageDigest.isEqual(row.secretHash(), sha256(secret)) ? Optional.of(row.client()) : Optional.empty();
    }

    private static LrsClient client(java.sql.ResultSet rs) throws java.sql.SQLException {
        var revoked = rs.getTimestamp("revoked_at");
        return new LrsClient(
                new LrsClientId(rs.getObject("id", UUID.class)),
                rs.getString("key"),
                rs.getString("name"),
                rs.getBoolean("can_read"),
                rs.getBoolean("can_write"),
                rs.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static byte[] random(int bytes) {
        var buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return buffer;
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
