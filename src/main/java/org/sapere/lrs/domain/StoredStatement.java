package org.sapere.lrs.domain;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A statement as the store holds it, with its position in the stored order. */
public record StoredStatement(long seq, Instant stored, JsonNode statement) {}
