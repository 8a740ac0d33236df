-- Passkeys (WebAuthn). A person has one WebAuthn user handle (random, 64 bytes at most, never their e-mail) and
-- any number of credentials. The public key is stored as the COSE bytes the authenticator gave; nothing secret is
-- kept. The user entity's name is always the account's current e-mail (read through the join), so changing the
-- e-mail keeps the passkeys working.
CREATE TABLE identity.passkey_user (
    account_id  uuid PRIMARY KEY REFERENCES identity.account (id) ON DELETE CASCADE,
    user_handle bytea NOT NULL UNIQUE CHECK (octet_length(user_handle) BETWEEN 1 AND 64)
);

CREATE TABLE identity.passkey (
    credential_id       bytea PRIMARY KEY CHECK (octet_length(credential_id) BETWEEN 1 AND 1023),
    account_id          uuid         NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
    label               varchar(80)  NOT NULL,
    public_key_cose     bytea        NOT NULL,
    signature_count     bigint       NOT NULL DEFAULT 0,
    uv_initialized      boolean      NOT NULL,
    backup_eligible     boolean      NOT NULL,
    backup_state        boolean      NOT NULL,
    transports          varchar(200) NOT NULL DEFAULT '',
    attestation_object  bytea,
    attestation_client_data bytea,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    last_used_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX passkey_account_idx ON identity.passkey (account_id);
