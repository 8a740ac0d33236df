-- Where the learner is inside a lesson (a video's second, a reading's scroll share) and when they were there: a
-- report of an earlier moment that arrives late never moves the resume point back.
ALTER TABLE learning.lesson_progress
    ADD COLUMN position    double precision,
    ADD COLUMN position_at timestamptz;
