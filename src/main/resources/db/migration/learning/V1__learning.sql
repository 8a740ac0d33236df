CREATE SCHEMA IF NOT EXISTS learning;

-- One row per learner and lesson. Lesson ids are stable across published versions, so progress survives
-- republishing; a lesson removed from a course keeps its rows.
CREATE TABLE learning.lesson_progress (
    account_id   uuid        NOT NULL,
    course_id    uuid        NOT NULL,
    lesson_id    uuid        NOT NULL,
    state        varchar(16) NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    started_at   timestamptz NOT NULL,
    completed_at timestamptz,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, lesson_id)
);
CREATE INDEX lesson_progress_course_idx ON learning.lesson_progress (account_id, course_id);
CREATE INDEX lesson_progress_recent_idx ON learning.lesson_progress (account_id, updated_at DESC);

CREATE TABLE learning.course_completion (
    account_id     uuid        NOT NULL,
    course_id      uuid        NOT NULL,
    course_version integer     NOT NULL,
    completed_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, course_id)
);
