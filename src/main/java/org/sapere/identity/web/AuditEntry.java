package org.sapere.identity.web;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of the security log, as the admin page shows it. */
public record AuditEntry(
        OffsetDateTime at,
        @Nullable UUID account,
        @Nullable String email,
        String action,
        @Nullable String ip,
        @Nullable String detail) {}
