-- Queries return statements in stored order (stored, then seq) and every filter has one index that starts with
-- its key and continues with (stored, seq): "the newest 100 statements of this agent since t" and its next
-- page are one range of one index, read backwards, whatever the other filters. See docs/lrs.md.

-- The child tables carry stored, so their indexes give the order and the since/until range themselves. A
-- statement is indexed once per agent or activity (direct wins over related), so a related query walks one index
-- without duplicates and a direct one walks a partial index of the direct rows. Statements are never deleted and
-- rows are written in the statement's transaction, so the foreign keys only cost a lookup per row: dropped.
ALTER TABLE lrs.statement_agent ADD COLUMN stored timestamptz;
UPDATE lrs.statement_agent x SET stored = s.stored FROM lrs.statement s WHERE s.seq = x.seq;
DELETE FROM lrs.statement_agent x WHERE NOT x.direct
    AND EXISTS (SELECT 1 FROM lrs.statement_agent d WHERE d.agent = x.agent AND d.seq = x.seq AND d.direct);
ALTER TABLE lrs.statement_agent ALTER COLUMN stored SET NOT NULL;
ALTER TABLE lrs.statement_agent DROP CONSTRAINT statement_agent_pkey;
ALTER TABLE lrs.statement_agent DROP CONSTRAINT statement_agent_seq_fkey;
ALTER TABLE lrs.statement_agent ADD PRIMARY KEY (agent, stored, seq);
CREATE INDEX statement_agent_direct ON lrs.statement_agent (agent, stored, seq) WHERE direct;

ALTER TABLE lrs.statement_activity ADD COLUMN stored timestamptz;
UPDATE lrs.statement_activity x SET stored = s.stored FROM lrs.statement s WHERE s.seq = x.seq;
DELETE FROM lrs.statement_activity x WHERE NOT x.direct
    AND EXISTS (SELECT 1 FROM lrs.statement_activity d
                WHERE d.activity_id = x.activity_id AND d.seq = x.seq AND d.direct);
ALTER TABLE lrs.statement_activity ALTER COLUMN stored SET NOT NULL;
ALTER TABLE lrs.statement_activity DROP CONSTRAINT statement_activity_pkey;
ALTER TABLE lrs.statement_activity DROP CONSTRAINT statement_activity_seq_fkey;
ALTER TABLE lrs.statement_activity ADD PRIMARY KEY (activity_id, stored, seq);
CREATE INDEX statement_activity_direct ON lrs.statement_activity (activity_id, stored, seq) WHERE direct;

DROP INDEX lrs.statement_verb;
DROP INDEX lrs.statement_registration;
CREATE INDEX statement_verb ON lrs.statement (verb_id, stored, seq);
CREATE INDEX statement_registration ON lrs.statement (registration, stored, seq) WHERE registration IS NOT NULL;

-- A statement whose object is a StatementRef also matches a filter when a statement of its chain (its target,
-- the target's target, ...) does. Such statements are few; each gets here the filter keys of every statement of
-- its chain ('verb ', 'registration ', 'agent ', 'related-agent ', 'activity ', 'related-activity ' + value), so
-- a query finds them through the same key as the direct matches and checks the chain exactly only for them.
CREATE TABLE lrs.statement_ref_key (
    key    text        NOT NULL,
    stored timestamptz NOT NULL,
    seq    bigint      NOT NULL,
    PRIMARY KEY (key, stored, seq)
);

-- An activity's definition merged with a later one: top-level properties replaced, the name and description
-- language maps merged per language.
CREATE FUNCTION lrs.merge_definition(old jsonb, later jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    old || later
    || CASE WHEN old -> 'name' IS NOT NULL OR later -> 'name' IS NOT NULL
       THEN jsonb_build_object('name', coalesce(old -> 'name', '{}') || coalesce(later -> 'name', '{}'))
       ELSE '{}' END
    || CASE WHEN old -> 'description' IS NOT NULL OR later -> 'description' IS NOT NULL
       THEN jsonb_build_object('description',
                               coalesce(old -> 'description', '{}') || coalesce(later -> 'description', '{}'))
       ELSE '{}' END;
