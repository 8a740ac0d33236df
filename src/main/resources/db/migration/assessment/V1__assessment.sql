CREATE SCHEMA IF NOT EXISTS assessment;

-- One version of an item in a course's question bank. An edit adds a version; attempts point at the version the
-- learner was asked, so editing never changes an attempt already made. The item itself is kept as its IMS QTI 2.1
-- document with the Sapere extension (which round-trips every field exactly); type, title, tags and points are
-- copied out for listing and drawing.
CREATE TABLE assessment.item (
    id          uuid          NOT NULL,
    version     integer       NOT NULL CHECK (version >= 1),
    course_id   uuid          NOT NULL,
    type        varchar(32)   NOT NULL,
    title       varchar(200)  NOT NULL,
    tags        text[]        NOT NULL DEFAULT '{}',
    points      numeric(12,4) NOT NULL CHECK (points > 0),
    qti         text          NOT NULL,
    created_by  uuid,
    created_at  timestamptz   NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX item_course_idx ON assessment.item (course_id, id, version DESC);

-- An item taken out of the bank: no longer drawn or offered; attempts that used it keep it.
CREATE TABLE assessment.retired_item (
    id          uuid        PRIMARY KEY,
    course_id   uuid        NOT NULL,
    retired_by  uuid,
    retired_at  timestamptz NOT NULL
);

-- A quiz lesson's settings, keyed by the lesson's stable id. `slots` is a JSON array of {"item": uuid} (a fixed
-- item) and {"tag": text, "count": n} (n items drawn at random from the bank's items with that tag).
CREATE TABLE assessment.quiz (
    lesson_id          uuid        PRIMARY KEY,
    course_id          uuid        NOT NULL,
    slots              jsonb       NOT NULL DEFAULT '[]',
    shuffle_items      boolean     NOT NULL DEFAULT true,
    shuffle_options    boolean     NOT NULL DEFAULT true,
    max_attempts       smallint    NOT NULL DEFAULT 0 CHECK (max_attempts >= 0),
    time_limit_minutes smallint    NOT NULL DEFAULT 0 CHECK (time_limit_minutes >= 0),
    passing_percent    numeric(5,2) NOT NULL DEFAULT 60 CHECK (passing_percent BETWEEN 0 AND 100),
    feedback           varchar(16) NOT NULL DEFAULT 'AFTER_SUBMIT'
                       CHECK (feedback IN ('IMMEDIATE', 'AFTER_SUBMIT', 'AFTER_CLOSE', 'NEVER')),
    show_correct       boolean     NOT NULL DEFAULT true,
    graded             boolean     NOT NULL DEFAULT true,
    category           varchar(16) NOT NULL DEFAULT 'QUIZ' CHECK (category IN ('QUIZ', 'EXAM', 'ASSIGNMENT')),
    closes_at          timestamptz,
    placement_module   uuid,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX quiz_course_idx ON assessment.quiz (course_id);

-- A learner's attempt at a quiz. OPEN while answering; SUBMITTED once handed in (or its time ran out) while an
-- essay waits for grading; GRADED when every item has its points. Only one attempt per learner and quiz is open.
CREATE TABLE assessment.attempt (
    id            uuid          PRIMARY KEY,
    lesson_id     uuid          NOT NULL,
    course_id     uuid          NOT NULL,
    learner_id    uuid          NOT NULL,
    number        integer       NOT NULL CHECK (number >= 1),
    seed          bigint        NOT NULL,
    state         varchar(16)   NOT NULL CHECK (state IN ('OPEN', 'SUBMITTED', 'GRADED')),
    started_at    timestamptz   NOT NULL,
    due_at        timestamptz,
    submitted_at  timestamptz,
    graded_at     timestamptz,
    late          boolean       NOT NULL DEFAULT false,
    score         numeric(12,4),
    max_score     numeric(12,4) NOT NULL,
    percent       numeric(7,4),
    passed        boolean,
    UNIQUE (lesson_id, learner_id, number)
);
CREATE UNIQUE INDEX attempt_one_open_idx ON assessment.attempt (lesson_id, learner_id) WHERE state = 'OPEN';
CREATE INDEX attempt_course_idx ON assessment.attempt (course_id, learner_id);

-- The items of an attempt, frozen when it starts, with the learner's answer (the answer form's fields, as JSON)
-- and, once graded, its points and feedback. With immediate feedback, a question the learner checked is graded
-- at once and keeps its answer (checked_at). An essay is graded by staff with its rubric and released to the
-- learner when they choose.
CREATE TABLE assessment.attempt_item (
    attempt_id    uuid          NOT NULL REFERENCES assessment.attempt (id) ON DELETE CASCADE,
    position      integer       NOT NULL CHECK (position >= 1),
    item_id       uuid          NOT NULL,
    item_version  integer       NOT NULL,
    answer        jsonb,
    saved_at      timestamptz,
    checked_at    timestamptz,
    points        numeric(12,4),
    max_points    numeric(12,4) NOT NULL,
    correctness   varchar(16)   CHECK (correctness IN ('CORRECT', 'PARTIAL', 'INCORRECT', 'PENDING')),
    rubric        jsonb,
    comment       text,
    graded_by     uuid,
    graded_at     timestamptz,
    released      boolean       NOT NULL DEFAULT true,
    PRIMARY KEY (attempt_id, position),
    FOREIGN KEY (item_id, item_version) REFERENCES assessment.item (id, version)
);
CREATE INDEX attempt_item_item_idx ON assessment.attempt_item (item_id);
CREATE INDEX attempt_item_pending_idx ON assessment.attempt_item (correctness) WHERE correctness = 'PENDING';

-- A course's grading policy: weights per category, how many of the lowest results each drops, and the passing
-- rule: every graded quiz at its passing percent (EACH_QUIZ), or the weighted average at `passing_percent`.
CREATE TABLE assessment.policy (
    course_id        uuid         PRIMARY KEY,
    rule             varchar(16)  NOT NULL DEFAULT 'EACH_QUIZ' CHECK (rule IN ('EACH_QUIZ', 'AVERAGE')),
    passing_percent  numeric(5,2) NOT NULL DEFAULT 60 CHECK (passing_percent BETWEEN 0 AND 100),
    quiz_weight      numeric(5,2) NOT NULL DEFAULT 100 CHECK (quiz_weight >= 0),
    exam_weight      numeric(5,2) NOT NULL DEFAULT 0 CHECK (exam_weight >= 0),
    assignment_weight numeric(5,2) NOT NULL DEFAULT 0 CHECK (assignment_weight >= 0),
    drop_lowest      smallint     NOT NULL DEFAULT 0 CHECK (drop_lowest >= 0),
    updated_at       timestamptz  NOT NULL
);

-- A professor's override of a learner's result on one quiz, with the reason. Every change (and the removal of an
-- override) is added to grade_audit; nothing there is ever updated or deleted.
CREATE TABLE assessment.grade_override (
    lesson_id   uuid         NOT NULL,
    learner_id  uuid         NOT NULL,
    course_id   uuid         NOT NULL,
    percent     numeric(7,4) NOT NULL CHECK (percent BETWEEN 0 AND 100),
    reason      text         NOT NULL,
    set_by      uuid         NOT NULL,
    set_at      timestamptz  NOT NULL,
    PRIMARY KEY (lesson_id, learner_id)
);

CREATE TABLE assessment.grade_audit (
    id          bigserial    PRIMARY KEY,
    course_id   uuid         NOT NULL,
    lesson_id   uuid         NOT NULL,
    learner_id  uuid         NOT NULL,
    action      varchar(16)  NOT NULL CHECK (action IN ('OVERRIDE', 'CLEAR', 'ESSAY')),
    before      numeric(12,4),
    after       numeric(12,4),
    reason      text,
    by_account  uuid         NOT NULL,
    at          timestamptz  NOT NULL
);
CREATE INDEX grade_audit_course_idx ON assessment.grade_audit (course_id, at DESC);

-- A learner who passed a module's placement test: the module counts as known (personalisation uses it).
CREATE TABLE assessment.placement (
    learner_id  uuid        NOT NULL,
    module_id   uuid        NOT NULL,
    course_id   uuid        NOT NULL,
    lesson_id   uuid        NOT NULL,
    passed_at   timestamptz NOT NULL,
    PRIMARY KEY (learner_id, module_id)
);

-- A learner who met the course's passing rule, recorded once (CourseAssessmentPassed is published then).
CREATE TABLE assessment.course_pass (
    course_id   uuid         NOT NULL,
    learner_id  uuid         NOT NULL,
    percent     numeric(7,4) NOT NULL,
    passed_at   timestamptz  NOT NULL,
    PRIMARY KEY (course_id, learner_id)
);

-- A learner for whom a quiz lesson is done (QuizCompleted is published then), recorded once.
CREATE TABLE assessment.quiz_done (
    lesson_id   uuid        NOT NULL,
    learner_id  uuid        NOT NULL,
    done_at     timestamptz NOT NULL,
    PRIMARY KEY (lesson_id, learner_id)
);
