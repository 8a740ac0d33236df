package org.sapere.lrs.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
            UUID registration,
            UUID target,
            String json,
            List<String> agents,
            List<String> relatedAgents,
            List<String> activities,
            List<String> relatedActivities) {}

    public void insert(List<Row> rows, Instant stored, UUID client) {
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
        var seqs = new HashMap<UUID, Long>();
        jdbc.sql("""
                INSERT INTO lrs.statement (id, stored, verb_id, registration, target_statement_id, client_id, statement)
                SELECT id, ?, verb, reg, target, ?, doc::jsonb
                FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[]) AS t(id, verb, reg, target, doc)
                RETURNING id, seq""")
                .param(Timestamp.from(stored))
                .param(client)
                .param(ids)
                .param(verbs)
                .param(registrations)
                .param(targets)
                .param(json)
                .query((rs, i) -> seqs.put(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
        var agentSeq = new ArrayList<Long>();
        var agentKey = new ArrayList<String>();
        var agentDirect = new ArrayList<Boolean>();
        var activitySeq = new ArrayList<Long>();
        var activityId = new ArrayList<String>();
        var activityDirect = new ArrayList<Boolean>();
        for (var row : rows) {
            long seq = seqs.get(row.id());
            row.agents().stream().distinct().forEach(a -> add(agentSeq, agentKey, agentDirect, seq, a, true));
            row.relatedAgents().stream().distinct().forEach(a -> add(agentSeq, agentKey, agentDirect, seq, a, false));
            row.activities().stream()
                    .distinct()
                    .forEach(a -> add(activitySeq, activityId, activityDirect, seq, a, true));
            row.relatedActivities().stream()
                    .distinct()
                    .forEach(a -> add(activitySeq, activityId, activityDirect, seq, a, false));
        }
        if (!agentSeq.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO lrs.statement_agent (seq, agent, direct)
                    SELECT * FROM unnest(?::bigint[], ?::text[], ?::boolean[]) ON CONFLICT DO NOTHING""")
                    .param(agentSeq.toArray(Long[]::new))
                    .param(agentKey.toArray(String[]::new))
                    .param(agentDirect.toArray(Boolean[]::new))
                    .update();
        }
        if (!activitySeq.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO lrs.statement_activity (seq, activity_id, direct)
                    SELECT * FROM unnest(?::bigint[], ?::text[], ?::boolean[]) ON CONFLICT DO NOTHING""")
                    .param(activitySeq.toArray(Long[]::new))
                    .param(activityId.toArray(String[]::new))
                    .param(activityDirect.toArray(Boolean[]::new))
                    .update();
        }
    }

    private static void add(
            List<Long> seqs, List<String> keys, List<Boolean> direct, long seq, String key, boolean isDirect) {
        seqs.add(seq);
        keys.add(key);
        direct.add(isDirect);
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
                        new StoredStatement(rs.getLong(1), rs.getTimestamp(2).toInstant(), Json.parse(rs.getString(3))))
                .optional();
    }

    /** Up to {@code query.limit() + 1} statements: one more than a page tells whether there is a next page. */
    public List<StoredStatement> query(StatementQuery query) {
        var sql =
                new StringBuilder("SELECT s.seq, s.stored, s.statement::text FROM lrs.statement s WHERE NOT s.voided");
        var params = new ArrayList<Object>();
        if (query.since() != null) {
            sql.append(" AND s.stored > ?");
            params.add(Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND s.stored <= ?");
            params.add(Timestamp.from(query.until()));
        }
        if (query.after() != null) {
            sql.append(query.ascending() ? " AND s.seq > ?" : " AND s.seq < ?");
            params.add(query.after());
        }
        if (query.filtersContent()) {
            // A statement also matches when it targets (by StatementRef, at any depth) a statement that matches.
            sql.append(" AND (")
                    .append(matches("s", query, params))
                    .append(" OR (s.target_statement_id IS NOT NULL")
                    .append(" AND EXISTS (WITH RECURSIVE chain(id, depth) AS (SELECT s.target_statement_id, 1")
                    .append(" UNION ALL SELECT t.target_statement_id, c.depth + 1 FROM chain c")
                    .append(" JOIN lrs.statement t ON t.id = c.id")
                    .append(" WHERE t.target_statement_id IS NOT NULL AND c.depth < 16)")
                    .append(" SELECT 1 FROM chain c JOIN lrs.statement r ON r.id = c.id WHERE ")
                    .append(matches("r", query, params))
                    .append(")))");
        }
        sql.append(query.ascending() ? " ORDER BY s.seq ASC" : " ORDER BY s.seq DESC");
        sql.append(" LIMIT ?");
        params.add(query.limit() + 1);
        var statement = jdbc.sql(sql.toString());
        for (var p : params) {
            statement = statement.param(p);
        }
        return statement
                .query((rs, i) ->
                        new StoredStatement(rs.getLong(1), rs.getTimestamp(2).toInstant(), Json.parse(rs.getString(3))))
                .list();
    }

    private static String matches(String alias, StatementQuery query, List<Object> params) {
        var parts = new ArrayList<String>();
        if (query.verb() != null) {
            parts.add(alias + ".verb_id = ?");
            params.add(query.verb());
        }
        if (query.registration() != null) {
            parts.add(alias + ".registration = ?");
            params.add(query.registration());
        }
        if (query.agent() != null) {
            parts.add("EXISTS (SELECT 1 FROM lrs.statement_agent x WHERE x.agent = ? AND x.seq = " + alias + ".seq"
                    + (query.relatedAgents() ? "" : " AND x.direct") + ")");
            params.add(query.agent());
        }
        if (query.activity() != null) {
            parts.add("EXISTS (SELECT 1 FROM lrs.statement_activity x WHERE x.activity_id = ? AND x.seq = " + alias
                    + ".seq" + (query.relatedActivities() ? "" : " AND x.direct") + ")");
            params.add(query.activity());
        }
        return "(" + String.join(" AND ", parts) + ")";
    }

    /** The stored time up to which every statement is visible to queries. */
    public Instant consistentThrough() {
        return jdbc.sql("SELECT now()").query(Timestamp.class).single().toInstant();
    }
}
