package org.sapere.identity;

/** What a membership lets a person do within an organisation. Learner and platform admin are global, not roles. */
public enum Role {
    PROFESSOR,
    SUPERVISOR,
    ORGANISATION_ADMIN
}
