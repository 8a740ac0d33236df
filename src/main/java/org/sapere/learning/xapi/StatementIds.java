package org.sapere.learning.xapi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based statement ids (RFC 9562 version 5: SHA-1 of a namespace and a name), so that the statement of a
 * learning event has the same id however often the event is delivered.
 */
final class StatementIds {

    /** Sapere's namespace for the statements of learning events. */
    static final UUID NAMESPACE = UUID.fromString("6f1c8f0e-4b7a-5d2e-9c3a-5a9e2d7b1c40");

    private StatementIds() {}

    static UUID of(String name) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits())
                    .array());
            var hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            var buffer = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /** The statement of a step the player or the server recorded with its own id. */
    static UUID ofStep(UUID step) {
        return of("step:" + step);
    }
}
