package org.sapere.identity.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person's account: how they sign in and how they are shown. */
public record Account(
        UUID id,
        String email,
        String displayName,
        @Nullable String passwordHash,
        @Nullable String headline,
        @Nullable String bio,
        boolean platformAdmin,
        boolean enabled,
        boolean emailVerified,
        String language) {

    public static final int MAX_EMAIL = 254;
    public static final int MAX_NAME = 120;

    public Account {
        email = email.strip();
        displayName = displayName.strip();
        if (email.isEmpty() || email.length() > MAX_EMAIL || !email.contains("@")) {
            throw new IllegalArgumentException("Not an e-mail address: " + email);
        }
        if (displayName.isEmpty() || displayName.length() > MAX_NAME) {
            throw new IllegalArgumentException("A display name has 1 to " + MAX_NAME + " characters");
        }
    }
}
