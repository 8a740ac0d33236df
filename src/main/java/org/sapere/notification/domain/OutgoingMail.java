package org.sapere.notification.domain;

import java.util.Map;

/**
 * A plain-text mail to one person, with extra header fields where a mail needs them (e.g. {@code List-Unsubscribe}
 * on mails a person may stop). Header values must be plain ASCII.
 */
public record OutgoingMail(String to, String subject, String text, Map<String, String> headers) {

    public OutgoingMail {
        headers = Map.copyOf(headers);
    }

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, Map.of());
    }
}
