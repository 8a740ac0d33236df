CREATE SCHEMA IF NOT EXISTS course;

-- The published version of each course. Translatable texts are jsonb maps from language to text, e.g. {"en": "..."}.
CREATE TABLE course.course (
    id              uuid PRIMARY KEY,
    organisation_id uuid         NOT NULL,
    slug            varchar(80)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version         integer      NOT NULL CHECK (version > 0),
    title           jsonb        NOT NULL,
    summary         jsonb        NOT NULL,
    description     jsonb        NOT NULL,
    subjects        text[]       NOT NULL DEFAULT '{}',
    level           varchar(20)  NOT NULL CHECK (level IN ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
    language        varchar(8)   NOT NULL,
    outcomes        jsonb        NOT NULL DEFAULT '[]',
    professor_ids   uuid[]       NOT NULL DEFAULT '{}',
    published_at    timestamptz  NOT NULL DEFAULT now()
);

-- Modules and lessons keep their ids across versions; progress elsewhere refers to lesson ids.
CREATE TABLE course.course_module (
    id          uuid PRIMARY KEY,
    course_id   uuid    NOT NULL REFERENCES course.course (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    title       jsonb   NOT NULL,
    UNIQUE (course_id, position)
);

CREATE TABLE course.lesson (
    id          uuid PRIMARY KEY,
    module_id   uuid        NOT NULL REFERENCES course.course_module (id) ON DELETE CASCADE,
    course_id   uuid        NOT NULL REFERENCES course.course (id) ON DELETE CASCADE,
    position    integer     NOT NULL,
    kind        varchar(32) NOT NULL,
    title       jsonb       NOT NULL,
    minutes     integer     NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    body        jsonb,
    UNIQUE (module_id, position)
);
CREATE INDEX lesson_course_idx ON course.lesson (course_id);
