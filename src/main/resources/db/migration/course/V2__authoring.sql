-- Authoring. A course being edited is one draft document (the course manifest as jsonb, the same format as the
-- export archive's manifest). Every save raises the revision; a save that names an older revision is refused
-- (optimistic locking), so two authors never overwrite each other unknowingly. Publishing copies the draft into an
-- immutable, numbered version and into the published tables that learners read (course, course_module, lesson).
CREATE TABLE course.draft (
    course_id       uuid PRIMARY KEY,
    organisation_id uuid         NOT NULL,
    slug            varchar(80)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    document        jsonb        NOT NULL,
    revision        integer      NOT NULL DEFAULT 1,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    updated_by_account_id uuid
);
CREATE INDEX draft_organisation_idx ON course.draft (organisation_id);

CREATE TABLE course.course_version (
    course_id    uuid        NOT NULL,
    version      integer     NOT NULL CHECK (version > 0),
    document     jsonb       NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by_account_id uuid,
    PRIMARY KEY (course_id, version)
);
