-- A learner's private notes on lessons. The id is chosen by the learner's browser, so that sending the same note
-- again (after a lost answer, or from the offline queue) stores it once.
CREATE TABLE learning.note (
    id           uuid          PRIMARY KEY,
    account_id   uuid          NOT NULL,
    course_id    uuid          NOT NULL,
    lesson_id    uuid          NOT NULL,
    video_second numeric(9, 3) CHECK (video_second >= 0),
    body         text          NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL
);
CREATE INDEX note_lesson_idx ON learning.note (account_id, lesson_id, created_at DESC);
CREATE INDEX note_course_idx ON learning.note (account_id, course_id);

-- Lessons a learner marked to come back to.
CREATE TABLE learning.bookmark (
    account_id uuid        NOT NULL,
    lesson_id  uuid        NOT NULL,
    course_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, lesson_id)
);
CREATE INDEX bookmark_recent_idx ON learning.bookmark (account_id, created_at DESC);
