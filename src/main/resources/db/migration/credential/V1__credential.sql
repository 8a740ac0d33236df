CREATE SCHEMA IF NOT EXISTS credential;

-- Each university's Ed25519 keys. The newest key that is not retired signs; every key stays published so that
-- what it signed keeps verifying after a rotation. The private key (its 32-byte seed) is AES-256-GCM encrypted with
-- the key-encryption key whose fingerprint is kek_id; the university and number are bound in as associated data.
CREATE TABLE credential.issuer_key (
    organisation_id uuid        NOT NULL,
    number          integer     NOT NULL CHECK (number > 0),
    public_key      bytea       NOT NULL CHECK (length(public_key) = 32),
    private_key     bytea       NOT NULL,
    kek_id          varchar(32) NOT NULL,
    created_at      timestamptz NOT NULL,
    retired_at      timestamptz,
    PRIMARY KEY (organisation_id, number)
);

-- The next free position in each university's revocation list (W3C Bitstring Status List).
CREATE TABLE credential.status_list (
    organisation_id uuid    PRIMARY KEY,
    next_index      integer NOT NULL
);

-- One credential per learner and published course version, exactly as it was signed (document), with what the
-- pages need without parsing it. Revocation is a fact about the credential, not a change of its document.
CREATE TABLE credential.credential (
    id              uuid        PRIMARY KEY,
    learner_id      uuid        NOT NULL,
    course_id       uuid        NOT NULL,
    course_version  integer     NOT NULL,
    organisation_id uuid        NOT NULL,
    key_number      integer     NOT NULL,
    status_index    integer     NOT NULL,
    holder_name     text        NOT NULL,
    course_title    text        NOT NULL,
    issued_at       timestamptz NOT NULL,
    document        text        NOT NULL,
    public          boolean     NOT NULL DEFAULT false,
    revoked_at      timestamptz,
    revoked_reason  text,
    revoked_by      uuid,
    UNIQUE (learner_id, course_id, course_version),
    UNIQUE (organisation_id, status_index),
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX credential_learner_idx ON credential.credential (learner_id, issued_at DESC);
