package org.sapere.credential.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that encrypts the universities' signing keys at rest (AES-256-GCM): 32 bytes in base64, from the
 * environment variable {@code SAPERE_KEY_ENCRYPTION_KEY}, or else from a key file that the first run makes under
 * the data folder, readable by its owner only.
 */
@Component
public class KeyEncryptionKey {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;
    private final String id;
    private final SecureRandom random = new SecureRandom();

    KeyEncryptionKey(
            @Value("${SAPERE_KEY_ENCRYPTION_KEY:}") String fromEnvironment,
            @Value("${sapere.credential.key-file:${sapere.data-dir:./data}/credential-signing.kek}") Path file) {
        var bytes = fromEnvironment.isBlank() ? fromFile(file) : decode(fromEnvironment, "SAPERE_KEY_ENCRYPTION_KEY");
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = HexFormat.of()
                .formatHex(DataIntegrity.sha256(Base64.getEncoder().encodeToString(bytes)), 0, 8);
        if (!fromEnvironment.isBlank()) {
            log.info("Issuer signing keys are encrypted with the key from SAPERE_KEY_ENCRYPTION_KEY ({})", id);
        }
    }

    /** A short fingerprint of this key, stored beside what it encrypted, to say clearly when the key changed. */
    public String id() {
        return id;
    }

    public byte[] encrypt(byte[] plain, byte[] associatedData) {
        try {
            var nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            var sealed = cipher.doFinal(plain);
            var result = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, result, NONCE_BYTES, sealed.length);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a signing key", e);
        }
    }

    public byte[] decrypt(byte[] sealed, byte[] associatedData) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(sealed, NONCE_BYTES)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "A signing key cannot be decrypted: the key-encryption key is not the one it was encrypted with",
                    e);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return fromFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            log.warn(
                    "Generated a key-encryption key for the universities' signing keys at {} (mode 600). Back it up"
                            + " with the database: without it no credential can be signed again. In production set"
                            + " SAPERE_KEY_ENCRYPTION_KEY (32 random bytes in base64) instead.",
                    file.toAbsolutePath());
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key-encryption key " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " must be 32 random bytes in base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must be 32 random bytes in base64, not " + bytes.length);
        }
        return bytes;
    }
}
