CREATE SCHEMA IF NOT EXISTS notification;

-- Mails kept when no SMTP server is configured (the default run), shown to platform admins at /admin/mail.
CREATE TABLE notification.dev_mail (
    id         uuid PRIMARY KEY,
    recipient  varchar(254) NOT NULL,
    subject    varchar(300) NOT NULL,
    body       text         NOT NULL,
    sent_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX dev_mail_sent_idx ON notification.dev_mail (sent_at DESC);
