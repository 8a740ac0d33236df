package org.sapere.credential.domain;

import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each university's Ed25519 keys. The newest key that is not retired signs; every key stays published and
 * verifiable, so rotating a key never invalidates what was signed before. Private keys are stored encrypted with
 * the {@link KeyEncryptionKey}, bound to their university and number.
 */
@Service
public class IssuerKeys {

    /** A key as the DID document shows it. */
    public record PublishedKey(
            int number,
            PublicKey publicKey,
            Instant createdAt,
            @Nullable Instant retiredAt) {

        public String multibase() {
            return Ed25519.multibase(publicKey);
        }
    }

    /** The key that signs now, with its number. */
    public record SigningKey(int number, PrivateKey privateKey) {}

    private final JdbcClient jdbc;
    private final KeyEncryptionKey kek;
    private final Map<String, PrivateKey> decrypted = new ConcurrentHashMap<>();

    IssuerKeys(JdbcClient jdbc, KeyEncryptionKey kek) {
        this.jdbc = jdbc;
        this.kek = kek;
    }

    /** The university's signing key, made on first use. */
    @Transactional
    public SigningKey signingKey(UUID organisation) {
        var current = jdbc.sql("""
                SELECT number, private_key, kek_id FROM credential.issuer_key
                WHERE organisation_id = :o AND retired_at IS NULL ORDER BY number DESC LIMIT 1""")
                .param("o", organisation)
                .query((rs, n) -> new Stored(rs.getInt("number"), rs.getBytes("private_key"), rs.getString("kek_id")))
                .optional();
        if (current.isEmpty()) {
            create(organisation, 1);
            return signingKey(organisation);
        }
        var stored = current.get();
        var cacheKey = organisation + "#" + stored.number();
        var key = decrypted.computeIfAbsent(cacheKey, k -> {
            if (!stored.kekId().equals(kek.id())) {
                throw new IllegalStateException("The signing key " + cacheKey + " was encrypted with key-encryption"
                        + " key " + stored.kekId() + ", but this Sapere has " + kek.id()
                        + ": set SAPERE_KEY_ENCRYPTION_KEY (or the key file) back to the one it was made with");
            }
            return Ed25519.privateKey(kek.decrypt(stored.sealed(), binding(organisation, stored.number())));
        });
        return new SigningKey(stored.number(), key);
    }

    private record Stored(int number, byte[] sealed, String kekId) {}

    /** Every key of the university, oldest first. */
    public List<PublishedKey> published(UUID organisation) {
        return jdbc.sql("""
                SELECT number, public_key, created_at, retired_at FROM credential.issuer_key
                WHERE organisation_id = :o ORDER BY number""")
                .param("o", organisation)
                .query((rs, n) -> new PublishedKey(
                        rs.getInt("number"),
                        Ed25519.publicKey(rs.getBytes("public_key")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("retired_at") == null
                                ? null
                                : rs.getTimestamp("retired_at").toInstant()))
                .list();
    }

    public Optional<PublicKey> publicKey(UUID organisation, int number) {
        return published(organisation).stream()
                .filter(k -> k.number() == number)
                .map(PublishedKey::publicKey)
                .findFirst();
    }

    /** Retires the signing key and makes the next one; returns the new key's number. */
    @Transactional
    public int rotate(UUID organisation) {
        var newest = jdbc.sql("SELECT coalesce(max(number), 0) FROM credential.issuer_key WHERE organisation_id = :o")
                .param("o", organisation)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                UPDATE credential.issuer_key SET retired_at = now()
                WHERE organisation_id = :o AND retired_at IS NULL""").param("o", organisation).update();
        create(organisation, newest + 1);
        return newest + 1;
    }

    private void create(UUID organisation, int number) {
        var pair = Ed25519.generate();
        var seed = seed(pair.getPrivate());
        jdbc.sql("""
                INSERT INTO credential.issuer_key (organisation_id, number, public_key, private_key, kek_id, created_at)
                VALUES (:o, :n, :pub, :priv, :kek, now()) ON CONFLICT DO NOTHING""")
                .param("o", organisation)
                .param("n", number)
                .param("pub", Ed25519.raw(pair.getPublic()))
                .param("priv", kek.encrypt(seed, binding(organisation, number)))
                .param("kek", kek.id())
                .update();
    }

    /** The 32-byte seed of a JDK Ed25519 private key (the last 32 bytes of its PKCS #8 form). */
    private static byte[] seed(PrivateKey key) {
        var encoded = key.getEncoded();
        return java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static byte[] binding(UUID organisation, int number) {
        return ByteBuffer.allocate(20)
                .putLong(organisation.getMostSignificantBits())
                .putLong(organisation.getLeastSignificantBits())
                .putInt(number)
                .array();
    }
}
