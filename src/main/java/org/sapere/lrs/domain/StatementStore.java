package org.sapere.lrs.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores statements as xAPI 1.0.3 says: all of a batch or none, ids assigned where missing, stored, authority and
 * version set by the store, a re-sent id accepted only with the same statement, voiding applied.
 */
@Service
public class StatementStore {

    private static final String SIGNATURE = "http://adlnet.gov/expapi/attachments/signature";

    private final Statements statements;
    private final Attachments attachments;

    StatementStore(Statements statements, Attachments attachments) {
        this.statements = statements;
        this.attachments = attachments;
    }

    /** How many of these statement ids are stored. */
    public int countStored(java.util.Collection<UUID> ids) {
        return statements.count(ids);
    }

    /** A page of a query: the statements and whether more follow. */
    public record Page(List<StoredStatement> statements, boolean more) {}

    /**
     * Validates and stores the statements; returns their ids in order. Nothing is stored if any of them is invalid
     * or conflicts with a stored statement.
     */
    @Transactional
    public List<UUID> store(List<JsonNode> batch, JsonNode authority, UUID client, Map<String, AttachmentPart> parts) {
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var ids = new ArrayList<UUID>();
        var byId = new LinkedHashMap<UUID, ObjectNode>();
        for (var node : batch) {
            StatementValidator.validate(node);
            var statement = (ObjectNode) node;
            var id = statement.has("id") ? UUID.fromString(statement.get("id").asString()) : UUID.randomUUID();
            if (byId.containsKey(id)) {
                throw XapiException.badRequest("the batch has the statement id " + id + " twice");
            }
            byId.put(id, statement);
            ids.add(id);
        }
        checkAttachments(byId.values(), parts);
        var found = statements.lookUp(byId.keySet());
        var existing = found.existing();
        var toStore = new LinkedHashMap<UUID, ObjectNode>();
        for (var entry : byId.entrySet()) {
            var stored = existing.get(entry.getKey());
            if (stored == null) {
                toStore.put(entry.getKey(), entry.getValue());
            } else if (!Sameness.same(entry.getValue(), stored)) {
                throw XapiException.conflict("a different statement with the id " + entry.getKey() + " is stored");
            }
        }
        var voided = voidingTargets(toStore.values());
        var rows = new ArrayList<Statements.Row>(toStore.size());
        for (var entry : toStore.entrySet()) {
            var statement = entry.getValue();
            statement.put("id", entry.getKey().toString());
            statement.put("stored", Values.format(now));
            if (!statement.has("timestamp")) {
                statement.put("timestamp", Values.format(now));
            }
            statement.set("authority", authority);
            contextActivitiesAsArrays(statement);
            if (statement.get("object") instanceof ObjectNode object && object.has("context")) {
                contextActivitiesAsArrays(object);
            }
            if (!statement.has("version")) {
                statement.put("version", "1.0.0");
            }
            rows.add(StatementIndex.row(entry.getKey(), statement, Json.MAPPER.writeValueAsString(statement)));
        }
        if (!rows.isEmpty()) {
            var chainKeys = chainKeys(rows, found.referencing());
            statements.insert(rows, now, client, Activities.definitions(toStore.values()));
            statements.insertRefKeys(chainKeys);
            statements.markVoided(voided);
            attachments.save(parts.values());
        }
        return ids;
    }

