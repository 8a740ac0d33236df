package org.sapere.notification.domain;

import java.util.Set;
import java.util.UUID;
import org.sapere.identity.AccountErased;
import org.sapere.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Mails kept for the person in the development mailbox; erased with the account. */
@Component
class NotificationPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    NotificationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "mails";
    }

    @Override
    public Set<String> tables() {
        return Set.of("notification.dev_mail");
    }

    @Override
    public Object export(UUID account, String email) {
        return jdbc.sql(
                        "SELECT sent_at, subject, body FROM notification.dev_mail WHERE lower(recipient) = lower(:email) ORDER BY sent_at")
                .param("email", email)
                .query()
                .listOfRows();
    }

    @ApplicationModuleListener
    void on(AccountErased erased) {
        jdbc.sql("DELETE FROM notification.dev_mail WHERE lower(recipient) = lower(:email)")
                .param("email", erased.formerEmail())
                .update();
    }
}
