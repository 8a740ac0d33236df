package org.sapere.identity;

/**
 * A learner as a course's staff see them in a gradebook or report: the name and the e-mail address the learner
 * signed up with. Only for staff pages; public pages show {@link Person}.
 */
public record Contact(AccountId id, String displayName, String email) {}
