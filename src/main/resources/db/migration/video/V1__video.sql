CREATE SCHEMA IF NOT EXISTS video;

-- A video lesson's settings. The lesson itself (title, text, duration) lives in the course module's documents;
-- everything here is keyed by its stable lesson id, so it holds across drafts and published versions.
CREATE TABLE video.lesson (
    lesson_id          uuid        PRIMARY KEY,
    course_id          uuid        NOT NULL,
    completion_percent smallint    NOT NULL DEFAULT 90 CHECK (completion_percent BETWEEN 1 AND 100),
    public_preview     boolean     NOT NULL DEFAULT false,
    chapters           text,
    updated_at         timestamptz NOT NULL
);

-- One uploaded video and what processing made of it. A new upload for a lesson is a new asset: learners keep the
-- earlier one until the new one is ready, then it is REPLACED and its files removed. Files live in media storage
-- under video/<id>/ and never change (so they can be cached for as long as their signed address lives).
CREATE TABLE video.asset (
    id            uuid        PRIMARY KEY,
    lesson_id     uuid        NOT NULL,
    course_id     uuid        NOT NULL,
    file_name     varchar(255) NOT NULL,
    source_key    varchar(512) NOT NULL,
    source_bytes  bigint      NOT NULL,
    source_sha256 char(64)    NOT NULL,
    state         varchar(16) NOT NULL CHECK (state IN ('QUEUED', 'PROCESSING', 'READY', 'FAILED', 'REPLACED')),
    progress      smallint    NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    error         varchar(100),
    error_detail  text,
    duration_ms   bigint,
    width         integer,
    height        integer,
    renditions    varchar(100),
    job_id        uuid,
    created_at    timestamptz NOT NULL,
    ready_at      timestamptz
);
CREATE INDEX asset_lesson_idx ON video.asset (lesson_id, created_at DESC);

-- A resumable upload in progress (tus): its bytes are in a part file on this instance's disk until complete.
CREATE TABLE video.upload (
    id          uuid         PRIMARY KEY,
    uploader_account_id uuid NOT NULL,
    course_id   uuid         NOT NULL,
    lesson_id   uuid         NOT NULL,
    file_name   varchar(255) NOT NULL,
    length      bigint       NOT NULL CHECK (length > 0),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);

-- Captions of a lesson's video, per language, as WebVTT; transcript is their plain text (for search).
CREATE TABLE video.caption (
    lesson_id  uuid        NOT NULL,
    language   varchar(8)  NOT NULL,
    vtt        text        NOT NULL,
    transcript text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (lesson_id, language)
);

-- What a learner has watched of a lesson's video: the resume position (moved only by a report of a later moment)
-- and the merged intervals really played. budget_from is the server time from which wall-clock time can pay for
-- newly watched seconds (at most twice as fast as real time, the fastest speed).
CREATE TABLE video.viewing (
    account_id     uuid          NOT NULL,
    lesson_id      uuid          NOT NULL,
    course_id      uuid          NOT NULL,
    asset_id       uuid          NOT NULL,
    position       numeric(10,3) NOT NULL DEFAULT 0,
    position_at    timestamptz   NOT NULL,
    watched        nummultirange NOT NULL DEFAULT '{}',
    watched_seconds numeric(10,3) NOT NULL DEFAULT 0,
    budget_from    timestamptz   NOT NULL,
    completed_at   timestamptz,
    updated_at     timestamptz   NOT NULL,
    PRIMARY KEY (account_id, lesson_id)
);
CREATE INDEX viewing_recent_idx ON video.viewing (account_id, updated_at DESC);
