-- Generates statements :from..:to (numbers, 1-based) of a synthetic store straight into the lrs schema, as the
-- store itself would have written them: the statement row, its agent and activity index rows, and for the voiding
-- statements their StatementRef keys. Values come from hashes of the number, so every run makes the same store
-- and bench/lrs/LrsLoad.java can pick filters that exist.
--
--   psql -v from=1 -v to=1000000 -v total=10000000 -v tag=run1 -v seqbase=0 -f generate.sql
--
-- The data: 50,000 learners (learner<n>@example.org), each in 4 of 100 courses; 20 lessons a course (2,000
-- activities, the object); the course as the parent context activity and, for 30%, one of 10 programmes as
-- grouping; 30 verbs, skewed (the most common in ~18% of statements, the rarest in ~0.2%); one registration per
-- learner and course (200,000); a result for scored verbs; stored times spread evenly over the 365 days before
-- 2026-11-01; one statement in 2,000 voids one of the 1,000 statements before it. Authority: the demo client.

\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE chunk ON COMMIT DROP AS
SELECT g,
       :seqbase + g AS seq,
       md5(:'tag' || g)::uuid AS id,
       date_trunc('milliseconds', timestamptz '2025-11-01 00:00:00+00'
           + (g * (365.0 * 86400000 / :total)) * interval '1 millisecond') AS stored,
       1 + abs(hashint8extended(g, 1)) % 50000 AS agent,
       floor(30 * power((abs(hashint8extended(g, 2)) % 1000000) / 1000000.0, 2))::int AS verb,
       abs(hashint8extended(g, 3)) % 4 AS enrolment,
       abs(hashint8extended(g, 4)) % 20 AS lesson,
       abs(hashint8extended(g, 5)) % 10 < 3 AS grouped,
       abs(hashint8extended(g, 6)) % 101 AS score,
       abs(hashint8extended(g, 7)) % 600 AS delay,
       g % 2000 = 0 AS voiding,
       md5(:'tag' || (g - 1 - (g / 2000) % 997))::uuid AS target,
       :seqbase + g - 1 - (g / 2000) % 997 AS target_seq
FROM generate_series(:from::bigint, :to::bigint) AS g;

ALTER TABLE chunk ADD COLUMN course int, ADD COLUMN verb_id text, ADD COLUMN verb_name text,
    ADD COLUMN activity text, ADD COLUMN registration uuid;
UPDATE chunk SET course = (agent * 37 + enrolment * 11) % 100;
UPDATE chunk c SET verb_id = v.id, verb_name = v.name, activity = 'https://sapere.example/courses/c' || course
           || '/lessons/l' || lesson, registration = md5('reg' || agent || '-' || course)::uuid
FROM (SELECT n - 1 AS i, 'http://adlnet.gov/expapi/verbs/' || name AS id, name
      FROM unnest(ARRAY['experienced', 'attempted', 'answered', 'progressed', 'completed', 'launched',
                        'initialized', 'terminated', 'passed', 'failed', 'interacted', 'resumed', 'suspended',
                        'scored', 'responded', 'commented', 'asked', 'attended', 'exited', 'mastered',
                        'registered', 'shared', 'imported', 'preferred', 'satisfied', 'waived', 'abandoned',
                        'logged-in', 'logged-out', 'rated']) WITH ORDINALITY AS t(name, n)) v
WHERE v.i = c.verb;

