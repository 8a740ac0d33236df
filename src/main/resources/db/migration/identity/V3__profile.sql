-- Profile: where the person lives, their time zone, and whether they want non-essential mail.
ALTER TABLE identity.account ADD COLUMN country char(2);
ALTER TABLE identity.account ADD COLUMN time_zone varchar(64) NOT NULL DEFAULT 'Europe/Rome';
ALTER TABLE identity.account ADD COLUMN course_news boolean NOT NULL DEFAULT false;
