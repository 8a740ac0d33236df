package org.sapere.lrs.domain;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The "ids" and "canonical" formats of statements returned by queries (Communication 2.1.3). */
public final class Formats {

    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    private Formats() {}

    public static JsonNode apply(JsonNode statement, String format, List<Locale.LanguageRange> languages) {
        return switch (format) {
            case "ids" -> ids((ObjectNode) statement.deepCopy());
            case "canonical" -> canonical((ObjectNode) statement.deepCopy(), languages);
            default -> statement;
        };
    }

    private static JsonNode ids(ObjectNode statement) {
        agentIds(statement, "actor");
        agentIds(statement, "authority");
        if (statement.has("verb")) {
            var verb = (ObjectNode) statement.get("verb");
            verb.retain("id");
        }
        var object = statement.get("object");
        if (object instanceof ObjectNode o) {
            switch (o.path("objectType").asString("Activity")) {
                case "Activity" -> o.retain("id");
                case "Agent", "Group" -> agentIds(statement, "object");
                case "SubStatement" -> ids(o);
                default -> {}
            }
        }
        if (statement.get("context") instanceof ObjectNode context) {
            agentIds(context, "instructor");
            agentIds(context, "team");
            if (context.get("contextActivities") instanceof ObjectNode activities) {
                for (var list : activities.values()) {
                    if (list.isArray()) {
                        list.forEach(a -> ((ObjectNode) a).retain("id"));
                    } else if (list instanceof ObjectNode single) {
                        single.retain("id");
                    }
                }
            }
        }
        return statement;
    }

    private static void agentIds(ObjectNode parent, String property) {
        if (!(parent.get(property) instanceof ObjectNode agent)) {
            return;
        }
        var identified = IFIS.stream().anyMatch(agent::has);
        if (identified) {
            var keep = new java.util.ArrayList<>(List.of("objectType"));
            keep.addAll(IFIS);
            agent.retain(keep);
        } else {
            agent.retain("objectType", "member");
            agent.path("member")
                    .forEach(m -> ((ObjectNode) m).retain("objectType", "mbox", "mbox_sha1sum", "openid", "account"));
        }
    }

    /** Keeps one language of each language map, the reader's best match, else the first. */
    private static JsonNode canonical(ObjectNode statement, List<Locale.LanguageRange> languages) {
        walk(statement, languages);
        return statement;
    }

    private static void walk(JsonNode node, List<Locale.LanguageRange> languages) {
        if (node instanceof ObjectNode object) {
            for (var entry : object.properties()) {
                var key = entry.getKey();
                var value = entry.getValue();
                if ((key.equals("display") || key.equals("name") || key.equals("description")) && value.isObject()) {
                    reduce((ObjectNode) value, languages);
                } else if (!key.equals("extensions")) {
                    walk(value, languages);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, languages));
        }
    }

    private static void reduce(ObjectNode map, List<Locale.LanguageRange> languages) {
        if (map.size() <= 1) {
            return;
        }
        var tags = map.propertyNames().stream().toList();
        var match = Locale.lookupTag(languages, tags);
        if (match == null) {
            match = tags.stream()
                    .filter(t -> t.equalsIgnoreCase("en-US") || t.equalsIgnoreCase("en"))
                    .findFirst()
                    .orElse(tags.getFirst());
        }
        final var chosen =
                tags.stream().filter(match::equalsIgnoreCase).findFirst().orElse(tags.getFirst());
        map.retain(chosen);
    }
}
