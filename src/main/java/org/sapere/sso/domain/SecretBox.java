package org.sapere.sso.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts client secrets before they are stored (AES-256-GCM, a random IV each time). The key is
 * {@code sapere.sso.encryption-key}, or else a random one created on first use in the data folder.
 */
@Component
class SecretBox {

    // The key is random or chosen by the operator; the salt only separates this use of it from any other.
    private static final String SALT = HexFormat.of().formatHex("sapere-sso".getBytes(StandardCharsets.US_ASCII));

    private final @Nullable String configuredKey;
    private final Path keyFile;
    private volatile @Nullable TextEncryptor encryptor;

    SecretBox(SsoProperties properties, @Value("${sapere.data-dir:./data}") Path dataDir) {
        this.configuredKey = properties.encryptionKey();
        this.keyFile = dataDir.resolve("sso-secret.key");
    }

    String encrypt(String secret) {
        return encryptor().encrypt(secret);
    }

    String decrypt(String stored) {
        return encryptor().decrypt(stored);
    }

    private TextEncryptor encryptor() {
        var e = encryptor;
        if (e == null) {
            synchronized (this) {
                e = encryptor;
                if (e == null) {
                    e = Encryptors.delux(key(), SALT);
                    encryptor = e;
                }
            }
        }
        return e;
    }

    private String key() {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return configuredKey;
        }
        try {
            if (Files.exists(keyFile)) {
                return Files.readString(keyFile).strip();
            }
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            var key = HexFormat.of().formatHex(bytes);
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, key);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply.
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
