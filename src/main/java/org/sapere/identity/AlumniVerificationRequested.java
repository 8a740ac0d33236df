package org.sapere.identity;

/**
 * A person claims to be an alumnus of a university and must confirm an address at one of its alumni domains by
 * following the link with this token (single-use, 24 hours). Only the token's hash is stored.
 */
public record AlumniVerificationRequested(
        AccountId account, String email, String displayName, String organisation, String language, String token) {}
