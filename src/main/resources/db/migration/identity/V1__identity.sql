CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.organisation (
    id          uuid PRIMARY KEY,
    slug        varchar(64)  NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    short_name  varchar(40)  NOT NULL,
    city        varchar(100) NOT NULL,
    country     char(2)      NOT NULL,
    website     varchar(300) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE identity.account (
    id             uuid PRIMARY KEY,
    email          varchar(254) NOT NULL,
    display_name   varchar(120) NOT NULL,
    password_hash  varchar(200),
    headline       varchar(200),
    bio            text,
    platform_admin boolean     NOT NULL DEFAULT false,
    enabled        boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email_key ON identity.account (lower(email));

CREATE TABLE identity.membership (
    account_id      uuid        NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
    organisation_id uuid        NOT NULL REFERENCES identity.organisation (id) ON DELETE CASCADE,
    role            varchar(30) NOT NULL CHECK (role IN ('PROFESSOR', 'SUPERVISOR', 'ORGANISATION_ADMIN')),
    PRIMARY KEY (account_id, organisation_id, role)
);
CREATE INDEX membership_organisation_idx ON identity.membership (organisation_id, role);
