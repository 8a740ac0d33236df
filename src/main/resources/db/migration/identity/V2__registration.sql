-- Self-registration: verified e-mail, preferred language, single-use tokens, sign-in throttling and an audit log.
ALTER TABLE identity.account ADD COLUMN email_verified_at timestamptz;
ALTER TABLE identity.account ADD COLUMN language varchar(8) NOT NULL DEFAULT 'en';
-- Accounts that existed before verification was introduced (the demo people) count as verified.
UPDATE identity.account SET email_verified_at = created_at;

-- A token is sent by mail; only its SHA-256 hash is stored. Single use, with an expiry.
CREATE TABLE identity.account_token (
    token_hash  bytea PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
    purpose     varchar(20) NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX account_token_account_idx ON identity.account_token (account_id, purpose);

-- Failed sign-ins, shared by every instance: the throttle counts them per account and per address.
CREATE TABLE identity.sign_in_failure (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      varchar(254) NOT NULL,
    ip         varchar(64)  NOT NULL,
    failed_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failure_email_idx ON identity.sign_in_failure (lower(email), failed_at);
CREATE INDEX sign_in_failure_ip_idx ON identity.sign_in_failure (ip, failed_at);

-- Who did what, when, from where.
CREATE TABLE identity.audit_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz  NOT NULL DEFAULT now(),
    account_id  uuid,
    email       varchar(254),
    action      varchar(40)  NOT NULL,
    ip          varchar(64),
    detail      text
);
CREATE INDEX audit_event_at_idx ON identity.audit_event (at DESC);
CREATE INDEX audit_event_account_idx ON identity.audit_event (account_id, at DESC);
