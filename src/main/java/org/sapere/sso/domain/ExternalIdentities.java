package org.sapere.sso.domain;

import java.util.Optional;
import java.util.UUID;
import org.sapere.identity.AccountId;
import org.sapere.identity.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who a provider's subject is in Sapere: issuer + subject → account. */
@Repository
public class ExternalIdentities {

    private final JdbcClient jdbc;

    ExternalIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The linked account, and notes this sign-in. */
    public Optional<AccountId> signIn(String issuer, String subject) {
        return jdbc.sql("""
                UPDATE sso.external_identity SET last_sign_in_at = now() WHERE issuer = :issuer AND subject = :subject
                RETURNING account_id""")
                .param("issuer", issuer)
                .param("subject", subject)
                .query(UUID.class)
                .optional()
                .map(AccountId::new);
    }

    public void link(String issuer, String subject, AccountId account, OrganisationId organisation) {
        jdbc.sql("""
                INSERT INTO sso.external_identity (issuer, subject, account_id, organisation_id)
                VALUES (:issuer, :subject, :account, :organisation) ON CONFLICT DO NOTHING""")
                .param("issuer", issuer)
                .param("subject", subject)
                .param("account", account.value())
                .param("organisation", organisation.value())
                .update();
    }

    public int forget(AccountId account) {
        return jdbc.sql("DELETE FROM sso.external_identity WHERE account_id = :account")
                .param("account", account.value())
                .update();
    }
}
