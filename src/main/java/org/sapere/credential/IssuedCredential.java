package org.sapere.credential;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseId;
import org.sapere.identity.AccountId;
import org.sapere.identity.OrganisationId;

/** A credential as pages show it; the signed document itself is {@link Credentials#json(UUID)}. */
public record IssuedCredential(
        UUID id,
        AccountId learner,
        CourseId course,
        int courseVersion,
        OrganisationId organisation,
        String holderName,
        String courseTitle,
        Instant issuedAt,
        boolean publicOnProfile,
        @Nullable Instant revokedAt,
        @Nullable String revokedReason) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
