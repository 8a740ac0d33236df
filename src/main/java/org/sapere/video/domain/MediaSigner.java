package org.sapere.video.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs media addresses: {@code /media/v/<asset>/<expiry>-<signature>/<file>}. The token sits in the path, so the
 * relative addresses inside HLS playlists carry it on to every segment. It covers one video's files until its
 * expiry, which is rounded up to the hour: everyone watching in the same hour gets the same address, so a CDN in
 * front caches one copy.
 */
@Component
public class MediaSigner {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Duration lifetime;

    MediaSigner(VideoProperties properties, @Value("${sapere.data-dir:./data}") Path dataDir) {
        this.key = key(properties.signingKey(), dataDir.resolve("media-signing.key"));
        this.lifetime = properties.urlLifetime();
    }

    /** A token valid from now for at least the configured lifetime. */
    public String token(UUID asset, Instant now) {
        var hour = 3600;
        var expires = (now.plus(lifetime).getEpochSecond() + hour - 1) / hour * hour;
        return signed(asset, Instant.ofEpochSecond(expires));
    }

    /** A token that expires at the given moment (tests and benchmarks use a past one). */
    public String tokenExpiringAt(UUID asset, Instant expires) {
        return signed(asset, expires);
    }

    private String signed(UUID asset, Instant expires) {
        return expires.getEpochSecond() + "-" + signature(asset, expires.getEpochSecond());
    }

    /** When a token expires, if it is genuine for this asset; empty when it is forged, altered or malformed. */
    public java.util.Optional<Instant> verify(UUID asset, String token) {
        var dash = token.indexOf('-');
        if (dash < 1 || dash > 12) {
            return java.util.Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(token.substring(0, dash));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
        var expected = signature(asset, expires).getBytes(StandardCharsets.US_ASCII);
        var given = token.substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given)
                ? java.util.Optional.of(Instant.ofEpochSecond(expires))
                : java.util.Optional.empty();
    }

    private String signature(UUID asset, long expires) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var bytes = mac.doFinal(("video:" + asset + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            // 128 bits are plenty against guessing, and keep addresses short.
            return BASE64.encodeToString(java.util.Arrays.copyOf(bytes, 16));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] key(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (Files.exists(keyFile)) {
                return HexFormat.of().parseHex(Files.readString(keyFile).strip());
            }
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, HexFormat.of().formatHex(bytes));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply.
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
