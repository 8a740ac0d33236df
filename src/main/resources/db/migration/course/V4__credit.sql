-- What a published course counts for (European Learning Model): ECTS credits, EQF level, assessment type.
ALTER TABLE course.course ADD COLUMN ects_credits numeric(4, 1) CHECK (ects_credits BETWEEN 0 AND 60);
ALTER TABLE course.course ADD COLUMN eqf_level smallint CHECK (eqf_level BETWEEN 1 AND 8);
ALTER TABLE course.course ADD COLUMN assessment varchar(20);
