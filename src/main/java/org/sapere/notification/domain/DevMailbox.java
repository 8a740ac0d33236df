package org.sapere.notification.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Without SMTP settings (the default run) mail is kept here and written to the log, so a newcomer can still
 * verify an account: platform admins read it at /admin/mail.
 */
@Component
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
public class DevMailbox implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);

    private final JdbcClient jdbc;

    DevMailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A kept mail. */
    public record KeptMail(UUID id, String to, String subject, String text, OffsetDateTime sentAt) {}

    @Override
    public void send(OutgoingMail mail) {
        jdbc.sql("INSERT INTO notification.dev_mail (id, recipient, subject, body) VALUES (:id, :to, :subject, :body)")
                .param("id", UUID.randomUUID())
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("body", mail.text())
                .update();
        log.info(
                "Mail (no SMTP configured; kept at /admin/mail) to {}: {}\n{}", mail.to(), mail.subject(), mail.text());
    }

    @Override
    public String describe() {
        return "development mailbox";
    }

    public List<KeptMail> recent() {
        return jdbc.sql(
                        "SELECT id, recipient, subject, body, sent_at FROM notification.dev_mail ORDER BY sent_at DESC LIMIT 100")
                .query((rs, n) -> new KeptMail(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    public Optional<KeptMail> find(UUID id) {
        return recent().stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
