package org.sapere.credential.domain;

import java.util.Set;
import java.util.UUID;
import org.sapere.identity.AccountErased;
import org.sapere.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The person's credentials in the data export, each with the signed document; erasing the account deletes them
 * (they carry the person's name), and their links then answer "no such credential".
 */
@Component
class CredentialPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    CredentialPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "credentials";
    }

    @Override
    public Set<String> tables() {
        return Set.of("credential.credential");
    }

    @Override
    public Object export(UUID account, String email) {
        return jdbc.sql("""
                SELECT id, course_id, course_version, holder_name, course_title, issued_at, public, revoked_at,
                       revoked_reason, document
                FROM credential.credential WHERE learner_id = :id ORDER BY issued_at""").param("id", account).query().listOfRows();
    }

    @ApplicationModuleListener
    void on(AccountErased erased) {
        jdbc.sql("DELETE FROM credential.credential WHERE learner_id = :id")
                .param("id", erased.account().value())
                .update();
    }
}
