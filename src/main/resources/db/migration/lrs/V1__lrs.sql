CREATE SCHEMA IF NOT EXISTS lrs;

-- A client of the record store (a content package, an app, Sapere itself). The secret is a random 256-bit token,
-- stored as its SHA-256: a slow password hash would cap the store at tens of requests per second.
CREATE TABLE lrs.client (
    id             uuid PRIMARY KEY,
    key            varchar(64)  NOT NULL UNIQUE,
    secret_sha256  bytea        NOT NULL,
    name           varchar(200) NOT NULL,
    can_read       boolean      NOT NULL,
    can_write      boolean      NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    revoked_at     timestamptz
);

-- One row per statement: the statement as stored (jsonb) plus the columns the filters need. seq orders the
-- statements as they were stored; paging continues after a seq.
CREATE TABLE lrs.statement (
    seq                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                  uuid        NOT NULL UNIQUE,
    stored              timestamptz NOT NULL,
    verb_id             text        NOT NULL,
    registration        uuid,
    target_statement_id uuid,
    voided              boolean     NOT NULL DEFAULT false,
    client_id           uuid,
    statement           jsonb       NOT NULL
);
CREATE INDEX statement_stored ON lrs.statement (stored, seq);
CREATE INDEX statement_verb ON lrs.statement (verb_id, seq);
CREATE INDEX statement_registration ON lrs.statement (registration, seq) WHERE registration IS NOT NULL;
CREATE INDEX statement_target ON lrs.statement (target_statement_id) WHERE target_statement_id IS NOT NULL;

-- Agents (by their inverse functional identifier, e.g. "mbox:mailto:ada@example.org") a statement mentions;
-- direct = the actor or the object, otherwise one of the related agents (authority, instructor, team, members,
-- sub-statement).
CREATE TABLE lrs.statement_agent (
    seq    bigint  NOT NULL REFERENCES lrs.statement (seq) ON DELETE CASCADE,
    agent  text    NOT NULL,
    direct boolean NOT NULL,
    PRIMARY KEY (agent, seq, direct)
);

-- Activities a statement mentions; direct = the object, otherwise a context activity or in a sub-statement.
CREATE TABLE lrs.statement_activity (
    seq         bigint  NOT NULL REFERENCES lrs.statement (seq) ON DELETE CASCADE,
    activity_id text    NOT NULL,
    direct      boolean NOT NULL,
    PRIMARY KEY (activity_id, seq, direct)
);

-- Attachment contents by their SHA-2; statements name them in their "attachments" property.
CREATE TABLE lrs.attachment (
    sha2         text  PRIMARY KEY,
    content_type text  NOT NULL,
    content      bytea NOT NULL
);

-- The latest definition of each activity seen in a statement, for the activities resource.
CREATE TABLE lrs.activity (
    id         text  PRIMARY KEY,
    definition jsonb NOT NULL
);

-- State, activity profile and agent profile documents. kind: 'state', 'activity', 'agent'; activity_id, agent
-- and registration are '' when they do not apply, so one unique key covers all three kinds.
CREATE TABLE lrs.document (
    kind         varchar(10) NOT NULL,
    activity_id  text        NOT NULL,
    agent        text        NOT NULL,
    registration text        NOT NULL,
    doc_id       text        NOT NULL,
    content_type text        NOT NULL,
    content      bytea       NOT NULL,
    etag         varchar(64) NOT NULL,
    updated      timestamptz NOT NULL,
    PRIMARY KEY (kind, activity_id, agent, registration, doc_id)
);
