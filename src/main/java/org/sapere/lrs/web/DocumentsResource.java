package org.sapere.lrs.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sapere.lrs.domain.Agents;
import org.sapere.lrs.domain.Documents;
import org.sapere.lrs.domain.Json;
import org.sapere.lrs.domain.Values;
import org.sapere.lrs.domain.XapiException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state, activity profile and agent profile resources (Communication 2.3–2.6): documents with ETags,
 * If-Match / If-None-Match, and JSON merge on POST.
 */
@Component
class DocumentsResource {

    private final Documents documents;
    private final TransactionTemplate transactions;

    DocumentsResource(Documents documents, TransactionTemplate transactions) {
        this.documents = documents;
        this.transactions = transactions;
    }

    /** How one of the three resources names its scope and its document id. */
    private record Kind(String name, String idParam, Set<String> params) {}

    private static final Kind STATE =
            new Kind("state", "stateId", Set.of("activityId", "agent", "registration", "stateId", "since"));
    private static final Kind ACTIVITY_PROFILE =
            new Kind("activity", "profileId", Set.of("activityId", "profileId", "since"));
    private static final Kind AGENT_PROFILE = new Kind("agent", "profileId", Set.of("agent", "profileId", "since"));

    XapiResponse handle(XapiRequest request) {
        var kind = switch (request.resource()) {
            case "/activities/state" -> STATE;
            case "/activities/profile" -> ACTIVITY_PROFILE;
            default -> AGENT_PROFILE;
        };
        request.allowOnly(kind.params());
        var scope = scope(kind, request);
        var id = request.param(kind.idParam());
        var result = transactions.execute(status -> switch (request.method()) {
            case "GET", "HEAD" -> get(kind, scope, id, request);
            case "PUT" -> write(kind, scope, required(kind, id), request, false);
            case "POST" -> write(kind, scope, required(kind, id), request, true);
            case "DELETE" -> delete(kind, scope, id, request);
            default -> throw new XapiException(405, "documents do not allow " + request.method());
        });
        return java.util.Objects.requireNonNull(result);
    }

    private static Documents.Scope scope(Kind kind, XapiRequest request) {
        var activity = "";
        if (kind.params().contains("activityId")) {
            activity = request.required("activityId");
            if (!Values.isIri(activity)) {
                throw XapiException.badRequest("activityId must be an IRI");
            }
        }
        var agent = "";
        if (kind.params().contains("agent")) {
            var node = Json.parse(request.required("agent"));
            Agents.validate(node, "agent");
            var key = Agents.key(node);
            agent = key == null ? node.toString() : key;
        }
        var registration = request.param("registration");
        if (registration != null) {
            Values.uuid(registration, "registration");
        }
        return new Documents.Scope(
                kind.name(), activity, agent, registration == null ? "" : registration.toLowerCase());
    }

    private static String required(Kind kind, @Nullable String id) {
        if (id == null) {
            throw XapiException.badRequest("the parameter " + kind.idParam() + " is required");
        }
        return id;
    }

    private XapiResponse get(Kind kind, Documents.Scope scope, @Nullable String id, XapiRequest request) {
        if (id == null) {
            var since = request.param("since");
            var ids = documents.ids(scope, since == null ? null : Values.parseTimestamp(since));
            var array = Json.MAPPER.createArrayNode();
            ids.forEach(array::add);
            return XapiResponse.json(array);
        }
        if (request.param("since") != null) {
            throw XapiException.badRequest("since is not allowed with " + kind.idParam());
        }
        var document = documents.find(scope, id).orElseThrow(() -> XapiException.notFound("no document " + id));
        return XapiResponse.of(document.contentType(), document.content())
                .with("ETag", "\"" + document.etag() + "\"")
                .with("Last-Modified", StatementsResource.HTTP_DATE.format(document.updated()));
    }

    private XapiResponse write(Kind kind, Documents.Scope scope, String id, XapiRequest request, boolean merge) {
        if (request.param("since") != null) {
            throw XapiException.badRequest("since is allowed only when reading");
        }
        var existing = documents.find(scope, id);
        checkPreconditions(request, existing.map(Documents.Document::etag).orElse(null));
        if (!merge
                && !kind.name().equals("state")
                && request.header("if-match") == null
                && request.header("if-none-match") == null) {
            // See ADR 0004: a profile is replaced only with a precondition; 409 when one exists, 400 otherwise.
            throw existing.isPresent()
                    ? XapiException.conflict("the document exists: send If-Match or If-None-Match")
                    : XapiException.badRequest("PUT on a profile needs If-Match or If-None-Match");
        }
        var contentType = request.contentType().isEmpty() ? "application/octet-stream" : request.contentType();
        var content = request.body();
        if (merge && existing.isPresent()) {
            var old = existing.get();
            if (!request.isJson() || !old.contentType().toLowerCase().startsWith("application/json")) {
                throw XapiException.badRequest("POST merges JSON documents only");
            }
            var stored = Json.parse(old.content());
            var sent = Json.parse(content);
            if (!(stored instanceof ObjectNode target) || !sent.isObject()) {
                throw XapiException.badRequest("POST merges JSON objects only");
            }
            sent.forEachEntry(target::set);
            content = Json.MAPPER.writeValueAsBytes(target);
            contentType = "application/json";
        } else if (merge && request.isJson()) {
            JsonNode sent = Json.parse(content);
            if (!sent.isObject()) {
                throw XapiException.badRequest("POST takes a JSON object");
            }
        }
        documents.save(scope, id, contentType, content, sha1(content));
        return XapiResponse.noContent();
    }

    private XapiResponse delete(Kind kind, Documents.Scope scope, @Nullable String id, XapiRequest request) {
        if (id == null) {
            if (!kind.name().equals("state")) {
                throw XapiException.badRequest("the parameter " + kind.idParam() + " is required");
            }
            documents.deleteAll(scope);
            return XapiResponse.noContent();
        }
        var existing = documents.find(scope, id);
        checkPreconditions(request, existing.map(Documents.Document::etag).orElse(null));
        documents.delete(scope, id);
        return XapiResponse.noContent();
    }

    /** If-Match needs the current ETag (or "*" and any document); If-None-Match: * needs no document. */
    private static void checkPreconditions(XapiRequest request, @Nullable String etag) {
        var ifMatch = request.header("if-match");
        if (ifMatch != null && (etag == null || !matches(ifMatch, etag))) {
            throw XapiException.preconditionFailed("If-Match does not match the document's ETag");
        }
        var ifNoneMatch = request.header("if-none-match");
        if (ifNoneMatch != null && etag != null && matches(ifNoneMatch, etag)) {
            throw XapiException.preconditionFailed("If-None-Match: the document exists");
        }
    }

    private static boolean matches(String header, String etag) {
        for (var tag : header.split(",")) {
            var t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            t = t.replace("\"", "");
            if (t.equals("*") || t.equalsIgnoreCase(etag)) {
                return true;
            }
        }
        return false;
    }

    static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
