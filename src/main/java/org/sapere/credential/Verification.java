package org.sapere.credential;

import org.jspecify.annotations.Nullable;

/**
 * What checking a credential found. {@code reason} is a message key suffix ({@code verify.reason.*}): "valid" when
 * the proof holds and the credential is in force, otherwise why not. The other fields are read from the
 * credential as far as it could be read, to show what it claims.
 */
public record Verification(
        boolean valid,
        String reason,
        boolean revoked,
        @Nullable String issuerName,
        @Nullable String issuerId,
        @Nullable String holderName,
        @Nullable String achievementName,
        @Nullable String validFrom,
        @Nullable String credentialId) {

    public static Verification invalid(String reason) {
        return new Verification(false, reason, false, null, null, null, null, null, null);
    }
}
