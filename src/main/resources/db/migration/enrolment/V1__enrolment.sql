CREATE SCHEMA IF NOT EXISTS enrolment;

CREATE TABLE enrolment.enrolment (
    id           uuid PRIMARY KEY,
    account_id   uuid        NOT NULL,
    course_id    uuid        NOT NULL,
    run_id       uuid,
    status       varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    enrolled_at  timestamptz NOT NULL,
    withdrawn_at timestamptz,
    CONSTRAINT enrolment_once UNIQUE (account_id, course_id)
);
CREATE INDEX enrolment_course_idx ON enrolment.enrolment (course_id) WHERE status = 'ACTIVE';
