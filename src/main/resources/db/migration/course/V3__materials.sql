-- A downloadable-material lesson's file (storage key, file name, detected type, size); null for other kinds.
ALTER TABLE course.lesson ADD COLUMN material jsonb;
