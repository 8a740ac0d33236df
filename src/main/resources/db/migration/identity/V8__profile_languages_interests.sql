-- What a person tells about themselves beyond the basics: the languages they read and the subjects they care
-- about (codes of Sapere's subjects). Both shape suggestions later; both are in the data export.
ALTER TABLE identity.account ADD COLUMN spoken_languages text[] NOT NULL DEFAULT '{}';
ALTER TABLE identity.account ADD COLUMN interests text[] NOT NULL DEFAULT '{}';