    /**
     * The filter keys each statement whose object is a StatementRef gets from the statements of its chain: the new
     * ones from their targets (new or stored), and stored ones whose chain reaches a new statement (sent before
     * their target) from that statement and its own chain.
     */
    private Map<UUID, Set<String>> chainKeys(List<Statements.Row> rows, Map<UUID, List<UUID>> referencing) {
        var byId = new HashMap<UUID, Statements.Row>();
        rows.forEach(row -> byId.put(row.id(), row));
        var keys = new HashMap<UUID, Set<String>>();
        for (var row : rows) {
            var target = row.target();
            var seen = new HashSet<UUID>();
            var chain = new LinkedHashSet<String>();
            while (target != null && seen.size() < 16 && seen.add(target)) {
                var member = byId.containsKey(target) ? byId.get(target) : storedRow(target);
                if (member == null) {
                    break;
                }
                chain.addAll(member.filterKeys());
                target = member.target();
            }
            if (!chain.isEmpty()) {
                keys.put(row.id(), chain);
            }
        }
        referencing.forEach((origin, ids) -> {
            if (!byId.containsKey(origin)) {
                return; // a statement sent again: its chain keys are stored already
            }
            var chain = new LinkedHashSet<>(byId.get(origin).filterKeys());
            chain.addAll(keys.getOrDefault(origin, Set.of()));
            ids.forEach(
                    id -> keys.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(chain));
        });
        return keys;
    }

    private Statements.@Nullable Row storedRow(UUID id) {
        var stored = statements.existing(List.of(id)).get(id);
        return stored == null ? null : StatementIndex.row(id, stored, "");
    }

    /** A single context activity is stored (and returned) as an array of one (Data 2.4.6.2). */
    private static void contextActivitiesAsArrays(ObjectNode statement) {
        if (statement.path("context").get("contextActivities") instanceof ObjectNode activities) {
            for (var name : List.copyOf(activities.propertyNames())) {
                var value = activities.get(name);
                if (value.isObject()) {
                    activities.set(name, Json.MAPPER.createArrayNode().add(value));
                }
            }
        }
    }

    /** Every attachment without a fileUrl must come as a part, and every part must belong to an attachment. */
    private static void checkAttachments(Iterable<ObjectNode> batch, Map<String, AttachmentPart> parts) {
        var declared = new HashSet<String>();
        for (var statement : batch) {
            for (var attachment : attachmentsOf(statement)) {
                var sha2 = attachment.get("sha2").asString();
                declared.add(sha2);
                if (!attachment.has("fileUrl") && !parts.containsKey(sha2)) {
                    throw XapiException.badRequest("no data sent for the attachment " + sha2);
                }
                if (attachment.get("usageType").asString().equals(SIGNATURE) && parts.containsKey(sha2)) {
                    Signatures.verify(statement, parts.get(sha2));
                }
            }
        }
        for (var sha2 : parts.keySet()) {
            if (!declared.contains(sha2)) {
                throw XapiException.badRequest("a part has no matching attachment: " + sha2);
            }
        }
    }

    private static List<JsonNode> attachmentsOf(JsonNode statement) {
        var found = new ArrayList<JsonNode>();
        statement.path("attachments").forEach(found::add);
        statement.path("object").path("attachments").forEach(found::add);
        return found;
    }

    /** The ids voided by these statements; a voiding statement itself cannot be voided. */
    private Set<UUID> voidingTargets(Iterable<ObjectNode> batch) {
        var targets = new HashSet<UUID>();
        for (var statement : batch) {
            if (statement.path("verb").path("id").asString("").equals(StatementValidator.VOIDED)) {
                targets.add(UUID.fromString(statement.path("object").path("id").asString()));
            }
        }
        for (var target : statements.existing(targets).values()) {
            if (target.path("verb").path("id").asString("").equals(StatementValidator.VOIDED)) {
                throw XapiException.badRequest("a voiding statement cannot be voided");
            }
        }
        return targets;
    }

    public Optional<StoredStatement> find(UUID id, boolean voided) {
        return statements.find(id, voided);
    }

    public Page query(StatementQuery query) {
        var found = statements.query(query);
        var more = found.size() > query.limit();
        return new Page(more ? found.subList(0, query.limit()) : found, more);
    }

    /** The raw data of the attachments of these statements, by SHA-2. */
    public Map<String, AttachmentPart> attachmentsOf(List<JsonNode> found) {
        var sha2s = new HashSet<String>();
        found.forEach(
                s -> attachmentsOf(s).forEach(a -> sha2s.add(a.path("sha2").asString())));
        return sha2s.isEmpty() ? new HashMap<>() : attachments.find(sha2s);
    }
}
