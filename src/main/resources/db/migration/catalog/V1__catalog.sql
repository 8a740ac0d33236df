CREATE SCHEMA IF NOT EXISTS catalog;

-- The catalogue's read model, fed by CoursePublished events; search_text holds what free-text search matches
-- (titles, summary, subjects in every interface language, university, professors).
CREATE TABLE catalog.course_listing (
    course_id       uuid PRIMARY KEY,
    slug            varchar(80)  NOT NULL UNIQUE,
    version         integer      NOT NULL,
    title           varchar(200) NOT NULL,
    summary         text         NOT NULL,
    university_slug varchar(64)  NOT NULL,
    university      varchar(200) NOT NULL,
    subjects        text[]       NOT NULL,
    level           varchar(20)  NOT NULL,
    language        varchar(8)   NOT NULL,
    minutes         integer      NOT NULL,
    lessons         integer      NOT NULL,
    professors      text[]       NOT NULL,
    search_text     text         NOT NULL,
    search          tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
    listed_at       timestamptz  NOT NULL
);
CREATE INDEX course_listing_search_idx ON catalog.course_listing USING gin (search);
CREATE INDEX course_listing_subjects_idx ON catalog.course_listing USING gin (subjects);
CREATE INDEX course_listing_university_idx ON catalog.course_listing (university_slug);
