package org.sapere.lrs.domain;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A statement as the store holds it, with its position in the stored order. {@code json} is the stored text, which
 * a query in the exact format returns as it is, without parsing it.
 */
public record StoredStatement(long seq, Instant stored, String json) {

    public JsonNode statement() {
        return Json.parse(json);
    }
}
