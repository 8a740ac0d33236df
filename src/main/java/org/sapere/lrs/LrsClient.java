package org.sapere.lrs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A client of the record store as admins see it: never its secret. */
public record LrsClient(
        LrsClientId id,
        String key,
        String name,
        boolean canRead,
        boolean canWrite,
        Instant createdAt,
        @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
