package org.sapere.lrs;

import java.util.UUID;

/** The id of a client of the record store (a set of credentials). */
public record LrsClientId(UUID value) {}
