package org.sapere.lrs.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * Statements in the {@code lrs} schema: the statement as jsonb, the filter columns beside it, and the agents and
 * activities it mentions in child tables. A batch is written in four statements whatever its size (arrays through
 * {@code unnest}).
 */
@Repository
public class Statements {

    private final JdbcClient jdbc;

    Statements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A statement ready to store, with its index entries. */
    public record Row(
            UUID id,
            String verb,
            @Nullable UUID registration,
            @Nullable UUID target,
            String json,
            List<String> agents,
            List<String> relatedAgents,
            List<String> activities,
            List<String> relatedActivities) {

        /** The keys under which a statement whose chain holds this one is found (see {@code statement_ref_key}). */
        Set<String> filterKeys() {
            var keys = new LinkedHashSet<String>();
            keys.add("verb " + verb);
            if (registration != null) {
                keys.add("registration " + registration);
            }
            agents.forEach(a -> keys.add("agent " + a));
            agents.forEach(a -> keys.add("related-agent " + a));
            relatedAgents.forEach(a -> keys.add("related-agent " + a));
            activities.forEach(a -> keys.add("activity " + a));
            activities.forEach(a -> keys.add("related-activity " + a));
            relatedActivities.forEach(a -> keys.add("related-activity " + a));
            return keys;
        }
    }

    /** Writes the statements and their index rows: one SQL statement per table, whatever the batch size. */
    public void insert(List<Row> rows, Instant stored, UUID client, Activities.Definitions definitions) {
        int n = rows.size();
        var ids = new UUID[n];
        var verbs = new String[n];
        var registrations = new UUID[n];
        var targets = new UUID[n];
        var json = new String[n];
        for (int i = 0; i < n; i++) {
            var row = rows.get(i);
            ids[i] = row.id();
            verbs[i] = row.verb();
            registrations[i] = row.registration();
            targets[i] = row.target();
            json[i] = row.json();
        }
        var agents = new IndexRows();
        var activities = new IndexRows();
        for (var row : rows) {
            agents.add(row.id(), row.agents(), row.relatedAgents());
            activities.add(row.id(), row.activities(), row.relatedActivities());
        }
        var at = Timestamp.from(stored);
        // One round trip: the statements, their index rows joined to the seqs the statements got, and the
        // activity definitions. Only definitions that change what the store holds are written (and their rows
        // locked): most statements repeat a known definition, and concurrent writers would otherwise queue on its
        // row until commit.
        jdbc.sql("""
                WITH d AS (
                    INSERT INTO lrs.activity (id, definition)
                    SELECT n.id, n.definition FROM unnest(?::text[], ?::text[]::jsonb[]) AS n(id, definition)
                    LEFT JOIN lrs.activity a ON a.id = n.id
                    WHERE a.id IS NULL OR lrs.merge_definition(a.definition, n.definition) IS DISTINCT FROM a.definition
                    ORDER BY n.id
                    ON CONFLICT (id) DO UPDATE
                    SET definition = lrs.merge_definition(lrs.activity.definition, excluded.definition)),
                s AS (
                    INSERT INTO lrs.statement (id, stored, verb_id, registration, target_statement_id, client_id, statement)
                    SELECT id, ?, verb, reg, target, ?, doc::jsonb
                    FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[]) AS t(id, verb, reg, target, doc)
                    RETURNING id, seq),
                a AS (
                    INSERT INTO lrs.statement_agent (seq, agent, direct, stored)
                    SELECT s.seq, u.key, u.direct, ? FROM unnest(?::uuid[], ?::text[], ?::boolean[]) AS u(id, key, direct)
                    JOIN s ON s.id = u.id)
                INSERT INTO lrs.statement_activity (seq, activity_id, direct, stored)
                SELECT s.seq, u.key, u.direct, ? FROM unnest(?::uuid[], ?::text[], ?::boolean[]) AS u(id, key, direct)
                JOIN s ON s.id = u.id""")
                .param(definitions.ids())
                .param(definitions.json())
                .param(at)
                .param(client)
                .param(ids)
                .param(verbs)
                .param(registrations)
                .param(targets)
                .param(json)
                .param(at)
                .param(agents.ids.toArray(UUID[]::new))
                .param(agents.keys.toArray(String[]::new))
                .param(agents.direct.toArray(Boolean[]::new))
                .param(at)
                .param(activities.ids.toArray(UUID[]::new))
                .param(activities.keys.toArray(String[]::new))
                .param(activities.direct.toArray(Boolean[]::new))
                .update();
    }

