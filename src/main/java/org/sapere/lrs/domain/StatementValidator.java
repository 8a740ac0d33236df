package org.sapere.lrs.domain;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a statement against the MUST and MUST NOT clauses of xAPI 1.0.3 (Data, section 2). The first violation
 * is reported, naming the property, as a 400.
 */
public final class StatementValidator {

    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private static final Set<String> STATEMENT = Set.of(
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments");
    private static final Set<String> SUB_STATEMENT =
            Set.of("objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments");
    private static final Set<String> VERB = Set.of("id", "display");
    private static final Set<String> ACTIVITY = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION = Set.of(
            "name",
            "description",
            "type",
            "moreInfo",
            "extensions",
            "interactionType",
            "correctResponsesPattern",
            "choices",
            "scale",
            "source",
            "target",
            "steps");
    private static final Set<String> INTERACTION_TYPES = Set.of(
            "true-false",
            "choice",
            "fill-in",
            "long-fill-in",
            "matching",
            "performance",
            "sequencing",
            "likert",
            "numeric",
            "other");
    private static final Set<String> RESULT =
            Set.of("score", "success", "completion", "response", "duration", "extensions");
    private static final Set<String> SCORE = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT = Set.of(
            "registration",
            "instructor",
            "team",
            "contextActivities",
            "revision",
            "platform",
            "language",
            "statement",
            "extensions");
    private static final Set<String> CONTEXT_ACTIVITIES = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> ATTACHMENT =
            Set.of("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl");

    private StatementValidator() {}

    public static void validate(JsonNode statement) {
        if (!statement.isObject()) {
            throw XapiException.badRequest("a statement must be a JSON object");
        }
        Json.onlyProperties(statement, STATEMENT, "statement");
        if (statement.has("id")) {
            Values.uuid(Values.text(statement.get("id"), "id"), "id");
        }
        body(statement, "statement");
        if (statement.has("stored")) {
            Values.parseTimestamp(Values.text(statement.get("stored"), "stored"));
        }
        if (statement.has("authority")) {
            var authority = statement.get("authority");
            Agents.validate(authority, "authority");
            // A group as authority is the OAuth pair of consumer and user: anonymous, exactly two agents.
            if (Agents.isGroup(authority)
                    && (Agents.key(authority) != null
                            || authority.path("member").size() != 2)) {
                throw XapiException.badRequest("authority as a Group must be anonymous with exactly two members");
            }
        }
        if (statement.has("version")) {
            var version = Values.text(statement.get("version"), "version");
            if (!version.matches("^1\\.0(\\.\\d+)?$")) {
                throw XapiException.badRequest("version must be 1.0.x: " + version);
            }
        }
        if (statement.path("verb").path("id").asString("").equals(VOIDED)
                && !statement.path("object").path("objectType").asString("").equals("StatementRef")) {
            throw XapiException.badRequest("object of a voiding statement must be a StatementRef");
        }
    }

    /** What a statement and a sub-statement share: actor, verb, object, result, context, timestamp, attachments. */
    private static void body(JsonNode statement, String path) {
        for (var required : new String[] {"actor", "verb", "object"}) {
            if (!statement.has(required)) {
                throw XapiException.badRequest(path + "." + required + " is required");
            }
        }
        Agents.validate(statement.get("actor"), path + ".actor");
        verb(statement.get("verb"), path + ".verb");
        var objectIsActivity = object(statement.get("object"), path + ".object", path.equals("statement"));
        if (statement.has("result")) {
            result(statement.get("result"), path + ".result");
        }
        if (statement.has("context")) {
            context(statement.get("context"), path + ".context", objectIsActivity);
        }
        if (statement.has("timestamp")) {
            Values.parseTimestamp(Values.text(statement.get("timestamp"), path + ".timestamp"));
        }
        if (statement.has("attachments")) {
            attachments(statement.get("attachments"), path + ".attachments");
        }
    }

    private static void verb(JsonNode verb, String path) {
        requireObject(verb, path);
        Json.onlyProperties(verb, VERB, path);
        if (!verb.has("id")) {
            throw XapiException.badRequest(path + ".id is required");
        }
        Values.iri(verb.get("id"), path + ".id");
        if (verb.has("display")) {
            Values.languageMap(verb.get("display"), path + ".display");
        }
    }

    /** Checks the object; true when it is an Activity. */
    private static boolean object(JsonNode object, String path, boolean topLevel) {
        requireObject(object, path);
        var type = object.get("objectType");
        var name = type == null ? "Activity" : Values.text(type, path + ".objectType");
        switch (name) {
            case "Activity" -> activity(object, path);
            case "Agent", "Group" -> Agents.validate(object, path);
            case "StatementRef" -> {
                Json.onlyProperties(object, Set.of("objectType", "id"), path);
                if (!object.has("id")) {
                    throw XapiException.badRequest(path + ".id is required");
                }
                Values.uuid(Values.text(object.get("id"), path + ".id"), path + ".id");
            }
            case "SubStatement" -> {
                if (!topLevel) {
                    throw XapiException.badRequest(path + " a sub-statement cannot contain a sub-statement");
                }
                Json.onlyProperties(object, SUB_STATEMENT, path);
                body(object, path);
            }
            default -> throw XapiException.badRequest(path + ".objectType is not a known type: " + name);
        }
        return name.equals("Activity");
    }

    static void activity(JsonNode activity, String path) {
        requireObject(activity, path);
        Json.onlyProperties(activity, ACTIVITY, path);
        if (!activity.has("id")) {
            throw XapiException.badRequest(path + ".id is required");
        }
        Values.iri(activity.get("id"), path + ".id");
        if (activity.has("objectType")
                && !activity.get("objectType").asString("").equals("Activity")) {
            throw XapiException.badRequest(path + ".objectType must be Activity");
        }
        if (activity.has("definition")) {
            definition(activity.get("definition"), path + ".definition");
        }
    }

    private static void definition(JsonNode definition, String path) {
        requireObject(definition, path);
        Json.onlyProperties(definition, DEFINITION, path);
        for (var map : new String[] {"name", "description"}) {
            if (definition.has(map)) {
                Values.languageMap(definition.get(map), path + "." + map);
            }
        }
        if (definition.has("type")) {
            Values.iri(definition.get("type"), path + ".type");
        }
        if (definition.has("moreInfo")) {
            Values.iri(definition.get("moreInfo"), path + ".moreInfo");
        }
        if (definition.has("extensions")) {
            Values.extensions(definition.get("extensions"), path + ".extensions");
        }
        if (definition.has("interactionType")) {
            var type = Values.text(definition.get("interactionType"), path + ".interactionType");
            if (!INTERACTION_TYPES.contains(type)) {
                throw XapiException.badRequest(path + ".interactionType is not an xAPI interaction type: " + type);
            }
        }
        if (definition.has("correctResponsesPattern")) {
            if (!definition.has("interactionType")) {
                throw XapiException.badRequest(path + ".correctResponsesPattern needs an interactionType");
            }
            var pattern = definition.get("correctResponsesPattern");
            requireArray(pattern, path + ".correctResponsesPattern");
            pattern.forEach(p -> Values.text(p, path + ".correctResponsesPattern[]"));
        }
        for (var list : new String[] {"choices", "scale", "source", "target", "steps"}) {
            if (definition.has(list)) {
                if (!definition.has("interactionType")) {
                    throw XapiException.badRequest(path + "." + list + " needs an interactionType");
                }
                interactionComponents(definition.get(list), path + "." + list);
            }
        }
    }

    private static void interactionComponents(JsonNode components, String path) {
        requireArray(components, path);
        var ids = new java.util.HashSet<String>();
        for (var component : components) {
            requireObject(component, path + "[]");
            Json.onlyProperties(component, Set.of("id", "description"), path + "[]");
            if (!component.has("id")) {
                throw XapiException.badRequest(path + "[].id is required");
            }
            if (!ids.add(Values.text(component.get("id"), path + "[].id"))) {
                throw XapiException.badRequest(path + " ids must be unique");
            }
            if (component.has("description")) {
                Values.languageMap(component.get("description"), path + "[].description");
            }
        }
    }

    private static void result(JsonNode result, String path) {
        requireObject(result, path);
        Json.onlyProperties(result, RESULT, path);
        if (result.has("score")) {
            score(result.get("score"), path + ".score");
        }
        for (var flag : new String[] {"success", "completion"}) {
            if (result.has(flag) && !result.get(flag).isBoolean()) {
                throw XapiException.badRequest(path + "." + flag + " must be true or false");
            }
        }
        if (result.has("response")) {
            Values.text(result.get("response"), path + ".response");
        }
        if (result.has("duration") && !Values.isDuration(Values.text(result.get("duration"), path + ".duration"))) {
            throw XapiException.badRequest(path + ".duration must be an ISO 8601 duration");
        }
        if (result.has("extensions")) {
            Values.extensions(result.get("extensions"), path + ".extensions");
        }
    }

    private static void score(JsonNode score, String path) {
        requireObject(score, path);
        Json.onlyProperties(score, SCORE, path);
        for (var name : SCORE) {
            if (score.has(name) && !score.get(name).isNumber()) {
                throw XapiException.badRequest(path + "." + name + " must be a number");
            }
        }
        if (score.has("scaled")) {
            var scaled = score.get("scaled").doubleValue();
            if (scaled < -1 || scaled > 1) {
                throw XapiException.badRequest(path + ".scaled must be between -1 and 1");
            }
        }
        var min = score.has("min") ? score.get("min").doubleValue() : Double.NEGATIVE_INFINITY;
        var max = score.has("max") ? score.get("max").doubleValue() : Double.POSITIVE_INFINITY;
        if (score.has("min") && score.has("max") && min >= max) {
            throw XapiException.badRequest(path + ".min must be less than max");
        }
        if (score.has("raw")) {
            var raw = score.get("raw").doubleValue();
            if (raw < min || raw > max) {
                throw XapiException.badRequest(path + ".raw must be between min and max");
            }
        }
    }

    private static void context(JsonNode context, String path, boolean objectIsActivity) {
        requireObject(context, path);
        Json.onlyProperties(context, CONTEXT, path);
        if (context.has("registration")) {
            Values.uuid(Values.text(context.get("registration"), path + ".registration"), path + ".registration");
        }
        if (context.has("instructor")) {
            Agents.validate(context.get("instructor"), path + ".instructor");
        }
        if (context.has("team")) {
            if (!Agents.isGroup(context.get("team"))) {
                throw XapiException.badRequest(path + ".team must be a Group");
            }
            Agents.validate(context.get("team"), path + ".team");
        }
        if (context.has("contextActivities")) {
            var activities = context.get("contextActivities");
            requireObject(activities, path + ".contextActivities");
            Json.onlyProperties(activities, CONTEXT_ACTIVITIES, path + ".contextActivities");
            for (var entry : activities.properties()) {
                var p = path + ".contextActivities." + entry.getKey();
                if (entry.getValue().isArray()) {
                    entry.getValue().forEach(a -> activity(a, p + "[]"));
                } else {
                    activity(entry.getValue(), p);
                }
            }
        }
        for (var text : new String[] {"revision", "platform"}) {
            if (context.has(text)) {
                Values.text(context.get(text), path + "." + text);
                if (!objectIsActivity) {
                    throw XapiException.badRequest(
                            path + "." + text + " is allowed only when the object is an Activity");
                }
            }
        }
        if (context.has("language")
                && !Values.isLanguageTag(Values.text(context.get("language"), path + ".language"))) {
            throw XapiException.badRequest(path + ".language must be an RFC 5646 language tag");
        }
        if (context.has("statement")) {
            var ref = context.get("statement");
            requireObject(ref, path + ".statement");
            Json.onlyProperties(ref, Set.of("objectType", "id"), path + ".statement");
            if (!ref.path("objectType").asString("").equals("StatementRef") || !ref.has("id")) {
                throw XapiException.badRequest(path + ".statement must be a StatementRef");
            }
            Values.uuid(Values.text(ref.get("id"), path + ".statement.id"), path + ".statement.id");
        }
        if (context.has("extensions")) {
            Values.extensions(context.get("extensions"), path + ".extensions");
        }
    }

    private static void attachments(JsonNode attachments, String path) {
        requireArray(attachments, path);
        for (var attachment : attachments) {
            requireObject(attachment, path + "[]");
            Json.onlyProperties(attachment, ATTACHMENT, path + "[]");
            for (var required : new String[] {"usageType", "display", "contentType", "length", "sha2"}) {
                if (!attachment.has(required)) {
                    throw XapiException.badRequest(path + "[]." + required + " is required");
                }
            }
            Values.iri(attachment.get("usageType"), path + "[].usageType");
            Values.languageMap(attachment.get("display"), path + "[].display");
            if (attachment.has("description")) {
                Values.languageMap(attachment.get("description"), path + "[].description");
            }
            Values.text(attachment.get("contentType"), path + "[].contentType");
            if (!attachment.get("length").isIntegralNumber()) {
                throw XapiException.badRequest(path + "[].length must be an integer");
            }
            Values.text(attachment.get("sha2"), path + "[].sha2");
            if (attachment.has("fileUrl")) {
                Values.iri(attachment.get("fileUrl"), path + "[].fileUrl");
            }
        }
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw XapiException.badRequest(path + " must be an object");
        }
    }

    private static void requireArray(JsonNode node, String path) {
        if (!node.isArray()) {
            throw XapiException.badRequest(path + " must be an array");
        }
    }
}
