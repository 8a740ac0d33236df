-- The chain keys (see V2) of the StatementRef statements stored before V2, which have none yet.
INSERT INTO lrs.statement_ref_key (key, stored, seq)
WITH RECURSIVE chain(seq, stored, member, depth) AS (
    SELECT s.seq, s.stored, s.target_statement_id, 1 FROM lrs.statement s
    WHERE s.target_statement_id IS NOT NULL AND s.seq NOT IN (SELECT seq FROM lrs.statement_ref_key)
    UNION ALL
    SELECT c.seq, c.stored, t.target_statement_id, c.depth + 1 FROM chain c JOIN lrs.statement t ON t.id = c.member
    WHERE t.target_statement_id IS NOT NULL AND c.depth < 16)
SELECT DISTINCT k.key, c.stored, c.seq
FROM chain c JOIN lrs.statement m ON m.id = c.member
CROSS JOIN LATERAL (
    SELECT 'verb ' || m.verb_id
    UNION ALL SELECT 'registration ' || m.registration WHERE m.registration IS NOT NULL
    UNION ALL SELECT 'agent ' || a.agent FROM lrs.statement_agent a WHERE a.seq = m.seq AND a.direct
    UNION ALL SELECT 'related-agent ' || a.agent FROM lrs.statement_agent a WHERE a.seq = m.seq
    UNION ALL SELECT 'activity ' || a.activity_id FROM lrs.statement_activity a WHERE a.seq = m.seq AND a.direct
    UNION ALL SELECT 'related-activity ' || a.activity_id FROM lrs.statement_activity a WHERE a.seq = m.seq
) AS k(key);
