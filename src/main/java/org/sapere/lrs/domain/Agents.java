package org.sapere.lrs.domain;

import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Agents and groups: their validation and the key ("mbox:mailto:…") that identifies one in the indexes. */
public final class Agents {

    private static final Set<String> AGENT_PROPERTIES =
            Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP_PROPERTIES =
            Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member");
    private static final Pattern SHA1 = Pattern.compile("^[0-9a-fA-F]{40}$");

    private Agents() {}

    /** Checks an Agent or Group (by its objectType, Agent when absent). */
    public static void validate(JsonNode node, String path) {
        if (!node.isObject()) {
            throw XapiException.badRequest(path + " must be an Agent or Group object");
        }
        var type = node.get("objectType");
        if (type != null && type.isString() && type.stringValue().equals("Group")) {
            validateGroup(node, path);
        } else if (type == null || (type.isString() && type.stringValue().equals("Agent"))) {
            validateAgent(node, path);
        } else {
            throw XapiException.badRequest(path + ".objectType must be Agent or Group");
        }
    }

    public static void validateAgent(JsonNode node, String path) {
        if (!node.isObject()) {
            throw XapiException.badRequest(path + " must be an Agent object");
        }
        Json.onlyProperties(node, AGENT_PROPERTIES, path);
        var type = node.get("objectType");
        if (type != null && !(type.isString() && type.stringValue().equals("Agent"))) {
            throw XapiException.badRequest(path + ".objectType must be Agent");
        }
        if (node.has("name")) {
            Values.text(node.get("name"), path + ".name");
        }
        if (identifiers(node, path) != 1) {
            throw XapiException.badRequest(path + " must have exactly one of mbox, mbox_sha1sum, openid, account");
        }
    }

    private static void validateGroup(JsonNode node, String path) {
        Json.onlyProperties(node, GROUP_PROPERTIES, path);
        if (node.has("name")) {
            Values.text(node.get("name"), path + ".name");
        }
        var ids = identifiers(node, path);
        if (ids > 1) {
            throw XapiException.badRequest(path + " must have at most one of mbox, mbox_sha1sum, openid, account");
        }
        var member = node.get("member");
        if (member != null) {
            if (!member.isArray()) {
                throw XapiException.badRequest(path + ".member must be an array");
            }
            var i = 0;
            for (var m : member) {
                validateAgent(m, path + ".member[" + i++ + "]");
            }
        }
        if (ids == 0 && (member == null || member.isEmpty())) {
            throw XapiException.badRequest(path + " is an anonymous group and must list its members");
        }
    }

    private static int identifiers(JsonNode node, String path) {
        var count = 0;
        var mbox = node.get("mbox");
        if (mbox != null) {
            var value = Values.text(mbox, path + ".mbox");
            if (!value.startsWith("mailto:") || value.length() < 8 || !value.contains("@")) {
                throw XapiException.badRequest(path + ".mbox must be a mailto: IRI");
            }
            count++;
        }
        var sha1 = node.get("mbox_sha1sum");
        if (sha1 != null) {
            if (!SHA1.matcher(Values.text(sha1, path + ".mbox_sha1sum")).matches()) {
                throw XapiException.badRequest(path + ".mbox_sha1sum must be a hex SHA-1");
            }
            count++;
        }
        var openid = node.get("openid");
        if (openid != null) {
            Values.iri(openid, path + ".openid");
            count++;
        }
        var account = node.get("account");
        if (account != null) {
            if (!account.isObject()) {
                throw XapiException.badRequest(path + ".account must be an object");
            }
            Json.onlyProperties(account, Set.of("homePage", "name"), path + ".account");
            if (!account.has("homePage") || !account.has("name")) {
                throw XapiException.badRequest(path + ".account needs homePage and name");
            }
            Values.iri(account.get("homePage"), path + ".account.homePage");
            Values.text(account.get("name"), path + ".account.name");
            count++;
        }
        return count;
    }

    /**
     * The key of an identified agent or group, e.g. {@code Agent mbox:mailto:ada@example.org}; null for an
     * anonymous group. Agents and groups are the same when their type and identifier are.
     */
    public static @Nullable String key(JsonNode node) {
        var type = isGroup(node) ? "Group " : "Agent ";
        if (node.hasNonNull("mbox")) {
            return type + "mbox:" + node.get("mbox").asString();
        }
        if (node.hasNonNull("mbox_sha1sum")) {
            return type + "sha1:" + node.get("mbox_sha1sum").asString().toLowerCase(java.util.Locale.ROOT);
        }
        if (node.hasNonNull("openid")) {
            return type + "openid:" + node.get("openid").asString();
        }
        var account = node.get("account");
        if (account != null && account.isObject()) {
            return type + "account:" + account.path("homePage").asString() + "|"
                    + account.path("name").asString();
        }
        return null;
    }

    public static boolean isGroup(JsonNode node) {
        return node.path("objectType").asString("").equals("Group");
    }
}