INSERT INTO lrs.statement (seq, id, stored, verb_id, registration, target_statement_id, voided, client_id, statement)
OVERRIDING SYSTEM VALUE
SELECT seq, id, stored,
       CASE WHEN voiding THEN 'http://adlnet.gov/expapi/verbs/voided' ELSE verb_id END,
       CASE WHEN voiding THEN NULL ELSE registration END,
       CASE WHEN voiding THEN target END,
       false, NULL,
       CASE WHEN voiding THEN jsonb_build_object(
           'id', id,
           'actor', jsonb_build_object('objectType', 'Agent', 'name', 'Course admin',
                                       'mbox', 'mailto:admin@example.org'),
           'verb', jsonb_build_object('id', 'http://adlnet.gov/expapi/verbs/voided',
                                      'display', jsonb_build_object('en-US', 'voided')),
           'object', jsonb_build_object('objectType', 'StatementRef', 'id', target),
           'timestamp', to_char(stored AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'stored', to_char(stored AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'authority', jsonb_build_object('objectType', 'Agent', 'name', 'Demo LRS client',
               'account', jsonb_build_object('homePage', 'http://localhost:8080/xapi/clients',
                                             'name', 'demo-lrs-client')),
           'version', '1.0.0')
       ELSE jsonb_strip_nulls(jsonb_build_object(
           'id', id,
           'actor', jsonb_build_object('objectType', 'Agent', 'name', 'Learner ' || agent,
                                       'mbox', 'mailto:learner' || agent || '@example.org'),
           'verb', jsonb_build_object('id', verb_id, 'display', jsonb_build_object('en-US', verb_name)),
           'object', jsonb_build_object('objectType', 'Activity', 'id', activity,
               'definition', jsonb_build_object(
                   'name', jsonb_build_object('en-US', 'Lesson ' || lesson || ' of course ' || course),
                   'type', 'http://adlnet.gov/expapi/activities/lesson')),
           'result', CASE WHEN verb IN (2, 4, 8, 9, 13) THEN jsonb_build_object(
               'score', jsonb_build_object('scaled', score / 100.0, 'raw', score, 'min', 0, 'max', 100),
               'success', score >= 50, 'completion', true, 'duration', 'PT' || (delay + 30) || 'S') END,
           'context', jsonb_build_object(
               'registration', registration,
               'platform', 'Sapere',
               'language', 'en-US',
               'contextActivities', jsonb_strip_nulls(jsonb_build_object(
                   'parent', jsonb_build_array(jsonb_build_object(
                       'objectType', 'Activity', 'id', 'https://sapere.example/courses/c' || course)),
                   'grouping', CASE WHEN grouped THEN jsonb_build_array(jsonb_build_object(
                       'objectType', 'Activity', 'id', 'https://sapere.example/programmes/p' || course % 10)) END))),
           'timestamp', to_char((stored - delay * interval '1 second') AT TIME ZONE 'UTC',
                                'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'stored', to_char(stored AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'authority', jsonb_build_object('objectType', 'Agent', 'name', 'Demo LRS client',
               'account', jsonb_build_object('homePage', 'http://localhost:8080/xapi/clients',
                                             'name', 'demo-lrs-client')),
           'version', '1.0.0'))
       END
FROM chunk;

INSERT INTO lrs.statement_agent (seq, agent, direct, stored)
SELECT seq, CASE WHEN voiding THEN 'Agent mbox:mailto:admin@example.org'
                 ELSE 'Agent mbox:mailto:learner' || agent || '@example.org' END, true, stored FROM chunk
UNION ALL
SELECT seq, 'Agent account:http://localhost:8080/xapi/clients|demo-lrs-client', false, stored FROM chunk;

INSERT INTO lrs.statement_activity (seq, activity_id, direct, stored)
SELECT seq, activity, true, stored FROM chunk WHERE NOT voiding
UNION ALL
SELECT seq, 'https://sapere.example/courses/c' || course, false, stored FROM chunk WHERE NOT voiding
UNION ALL
SELECT seq, 'https://sapere.example/programmes/p' || course % 10, false, stored FROM chunk
WHERE grouped AND NOT voiding;

-- The voided targets (always in the same chunk: chunks start after a multiple of 2,000), and the voiding
-- statements filed under their targets' filter keys.
UPDATE lrs.statement s SET voided = true FROM chunk c WHERE c.voiding AND s.seq = c.target_seq;
INSERT INTO lrs.statement_ref_key (key, stored, seq)
SELECT k.key, c.stored, c.seq
FROM chunk c JOIN chunk t ON t.g = c.target_seq - :seqbase
CROSS JOIN LATERAL (VALUES
    ('verb ' || t.verb_id), ('registration ' || t.registration),
    ('agent Agent mbox:mailto:learner' || t.agent || '@example.org'),
    ('related-agent Agent mbox:mailto:learner' || t.agent || '@example.org'),
    ('related-agent Agent account:http://localhost:8080/xapi/clients|demo-lrs-client'),
    ('activity ' || t.activity), ('related-activity ' || t.activity),
    ('related-activity https://sapere.example/courses/c' || t.course),
    (CASE WHEN t.grouped THEN 'related-activity https://sapere.example/programmes/p' || t.course % 10 END)) AS k(key)
WHERE c.voiding AND k.key IS NOT NULL;
COMMIT;
