package org.sapere.notification.domain;

import java.util.Locale;
import java.util.Map;
import org.sapere.learning.WeeklyReminderDue;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The mails about a person's learning that they asked for, in their language. Each one says how to stop it, in the
 * text and in the {@code List-Unsubscribe} header fields that mail programs show as an "unsubscribe" button.
 */
@Component
class LearningMails {

    private final Mailer mailer;
    private final MessageSource messages;
    private final MailLinks links;

    LearningMails(Mailer mailer, MessageSource messages, MailLinks links) {
        this.mailer = mailer;
        this.messages = messages;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(WeeklyReminderDue e) {
        var locale = Locale.of(e.language());
        var unsubscribe = links.to("/learn/reminders/unsubscribe/" + e.unsubscribeToken());
        var body = messages.getMessage(
                        "mail.reminder.body",
                        new Object[] {
                            e.displayName(),
                            e.courseTitle(),
                            e.lessonTitle(),
                            duration(e.minutesLeft(), locale),
                            links.to(e.lessonPath()),
                            unsubscribe
                        },
                        locale)
                + "\n\n-- \n" + messages.getMessage("mail.signature", null, locale);
        var subject = messages.getMessage("mail.reminder.subject", new Object[] {e.courseTitle()}, locale);
        // RFC 2369 and RFC 8058: mail programs offer "unsubscribe", and send a POST that needs no sign-in.
        var headers = Map.of(
                "List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mailer.send(new OutgoingMail(e.email(), subject, body, headers));
    }

    /** "45 min", "2 h 5 min", with the site's own words for hours and minutes. */
    private String duration(int minutes, Locale locale) {
        if (minutes < 60) {
            return messages.getMessage("duration.minutes", new Object[] {minutes}, locale);
        }
        return minutes % 60 == 0
                ? messages.getMessage("duration.hours", new Object[] {minutes / 60}, locale)
                : messages.getMessage("duration.hoursMinutes", new Object[] {minutes / 60, minutes % 60}, locale);
    }
}
