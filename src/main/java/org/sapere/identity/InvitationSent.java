package org.sapere.identity;

/** Someone without an account was offered a role; the mail invites them to register with this address. */
public record InvitationSent(String email, String organisation, Role role, String invitedBy, String language) {}
