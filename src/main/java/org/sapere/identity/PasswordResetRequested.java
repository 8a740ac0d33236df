package org.sapere.identity;

/** A person asked to reset their password; the link with this token works once, for 30 minutes. */
public record PasswordResetRequested(
        AccountId account, String email, String displayName, String language, String token) {}
