package org.sapere.identity;

/**
 * A person registered (or asked again) and must confirm their address by following the link with this token. The
 * token is single-use and expires; only its hash is stored by identity.
 */
public record EmailVerificationRequested(
        AccountId account, String email, String displayName, String language, String token) {}
