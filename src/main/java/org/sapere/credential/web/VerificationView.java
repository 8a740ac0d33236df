package org.sapere.credential.web;

import org.jspecify.annotations.Nullable;
import org.sapere.credential.IssuedCredential;
import org.sapere.credential.Verification;
import org.sapere.credential.domain.CredentialFacts;
import org.sapere.identity.Organisation;

/** The verification page's model: the check, what the credential claims, and the stored record if any, and whether its university has a logo to show. */
public record VerificationView(
        Verification verification,
        CredentialFacts claims,
        @Nullable IssuedCredential credential,
        @Nullable Organisation organisation,
        boolean hasLogo) {}
