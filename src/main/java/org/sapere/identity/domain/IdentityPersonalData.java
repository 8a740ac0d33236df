package org.sapere.identity.domain;

import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;
import org.sapere.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The account, memberships, sign-in failures and audit events of a person. */
@Component
class IdentityPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    IdentityPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public Set<String> tables() {
        return Set.of(
                "identity.account",
                "identity.membership",
                "identity.invitation",
                "identity.sign_in_failure",
                "identity.audit_event",
                "identity.passkey",
                "identity.alumni_status");
    }

    @Override
    public Object export(UUID account, String email) {
        var data = new LinkedHashMap<String, Object>();
        data.put("profile", jdbc.sql("""
                SELECT id, email, display_name, headline, bio, country, language, time_zone, course_news,
                       spoken_languages, interests,
                       CASE WHEN avatar_png IS NULL THEN NULL
                            ELSE 'data:image/png;base64,' || translate(encode(avatar_png, 'base64'), E'\n', '') END AS avatar,
                       platform_admin, email_verified_at, created_at
                FROM identity.account WHERE id = :id""").param("id", account).query().singleRow());
        data.put("memberships", jdbc.sql("""
                SELECT o.name AS organisation, m.role FROM identity.membership m
                JOIN identity.organisation o ON o.id = m.organisation_id WHERE m.account_id = :id""").param("id", account).query().listOfRows());
        // Passkeys: what the person named them and when they were used; the public keys are of no use to anyone.
        data.put("passkeys", jdbc.sql("""
                SELECT label, created_at, last_used_at, backup_eligible AS synced FROM identity.passkey
                WHERE account_id = :id ORDER BY created_at""").param("id", account).query().listOfRows());
        data.put("alumniStatus", jdbc.sql("""
                SELECT o.name AS organisation, s.email, s.method, s.requested_at, s.verified_at
                FROM identity.alumni_status s JOIN identity.organisation o ON o.id = s.organisation_id
                WHERE s.account_id = :id ORDER BY o.name""").param("id", account).query().listOfRows());
        data.put(
                "failedSignIns",
                jdbc.sql(
                                "SELECT failed_at, ip FROM identity.sign_in_failure WHERE lower(email) = lower(:email) ORDER BY failed_at")
                        .param("email", email)
                        .query()
                        .listOfRows());
        data.put(
                "securityLog",
                jdbc.sql("""
                SELECT at, action, ip, detail FROM identity.audit_event
                WHERE account_id = :id OR lower(email) = lower(:email) ORDER BY at""").param("id", account).param("email", email).query().listOfRows());
        return data;
    }
}
