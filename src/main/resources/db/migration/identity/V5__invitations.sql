-- A role offered to someone without an account yet: given when they register and confirm this address.
CREATE TABLE identity.invitation (
    id              uuid PRIMARY KEY,
    organisation_id uuid         NOT NULL REFERENCES identity.organisation (id) ON DELETE CASCADE,
    email           varchar(254) NOT NULL,
    role            varchar(30)  NOT NULL CHECK (role IN ('PROFESSOR', 'SUPERVISOR', 'ORGANISATION_ADMIN')),
    invited_by      uuid         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    accepted_at     timestamptz,
    UNIQUE (organisation_id, email, role)
);
CREATE INDEX invitation_email_idx ON identity.invitation (lower(email)) WHERE accepted_at IS NULL;
