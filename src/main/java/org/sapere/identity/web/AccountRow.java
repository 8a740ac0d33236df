package org.sapere.identity.web;

import java.util.UUID;

/** An account as the admin list shows it. */
public record AccountRow(UUID id, String email, String displayName, boolean enabled, boolean verified) {}
