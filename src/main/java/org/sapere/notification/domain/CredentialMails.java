package org.sapere.notification.domain;

import java.util.Locale;
import java.util.Set;
import org.sapere.credential.CredentialIssued;
import org.sapere.credential.CredentialRevoked;
import org.sapere.identity.IdentityDirectory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells learners, in their language, that a credential arrived (with its links) or that it was revoked. */
@Component
class CredentialMails {

    private final Mailer mailer;
    private final MessageSource messages;
    private final MailLinks links;
    private final IdentityDirectory identity;

    CredentialMails(Mailer mailer, MessageSource messages, MailLinks links, IdentityDirectory identity) {
        this.mailer = mailer;
        this.messages = messages;
        this.links = links;
        this.identity = identity;
    }

    @ApplicationModuleListener
    void on(CredentialIssued e) {
        var to = identity.addressees(Set.of(e.learner())).get(e.learner());
        if (to == null || !to.reachable()) {
            return;
        }
        var locale = Locale.forLanguageTag(to.language());
        var body = messages.getMessage(
                        "mail.credential.body",
                        new Object[] {
                            to.displayName(),
                            e.courseTitle(),
                            e.organisationName(),
                            links.to("/verify/" + e.credential()),
                            links.to("/credentials/" + e.credential() + ".pdf"),
                            links.to("/credentials")
                        },
                        locale)
                + "\n\n-- \n" + messages.getMessage("mail.signature", null, locale);
        var subject = messages.getMessage("mail.credential.subject", new Object[] {e.courseTitle()}, locale);
        mailer.send(new OutgoingMail(to.email(), subject, body));
    }

    @ApplicationModuleListener
    void on(CredentialRevoked e) {
        var to = identity.addressees(Set.of(e.learner())).get(e.learner());
        if (to == null || !to.reachable()) {
            return;
        }
        var locale = Locale.forLanguageTag(to.language());
        var body = messages.getMessage(
                        "mail.credentialRevoked.body",
                        new Object[] {
                            to.displayName(), e.courseTitle(), e.reason(), links.to("/verify/" + e.credential())
                        },
                        locale)
                + "\n\n-- \n" + messages.getMessage("mail.signature", null, locale);
        var subject = messages.getMessage("mail.credentialRevoked.subject", new Object[] {e.courseTitle()}, locale);
        mailer.send(new OutgoingMail(to.email(), subject, body));
    }
}
