package org.sapere.identity;

/**
 * How to write to a person on their own behalf (a reminder they asked for): their name, address, language and
 * time zone, and whether mail may go to them at all (an enabled account with a confirmed address).
 */
public record Addressee(
        AccountId id, String displayName, String email, String language, String timeZone, boolean reachable) {}