    /** Index rows of a batch as parallel arrays: each key once per statement, direct when it is direct anywhere. */
    private static final class IndexRows {
        private final List<UUID> ids = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final List<Boolean> direct = new ArrayList<>();

        void add(UUID id, List<String> directKeys, List<String> relatedKeys) {
            var seen = new HashSet<String>();
            for (var key : directKeys) {
                if (seen.add(key)) {
                    ids.add(id);
                    keys.add(key);
                    direct.add(true);
                }
            }
            for (var key : relatedKeys) {
                if (seen.add(key)) {
                    ids.add(id);
                    keys.add(key);
                    direct.add(false);
                }
            }
        }
    }

    /** Files statements under the filter keys of their chains (statements whose object is a StatementRef). */
    public void insertRefKeys(Map<UUID, Set<String>> keysById) {
        var ids = new ArrayList<UUID>();
        var keys = new ArrayList<String>();
        keysById.forEach((id, set) -> set.forEach(key -> {
            ids.add(id);
            keys.add(key);
        }));
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO lrs.statement_ref_key (key, stored, seq)
                    SELECT k.key, s.stored, s.seq FROM unnest(?::uuid[], ?::text[]) AS k(id, key)
                    JOIN lrs.statement s ON s.id = k.id
                    ON CONFLICT DO NOTHING""")
                    .param(ids.toArray(UUID[]::new))
                    .param(keys.toArray(String[]::new))
                    .update();
        }
    }

    /**
     * What the store holds about the ids of a batch, in one round trip: the statements already stored under them,
     * and the stored statements that target one of them through a chain of StatementRefs (sent before it), by the
     * id they reach.
     */
    public record LookUp(Map<UUID, JsonNode> existing, Map<UUID, List<UUID>> referencing) {}

    public LookUp lookUp(Collection<UUID> ids) {
        var existing = new HashMap<UUID, JsonNode>();
        var referencing = new HashMap<UUID, List<UUID>>();
        jdbc.sql("""
                SELECT id, statement::text, NULL::uuid FROM lrs.statement WHERE id = ANY(?::uuid[])
                UNION ALL
                (WITH RECURSIVE up(id, origin, depth) AS (
                    SELECT s.id, s.target_statement_id, 1 FROM lrs.statement s
                    WHERE s.target_statement_id = ANY(?::uuid[])
                    UNION ALL
                    SELECT s.id, up.origin, up.depth + 1 FROM up JOIN lrs.statement s ON s.target_statement_id = up.id
                    WHERE up.depth < 16)
                SELECT DISTINCT id, NULL, origin FROM up)""")
                .param(ids.toArray(UUID[]::new))
                .param(ids.toArray(UUID[]::new))
                .query((rs, i) -> {
                    var id = rs.getObject(1, UUID.class);
                    var json = rs.getString(2);
                    if (json != null) {
                        existing.put(id, Json.parse(json));
                    } else {
                        referencing
                                .computeIfAbsent(rs.getObject(3, UUID.class), k -> new ArrayList<>())
                                .add(id);
                    }
                    return id;
                })
                .list();
        return new LookUp(existing, referencing);
    }

    /** The stored statements among these ids, by id (voided or not). */
    public Map<UUID, JsonNode> existing(Collection<UUID> ids) {
        var found = new HashMap<UUID, JsonNode>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT id, statement::text FROM lrs.statement WHERE id = ANY(?::uuid[])")
                .param(ids.toArray(UUID[]::new))
                .query((rs, i) -> found.put(rs.getObject(1, UUID.class), Json.parse(rs.getString(2))))
                .list();
        return found;
    }

    public int count(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM lrs.statement WHERE id = ANY(?::uuid[])")
                .param(ids.toArray(UUID[]::new))
                .query(Integer.class)
                .single();
    }

    public void markVoided(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE lrs.statement SET voided = true WHERE id = ANY(?::uuid[]) AND NOT voided")
                    .param(ids.toArray(UUID[]::new))
                    .update();
        }
    }

    public Optional<StoredStatement> find(UUID id, boolean voided) {
        return jdbc.sql("SELECT seq, stored, statement::text FROM lrs.statement WHERE id = ? AND voided = ?")
                .param(id)
                .param(voided)
                .query((rs, i) ->
                        new StoredStatement(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }

    /**
     * Up to {@code query.limit() + 1} statements in stored order: one more than a page tells whether there is a
     * next page. The statements that match themselves come from the index of the most selective filter; those that
     * match through their StatementRef chain come from {@code statement_ref_key} and are checked exactly.
     */
    public List<StoredStatement> query(StatementQuery query) {
        var params = new ArrayList<Object>();
        var sql = new StringBuilder();
        sql.append("(").append(direct(query, params)).append(")");
        if (query.filtersContent()) {
            sql.append(" UNION ALL (").append(throughChain(query, params)).append(")");
            // a statement can match itself and through its chain: once is enough
            sql.insert(0, "SELECT DISTINCT ON (u.stored, u.seq) * FROM (")
                    .append(") u")
                    .append(order(query, "u"))
                    .append(" LIMIT ?");
            params.add(query.limit() + 1);
        }
        var statement = jdbc.sql(sql.toString());
        for (var p : params) {
            statement = statement.param(p);
        }
        return statement
                .query((rs, i) ->
                        new StoredStatement(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }

    /** The statements that match the filters themselves, read along the index of the most selective filter. */
    private static String direct(StatementQuery query, List<Object> params) {
        var sql = new StringBuilder("SELECT s.seq, s.stored, s.statement::text AS statement FROM ");
        var conditions = new ArrayList<String>();
        String order;
        if (query.registration() == null && query.agent() != null) {
            sql.append("lrs.statement_agent d JOIN lrs.statement s ON s.seq = d.seq");
            conditions.add("d.agent = ?" + (query.relatedAgents() ? "" : " AND d.direct"));
            params.add(query.agent());
            order = "d";
        } else if (query.registration() == null && query.activity() != null) {
            sql.append("lrs.statement_activity d JOIN lrs.statement s ON s.seq = d.seq");
            conditions.add("d.activity_id = ?" + (query.relatedActivities() ? "" : " AND d.direct"));
            params.add(query.activity());
            order = "d";
        } else {
            sql.append("lrs.statement s");
            order = "s";
        }
        window(query, order, conditions, params);
        conditions.add("NOT s.voided");
        var rest = filters(query, "s", params, order.equals("d"));
        if (!rest.isEmpty()) {
            conditions.add(rest);
        }
        sql.append(" WHERE ").append(String.join(" AND ", conditions));
        sql.append(order(query, order)).append(" LIMIT ?");
        params.add(query.limit() + 1);
        return sql.toString();
    }

    /**
     * The statements that match through their chain of StatementRefs, found under the key of one filter in
     * {@code statement_ref_key}, then checked exactly: some statement of the chain matches every filter. (A
     * statement that also matches itself comes from both parts; the query keeps it once.)
     */
    private static String throughChain(StatementQuery query, List<Object> params) {
        var conditions = new ArrayList<String>();
        conditions.add("k.key = ?");
        params.add(chainKey(query));
        window(query, "k", conditions, params);
        conditions.add("NOT s.voided");
        conditions.add("EXISTS (WITH RECURSIVE chain(id, depth) AS (SELECT s.target_statement_id, 1"
                + " UNION ALL SELECT t.target_statement_id, c.depth + 1 FROM chain c"
                + " JOIN lrs.statement t ON t.id = c.id"
                + " WHERE t.target_statement_id IS NOT NULL AND c.depth < 16)"
                + " SELECT 1 FROM chain c JOIN lrs.statement r ON r.id = c.id WHERE "
                + filters(query, "r", params, false) + ")");
        params.add(query.limit() + 1);
        return "SELECT s.seq, s.stored, s.statement::text AS statement"
                + " FROM lrs.statement_ref_key k JOIN lrs.statement s ON s.seq = k.seq WHERE "
                + String.join(" AND ", conditions) + order(query, "k") + " LIMIT ?";
    }

    private static String chainKey(StatementQuery query) {
        if (query.registration() != null) {
            return "registration " + query.registration();
        }
        if (query.agent() != null) {
            return (query.relatedAgents() ? "related-agent " : "agent ") + query.agent();
        }
        if (query.activity() != null) {
            return (query.relatedActivities() ? "related-activity " : "activity ") + query.activity();
        }
        return "verb " + query.verb();
    }

    /** since, until and the paging cursor, on the (stored, seq) of the index that is read. */
    private static void window(StatementQuery query, String alias, List<String> conditions, List<Object> params) {
        if (query.since() != null) {
            conditions.add(alias + ".stored > ?");
            params.add(Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            conditions.add(alias + ".stored <= ?");
            params.add(Timestamp.from(query.until()));
        }
        if (query.after() != null && query.afterStored() != null) {
            conditions.add("(" + alias + ".stored, " + alias + ".seq) " + (query.ascending() ? ">" : "<") + " (?, ?)");
            params.add(Timestamp.from(query.afterStored()));
            params.add(query.after());
        }
    }

    private static String order(StatementQuery query, String alias) {
        var direction = query.ascending() ? " ASC" : " DESC";
        return " ORDER BY " + alias + ".stored" + direction + ", " + alias + ".seq" + direction;
    }

    /**
     * The content filters on the statement {@code alias}, ANDed, or "" when there are none; {@code driven}: the
     * agent (or, without an agent, the activity) is already the driving index.
     */
    /**
     * Keeps an EXISTS a probe of one index entry per statement: without it the planner may turn the EXISTS into a
     * join or a hash of every entry of the key (100,000s for a course activity), which is slower by far here.
     */
    private static final String OFFSET_0 = " OFFSET 0";

    private static String filters(StatementQuery query, String alias, List<Object> params, boolean driven) {
        var parts = new ArrayList<String>();
        if (query.verb() != null) {
            parts.add(alias + ".verb_id = ?");
            params.add(query.verb());
        }
        if (query.registration() != null) {
            parts.add(alias + ".registration = ?");
            params.add(query.registration());
        }
        boolean agentDriven = driven && query.agent() != null;
        if (query.agent() != null && !agentDriven) {
            parts.add("EXISTS (SELECT 1 FROM lrs.statement_agent x WHERE x.agent = ? AND x.stored = " + alias
                    + ".stored AND x.seq = " + alias + ".seq" + (query.relatedAgents() ? "" : " AND x.direct")
                    + OFFSET_0
                    + ")");
            params.add(query.agent());
        }
        boolean activityDriven = driven && !agentDriven && query.activity() != null;
        if (query.activity() != null && !activityDriven) {
            parts.add("EXISTS (SELECT 1 FROM lrs.statement_activity x WHERE x.activity_id = ? AND x.stored = "
                    + alias + ".stored AND x.seq = " + alias + ".seq"
                    + (query.relatedActivities() ? "" : " AND x.direct") + OFFSET_0 + ")");
            params.add(query.activity());
        }
        return parts.isEmpty() ? "" : "(" + String.join(" AND ", parts) + ")";
    }

    /** The stored time up to which every statement is visible to queries. */
    public Instant consistentThrough() {
        return jdbc.sql("SELECT now()").query(Timestamp.class).single().toInstant();
    }
}
