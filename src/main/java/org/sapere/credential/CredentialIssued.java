package org.sapere.credential;

import java.util.UUID;
import org.sapere.identity.AccountId;

/** A learner received a credential (notification writes to them). */
public record CredentialIssued(UUID credential, AccountId learner, String courseTitle, String organisationName) {}
