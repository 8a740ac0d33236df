-- An organisation's brand (logo, colour) and the e-mail domains of its staff and of its alumni.
ALTER TABLE identity.organisation ADD COLUMN brand_colour char(7) CHECK (brand_colour ~ '^#[0-9a-f]{6}$');
ALTER TABLE identity.organisation ADD COLUMN staff_domains text[] NOT NULL DEFAULT '{}';
ALTER TABLE identity.organisation ADD COLUMN alumni_domains text[] NOT NULL DEFAULT '{}';
-- The logo as the PNG Sapere re-encoded from the upload (at most 400 px wide, a few tens of KB).
ALTER TABLE identity.organisation ADD COLUMN logo_png bytea CHECK (octet_length(logo_png) <= 1048576);
ALTER TABLE identity.organisation ADD COLUMN logo_updated_at timestamptz;

-- Alumni status: a person proved they are an alumnus of a university, by confirming an address at one of its
-- alumni domains (method EMAIL) or through its single sign-on (SSO). A pending e-mail claim has a token hash and no
-- verified_at; a confirmed one keeps the address it was confirmed with.
CREATE TABLE identity.alumni_status (
    account_id      uuid         NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
    organisation_id uuid         NOT NULL REFERENCES identity.organisation (id) ON DELETE CASCADE,
    email           varchar(254) NOT NULL,
    method          varchar(10)  NOT NULL CHECK (method IN ('EMAIL', 'SSO')),
    token_hash      bytea UNIQUE,
    requested_at    timestamptz  NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    verified_at     timestamptz,
    PRIMARY KEY (account_id, organisation_id)
);
