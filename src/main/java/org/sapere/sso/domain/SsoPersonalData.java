package org.sapere.sso.domain;

import java.util.Set;
import java.util.UUID;
import org.sapere.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The university accounts a person signs in with. */
@Component
class SsoPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    SsoPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "singleSignOn";
    }

    @Override
    public Set<String> tables() {
        return Set.of("sso.external_identity");
    }

    @Override
    public Object export(UUID account, String email) {
        return jdbc.sql("""
                SELECT issuer, subject, linked_at, last_sign_in_at FROM sso.external_identity
                WHERE account_id = :id ORDER BY linked_at""").param("id", account).query().listOfRows();
    }
}
