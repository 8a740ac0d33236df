-- Full-text search in five languages, typo tolerance and facets (docs/catalogue.md).

-- pg_trgm ships with PostgreSQL's contrib (present in the embedded server and in Debian's packages). Where it is
-- missing, search still works, without typo tolerance: Listings checks for it at start-up.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm is not available (%): catalogue search runs without typo tolerance', SQLERRM;
END $$;

-- The text search configuration of a course language; 'simple' (no stemming) for any other language.
CREATE FUNCTION catalog.search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE language
               WHEN 'en' THEN 'pg_catalog.english'::regconfig
               WHEN 'it' THEN 'pg_catalog.italian'::regconfig
               WHEN 'de' THEN 'pg_catalog.german'::regconfig
               WHEN 'nl' THEN 'pg_catalog.dutch'::regconfig
               WHEN 'sv' THEN 'pg_catalog.swedish'::regconfig
               ELSE 'pg_catalog.simple'::regconfig END $$;

-- A weighted document: A = title and subjects, B = summary and outcomes, C = the rest.
CREATE FUNCTION catalog.search_document(config regconfig, a text, b text, c text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(config, a), 'A') || setweight(to_tsvector(config, b), 'B')
           || setweight(to_tsvector(config, c), 'C') $$;

-- The listing's text indexed with its course's language stemming and without any ('simple': exact words), in one
-- vector. Queries are stemmed in all five languages (and 'simple'), so a word in any language reaches a course in
-- any language with one index lookup and one ranking per course (docs/catalogue.md). Listings compute it from
-- their texts when they write a course; the texts themselves are not kept.
CREATE FUNCTION catalog.search_vector(language text, a text, b text, c text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT catalog.search_document('pg_catalog.simple', a, b, c)
           || catalog.search_document(catalog.search_config(language), a, b, c) $$;

ALTER TABLE catalog.course_listing DROP COLUMN search;
ALTER TABLE catalog.course_listing
    ADD COLUMN search        tsvector NOT NULL DEFAULT '',
    ADD COLUMN professor_ids uuid[]  NOT NULL DEFAULT '{}',
    ADD COLUMN enrolments    integer NOT NULL DEFAULT 0,
    -- 1: written before this migration, re-indexed at start-up; 2: current.
    ADD COLUMN format        smallint NOT NULL DEFAULT 1,
    ADD COLUMN updated_at    timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN effort        varchar(8) GENERATED ALWAYS AS (
        CASE WHEN minutes < 60 THEN 'short' WHEN minutes < 180 THEN 'medium' WHEN minutes < 600 THEN 'long'
             ELSE 'extended' END) STORED;
-- Kept in the row (compressed) rather than out of line: ranking reads it for every hit.
ALTER TABLE catalog.course_listing ALTER COLUMN search SET STORAGE MAIN;

-- Until the start-up re-index rewrites them, older listings stay searchable by what they had.
UPDATE catalog.course_listing SET search = catalog.search_vector(language, title, summary, search_text);
ALTER TABLE catalog.course_listing DROP COLUMN search_text;

CREATE INDEX course_listing_search_idx ON catalog.course_listing USING gin (search);
CREATE INDEX course_listing_listed_idx ON catalog.course_listing (listed_at DESC, course_id);
CREATE INDEX course_listing_popular_idx ON catalog.course_listing (enrolments DESC, listed_at DESC, course_id);

-- Every word of the listings (lower case), to correct misspelt query words by trigram similarity.
CREATE TABLE catalog.search_word (
    word varchar(40) PRIMARY KEY
);

DO $$
DECLARE
    trgm_schema name := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                         WHERE e.extname = 'pg_trgm');
BEGIN
    IF trgm_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX search_word_trgm_idx ON catalog.search_word USING gin (word %I.gin_trgm_ops)',
                       trgm_schema);
    END IF;
END $$;
