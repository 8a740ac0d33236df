-- TOTP as a second factor (RFC 6238). last_step is the time step of the last accepted code: a code works once.
ALTER TABLE identity.account ADD COLUMN totp_secret varchar(64);
ALTER TABLE identity.account ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE identity.account ADD COLUMN totp_last_step bigint NOT NULL DEFAULT 0;
