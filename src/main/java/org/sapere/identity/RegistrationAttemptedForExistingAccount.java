package org.sapere.identity;

/**
 * Someone tried to register with an address that already has an account. The page answers as for a new account
 * (so addresses cannot be probed); the owner gets a mail saying so.
 */
public record RegistrationAttemptedForExistingAccount(
        AccountId account, String email, String displayName, String language) {}
