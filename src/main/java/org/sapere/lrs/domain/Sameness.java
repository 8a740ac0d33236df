package org.sapere.lrs.domain;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether a statement sent again is the one already stored: the same apart from what the store sets itself
 * (stored, authority, version, and a timestamp the sender left out).
 */
final class Sameness {

    private Sameness() {}

    static boolean same(JsonNode sent, JsonNode stored) {
        var a = (ObjectNode) sent.deepCopy();
        var b = (ObjectNode) stored.deepCopy();
        for (var generated : new String[] {"id", "stored", "authority", "version"}) {
            a.remove(generated);
            b.remove(generated);
        }
        if (!a.has("timestamp")) {
            b.remove("timestamp");
        } else if (b.has("timestamp")) {
            var sameInstant = Values.parseTimestamp(a.get("timestamp").asString())
                    .equals(Values.parseTimestamp(b.get("timestamp").asString()));
            if (!sameInstant) {
                return false;
            }
            a.remove("timestamp");
            b.remove("timestamp");
        }
        return a.equals(b);
    }
}
