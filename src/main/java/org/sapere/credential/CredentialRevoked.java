package org.sapere.credential;

import java.util.UUID;
import org.sapere.identity.AccountId;

/** An admin revoked a credential, for {@code reason} (notification tells the holder). */
public record CredentialRevoked(UUID credential, AccountId learner, String courseTitle, String reason) {}
