package org.sapere.notification.domain;

/** Delivers mail: by SMTP when it is configured, otherwise into the development mailbox. */
public interface Mailer {

    void send(OutgoingMail mail);

    /** A sentence for the admin page: where mail goes. */
    String describe();
}
