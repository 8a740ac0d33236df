CREATE SCHEMA IF NOT EXISTS jobs;

-- The background job queue (ADR 0011). A worker claims a due job with FOR UPDATE SKIP LOCKED and holds it under a
-- lease (lease_owner, lease_until) that it renews while the handler runs; once a lease has expired (its worker
-- crashed), any instance takes the job over. attempts counts attempts started; the updates of a running job are
-- fenced by lease_owner and attempts.
CREATE TABLE jobs.job (
    id          uuid         PRIMARY KEY,
    type        varchar(100) NOT NULL,
    payload     text         NOT NULL,
    dedupe_key  varchar(200),
    state       varchar(16)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    attempts    integer      NOT NULL DEFAULT 0,
    run_at      timestamptz  NOT NULL,
    lease_owner varchar(200),
    lease_until timestamptz,
    last_error  text,
    created_at  timestamptz  NOT NULL,
    started_at  timestamptz,
    finished_at timestamptz,
    CHECK ((state = 'RUNNING') = (lease_owner IS NOT NULL AND lease_until IS NOT NULL))
);
-- At most one unfinished job per key; once it has succeeded or failed, the key is free again.
CREATE UNIQUE INDEX job_dedupe_key_idx ON jobs.job (dedupe_key) WHERE state IN ('QUEUED', 'RUNNING');
-- What the workers' claim scans, oldest first.
CREATE INDEX job_due_idx ON jobs.job (run_at) WHERE state IN ('QUEUED', 'RUNNING');
-- Old successes are deleted after sapere.jobs.keep-succeeded.
CREATE INDEX job_succeeded_idx ON jobs.job (finished_at) WHERE state = 'SUCCEEDED';
