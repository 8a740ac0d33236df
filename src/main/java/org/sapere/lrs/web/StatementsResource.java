package org.sapere.lrs.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.lrs.LrsClient;
import org.sapere.lrs.domain.Agents;
import org.sapere.lrs.domain.AttachmentPart;
import org.sapere.lrs.domain.Formats;
import org.sapere.lrs.domain.Json;
import org.sapere.lrs.domain.StatementQuery;
import org.sapere.lrs.domain.StatementStore;
import org.sapere.lrs.domain.StoredStatement;
import org.sapere.lrs.domain.Values;
import org.sapere.lrs.domain.XapiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The statements resource (Communication 2.1): PUT, POST, GET by id and queries with paging. */
@Component
class StatementsResource {

    static final int MAX_LIMIT = 500;
    private static final Set<String> QUERY_PARAMS = Set.of(
            "statementId",
            "voidedStatementId",
            "agent",
            "verb",
            "activity",
            "registration",
            "related_activities",
            "related_agents",
            "since",
            "until",
            "limit",
            "format",
            "attachments",
            "ascending",
            "more");
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).withLocale(Locale.ROOT);

    private final StatementStore store;
    private final String homePage;

    StatementsResource(StatementStore store, @Value("${sapere.lrs.home-page:http://localhost:8080}") String homePage) {
        this.store = store;
        this.homePage = homePage;
    }

    XapiResponse handle(XapiRequest request) {
        return switch (request.method()) {
            case "PUT" -> put(request);
            case "POST" -> post(request);
            case "GET", "HEAD" -> get(request);
            default -> throw new XapiException(405, "the statements resource does not allow " + request.method());
        };
    }

    private XapiResponse put(XapiRequest request) {
        request.allowOnly(Set.of("statementId"));
        var id = Values.uuid(request.required("statementId"), "statementId");
        var body = body(request);
        if (!body.json().isObject()) {
            throw XapiException.badRequest("PUT takes one statement");
        }
        var sentId = body.json().get("id");
        if (sentId != null && !(sentId.isString() && sentId.stringValue().equalsIgnoreCase(id.toString()))) {
            throw XapiException.badRequest("the statement's id differs from statementId");
        }
        ((tools.jackson.databind.node.ObjectNode) body.json()).put("id", id.toString());
        store.store(List.of(body.json()), authority(request.client()), clientId(request), body.parts());
        return XapiResponse.noContent();
    }

    private XapiResponse post(XapiRequest request) {
        request.allowOnly(Set.of());
        var body = body(request);
        var batch = new ArrayList<JsonNode>();
        if (body.json().isArray()) {
            body.json().forEach(batch::add);
        } else {
            batch.add(body.json());
        }
        if (batch.isEmpty()) {
            throw XapiException.badRequest("the batch is empty");
        }
        var ids = store.store(batch, authority(request.client()), clientId(request), body.parts());
        var answer = Json.MAPPER.createArrayNode();
        ids.forEach(id -> answer.add(id.toString()));
        return XapiResponse.json(answer);
    }

    private record Body(JsonNode json, Map<String, AttachmentPart> parts) {}

    private static Body body(XapiRequest request) {
        if (Multipart.is(request.contentType())) {
            var parts = Multipart.parse(request.contentType(), request.body());
            if (parts.isEmpty() || !parts.getFirst().header("content-type").startsWith("application/json")) {
                throw XapiException.badRequest("the first part must be the statements as application/json");
            }
            var attachments = new LinkedHashMap<String, AttachmentPart>();
            for (var part : parts.subList(1, parts.size())) {
                var sha2 = part.header("x-experience-api-hash");
                if (sha2.isEmpty()) {
                    throw XapiException.badRequest("each attachment part needs an X-Experience-API-Hash header");
                }
                if (!part.header("content-transfer-encoding").equalsIgnoreCase("binary")) {
                    throw XapiException.badRequest("each attachment part needs Content-Transfer-Encoding: binary");
                }
                if (!sha2.equalsIgnoreCase(sha2(part.content(), sha2.length()))) {
                    throw XapiException.badRequest("the part's content does not match its hash " + sha2);
                }
                var type = part.header("content-type");
                attachments.put(
                        sha2,
                        new AttachmentPart(sha2, type.isEmpty() ? "application/octet-stream" : type, part.content()));
            }
            return new Body(Json.parse(parts.getFirst().content()), attachments);
        }
        if (!request.isJson()) {
            throw XapiException.badRequest("statements are sent as application/json or multipart/mixed");
        }
        return new Body(Json.parse(request.body()), Map.of());
    }

    private XapiResponse get(XapiRequest request) {
        request.allowOnly(QUERY_PARAMS);
        var params = request.params();
        var attachments = bool(params, "attachments");
        var format = params.getOrDefault("format", "exact");
        if (!Set.of("exact", "ids", "canonical").contains(format)) {
            throw XapiException.badRequest("format must be exact, ids or canonical");
        }
        var languages = languages(request.header("accept-language"));
        var consistent = Instant.now();
        if (params.containsKey("statementId") || params.containsKey("voidedStatementId")) {
            if (params.containsKey("statementId") && params.containsKey("voidedStatementId")
                    || params.keySet().stream()
                            .anyMatch(p -> !Set.of("statementId", "voidedStatementId", "attachments", "format")
                                    .contains(p))) {
                throw XapiException.badRequest("statementId and voidedStatementId allow only format and attachments");
            }
            var voided = params.containsKey("voidedStatementId");
            var id = Values.uuid(params.get(voided ? "voidedStatementId" : "statementId"), "statementId");
            var found = store.find(id, voided).orElseThrow(() -> XapiException.notFound("no statement " + id));
            var json = Formats.apply(found.statement(), format, languages);
            return respond(Json.MAPPER.writeValueAsBytes(json), List.of(json), attachments)
                    .with("Last-Modified", HTTP_DATE.format(found.stored()))
                    .with("X-Experience-API-Consistent-Through", Values.format(consistent));
        }
        var query = query(params);
        var page = store.query(query);
        var more = page.more() ? more(params, page.statements().getLast()) : "";
        if (format.equals("exact") && !attachments) {
            return XapiResponse.of("application/json", exactPage(page.statements(), more))
                    .with("Last-Modified", HTTP_DATE.format(consistent))
                    .with("X-Experience-API-Consistent-Through", Values.format(consistent));
        }
        var result = Json.MAPPER.createObjectNode();
        var list = result.putArray("statements");
        var formatted = new ArrayList<JsonNode>();
        for (StoredStatement s : page.statements()) {
            var json = Formats.apply(s.statement(), format, languages);
            list.add(json);
            formatted.add(json);
        }
        result.put("more", more);
        return respond(Json.MAPPER.writeValueAsBytes(result), formatted, attachments)
                .with("Last-Modified", HTTP_DATE.format(consistent))
                .with("X-Experience-API-Consistent-Through", Values.format(consistent));
    }

    /** A page in the exact format: the statements as the store holds their text, not parsed and written again. */
    private static byte[] exactPage(List<StoredStatement> statements, String more) {
        var body = new StringBuilder(statements.size() * 1024 + 256).append("{\"statements\":[");
        for (int i = 0; i < statements.size(); i++) {
            body.append(i == 0 ? "" : ",").append(statements.get(i).json());
        }
        body.append("],\"more\":").append(Json.MAPPER.writeValueAsString(more)).append('}');
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private XapiResponse respond(byte[] json, List<JsonNode> statements, boolean attachments) {
        if (!attachments) {
            return XapiResponse.of("application/json", json);
        }
        var parts = new ArrayList<Multipart.Part>();
        for (var part : store.attachmentsOf(statements).values()) {
            var headers = new LinkedHashMap<String, String>();
            headers.put("Content-Type", part.contentType());
            headers.put("Content-Transfer-Encoding", "binary");
            headers.put("X-Experience-API-Hash", part.sha2());
            parts.add(new Multipart.Part(headers, part.content()));
        }
        return Multipart.write(json, parts);
    }

    private static StatementQuery query(Map<String, String> given) {
        var params = new HashMap<>(given);
        Long after = null;
        Instant afterStored = null;
        if (params.containsKey("more")) {
            if (params.size() > 1) {
                throw XapiException.badRequest("more takes no other parameters");
            }
            var cursor = Json.parse(new String(decodeMore(params.remove("more")), StandardCharsets.UTF_8));
            after = cursor.path("after").asLong();
            afterStored = cursor.has("stored")
                    ? Values.parseTimestamp(cursor.path("stored").asString())
                    : null;
            cursor.path("params").forEachEntry((k, v) -> params.put(k, v.asString()));
        }
        String agent = null;
        if (params.containsKey("agent")) {
            var node = Json.parse(params.get("agent"));
            Agents.validate(node, "agent");
            agent = Agents.key(node);
            if (agent == null) {
                throw XapiException.badRequest("agent must be identified");
            }
        }
        var verb = params.get("verb");
        if (verb != null && !Values.isIri(verb)) {
            throw XapiException.badRequest("verb must be an IRI");
        }
        var activity = params.get("activity");
        if (activity != null && !Values.isIri(activity)) {
            throw XapiException.badRequest("activity must be an IRI");
        }
        var registration =
                params.containsKey("registration") ? Values.uuid(params.get("registration"), "registration") : null;
        var limit = MAX_LIMIT;
        if (params.containsKey("limit")) {
            try {
                limit = Integer.parseInt(params.get("limit"));
            } catch (NumberFormatException e) {
                throw XapiException.badRequest("limit must be a whole number");
            }
            if (limit < 0) {
                throw XapiException.badRequest("limit must not be negative");
            }
            if (limit == 0 || limit > MAX_LIMIT) {
                limit = MAX_LIMIT;
            }
        }
        return new StatementQuery(
                agent,
                verb,
                activity,
                registration,
                bool(params, "related_activities"),
                bool(params, "related_agents"),
                params.containsKey("since") ? Values.parseTimestamp(params.get("since")) : null,
                params.containsKey("until") ? Values.parseTimestamp(params.get("until")) : null,
                limit,
                bool(params, "ascending"),
                afterStored,
                after);
    }

    /** The address of the next page: the query's parameters and the cursor, in one opaque parameter. */
    private static String more(Map<String, String> given, StoredStatement last) {
        var params = new HashMap<>(given);
        if (params.containsKey("more")) {
            var cursor = Json.parse(new String(decodeMore(params.remove("more")), StandardCharsets.UTF_8));
            cursor.path("params").forEachEntry((k, v) -> params.put(k, v.asString()));
        }
        var cursor = Json.MAPPER.createObjectNode();
        cursor.put("after", last.seq());
        cursor.put("stored", Values.format(last.stored()));
        var saved = cursor.putObject("params");
        params.forEach(saved::put);
        return "/xapi/statements?more="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(Json.MAPPER.writeValueAsBytes(cursor));
    }

    private static byte[] decodeMore(String token) {
        try {
            return Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw XapiException.badRequest("more is not a link this store gave");
        }
    }

    private static boolean bool(Map<String, String> params, String name) {
        var value = params.get(name);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw XapiException.badRequest(name + " must be true or false");
        };
    }

    private static List<Locale.LanguageRange> languages(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private JsonNode authority(@Nullable LrsClient client) {
        var authority = Json.MAPPER.createObjectNode();
        authority.put("objectType", "Agent");
        authority.put("name", client == null ? "anonymous" : client.name());
        var account = authority.putObject("account");
        account.put("homePage", homePage + "/xapi/clients");
        account.put("name", client == null ? "anonymous" : client.key());
        return authority;
    }

    private static UUID clientId(XapiRequest request) {
        return request.client() == null ? new UUID(0, 0) : request.client().id().value();
    }

    /** The SHA-2 digest (SHA-256, -384 or -512, by the length of the hex the sender gave) in hex. */
    static String sha2(byte[] content, int hexLength) {
        var algorithm = hexLength == 96 ? "SHA-384" : hexLength == 128 ? "SHA-512" : "SHA-256";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
