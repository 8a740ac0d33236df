package org.sapere.lrs;

/** A newly created client with its secret, which is shown once and never stored. */
public record IssuedCredential(LrsClient client, String secret) {}
