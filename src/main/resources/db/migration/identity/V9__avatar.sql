-- A person's picture, as the 256 × 256 PNG Sapere drew from their upload (never the uploaded file itself).
ALTER TABLE identity.account ADD COLUMN avatar_png bytea CHECK (octet_length(avatar_png) <= 524288);
ALTER TABLE identity.account ADD COLUMN avatar_updated_at timestamptz;
