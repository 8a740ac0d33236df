package org.sapere.notification.domain;

import java.util.Locale;
import org.sapere.identity.AlumniVerificationRequested;
import org.sapere.identity.EmailVerificationRequested;
import org.sapere.identity.InvitationSent;
import org.sapere.identity.PasswordResetRequested;
import org.sapere.identity.RegistrationAttemptedForExistingAccount;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The mails about a person's account, in their language. All are essential, so none has an unsubscribe link. */
@Component
class AccountMails {

    private final Mailer mailer;
    private final MessageSource messages;
    private final MailLinks links;

    AccountMails(Mailer mailer, MessageSource messages, MailLinks links) {
        this.mailer = mailer;
        this.messages = messages;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(EmailVerificationRequested e) {
        var link = link("/verify-email", e.token());
        send(e.email(), e.language(), "mail.verify.subject", "mail.verify.body", e.displayName(), link);
    }

    @ApplicationModuleListener
    void on(AlumniVerificationRequested e) {
        var link = link("/alumni/confirm", e.token());
        send(
                e.email(),
                e.language(),
                "mail.alumni.subject",
                "mail.alumni.body",
                e.displayName(),
                e.organisation(),
                link);
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested e) {
        var link = link("/reset-password", e.token());
        send(e.email(), e.language(), "mail.reset.subject", "mail.reset.body", e.displayName(), link);
    }

    @ApplicationModuleListener
    void on(InvitationSent e) {
        var locale = Locale.of(e.language());
        var role = messages.getMessage("role." + e.role().name(), null, locale);
        send(
                e.email(),
                e.language(),
                "mail.invitation.subject",
                "mail.invitation.body",
                e.invitedBy(),
                role,
                e.organisation(),
                links.to("/register"));
    }

    @ApplicationModuleListener
    void on(RegistrationAttemptedForExistingAccount e) {
        send(
                e.email(),
                e.language(),
                "mail.existing.subject",
                "mail.existing.body",
                e.displayName(),
                links.to("/forgot-password"));
    }

    private void send(String to, String language, String subjectKey, String bodyKey, Object... args) {
        var locale = Locale.of(language);
        var body = messages.getMessage(bodyKey, args, locale) + "\n\n-- \n"
                + messages.getMessage("mail.signature", null, locale);
        mailer.send(new OutgoingMail(to, messages.getMessage(subjectKey, null, locale), body));
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(links.to(path))
                .queryParam("token", token)
                .build()
                .toUriString();
    }
}
