CREATE SCHEMA IF NOT EXISTS sso;

-- An organisation's OpenID provider as its admins set it on the admin page (providers set by properties are not
-- stored). The organisation is identity's, referred to by id.
CREATE TABLE sso.provider (
    organisation_id    uuid PRIMARY KEY,
    issuer_uri         varchar(500) NOT NULL,
    client_id          varchar(200) NOT NULL,
    -- AES-256-GCM (key from sapere.sso.encryption-key or a key file in the data folder); never shown again.
    client_secret      text         NOT NULL,
    scopes             varchar(300) NOT NULL DEFAULT 'openid profile email',
    email_claim        varchar(100) NOT NULL DEFAULT 'email',
    name_claim         varchar(100) NOT NULL DEFAULT 'name',
    affiliation_claim  varchar(100) NOT NULL DEFAULT 'eduperson_affiliation',
    trust_email        boolean      NOT NULL DEFAULT false,
    enabled            boolean      NOT NULL DEFAULT true,
    updated_at         timestamptz  NOT NULL DEFAULT now()
);

-- Which per-organisation role an affiliation value gives (e.g. faculty -> PROFESSOR). None by default.
CREATE TABLE sso.role_grant (
    organisation_id uuid         NOT NULL REFERENCES sso.provider (organisation_id) ON DELETE CASCADE,
    affiliation     varchar(100) NOT NULL,
    role            varchar(30)  NOT NULL CHECK (role IN ('PROFESSOR', 'SUPERVISOR', 'ORGANISATION_ADMIN')),
    PRIMARY KEY (organisation_id, affiliation, role)
);

-- A person at a provider (issuer + subject) and their Sapere account: later sign-ins go by subject, so a changed
-- e-mail address at the university does not matter.
CREATE TABLE sso.external_identity (
    issuer          varchar(500) NOT NULL,
    subject         varchar(255) NOT NULL,
    account_id      uuid         NOT NULL,
    organisation_id uuid         NOT NULL,
    linked_at       timestamptz  NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX external_identity_account_idx ON sso.external_identity (account_id);
