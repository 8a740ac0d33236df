package org.sapere.lrs.domain;

import java.util.Set;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The record store's JSON reading: duplicate keys refused, nesting limited; and small helpers. */
public final class Json {

    /** Deeper than any statement needs (a sub-statement's context extensions), shallow enough to be harmless. */
    static final int MAX_DEPTH = 64;

    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {}

    /** Parses a request body, refusing anything that is not JSON. */
    public static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (RuntimeException e) {
            throw XapiException.badRequest("the body is not valid JSON");
        }
    }

    public static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (RuntimeException e) {
            throw XapiException.badRequest("not valid JSON: " + abbreviate(body));
        }
    }

    static void onlyProperties(JsonNode node, Set<String> allowed, String path) {
        for (var name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw XapiException.badRequest(path + " has a property xAPI does not allow: " + name);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
