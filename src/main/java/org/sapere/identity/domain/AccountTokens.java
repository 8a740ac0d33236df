package org.sapere.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use, expiring tokens sent by mail. The token is 256 random bits; only its SHA-256 hash is stored. */
@Repository
public class AccountTokens {

    /** What a token lets its holder do. */
    public enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a new token; earlier unused tokens of the same purpose stop working. */
    public String issue(UUID account, Purpose purpose, Duration validFor) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql(
                        "UPDATE identity.account_token SET used_at = now() WHERE account_id = :a AND purpose = :p AND used_at IS NULL")
                .param("a", account)
                .param("p", purpose.name())
                .update();
        jdbc.sql("""
                INSERT INTO identity.account_token (token_hash, account_id, purpose, expires_at)
                VALUES (:hash, :a, :p, now() + make_interval(secs => :secs))""")
                .param("hash", hash(token))
                .param("a", account)
                .param("p", purpose.name())
                .param("secs", (double) validFor.toSeconds())
                .update();
        return token;
    }

    /** Uses the token if it is valid for this purpose, unused and unexpired; returns whose it was. */
    public Optional<UUID> consume(String token, Purpose purpose) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                UPDATE identity.account_token SET used_at = now()
                WHERE token_hash = :hash AND purpose = :p AND used_at IS NULL AND expires_at > now()
                RETURNING account_id""")
                .param("hash", hash(token))
                .param("p", purpose.name())
                .query(UUID.class)
                .optional();
    }

    /** True if the token could still be used (for showing the form before the final step). */
    public boolean isUsable(String token, Purpose purpose) {
        if (token.length() > 100) {
            return false;
        }
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM identity.account_token
                               WHERE token_hash = :hash AND purpose = :p AND used_at IS NULL AND expires_at > now())""")
                .param("hash", hash(token))
                .param("p", purpose.name())
                .query(Boolean.class)
                .single();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
