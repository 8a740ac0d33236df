package org.sapere.identity.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Records security-relevant actions: sign-ins, failures, refusals, registrations, resets. */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(
            String action,
            @Nullable UUID account,
            @Nullable String email,
            @Nullable String ip,
            @Nullable String detail) {
        jdbc.sql("""
                INSERT INTO identity.audit_event (account_id, email, action, ip, detail)
                VALUES (:account, :email, :action, :ip, :detail)""")
                .param("account", account)
                .param("email", email == null ? null : truncate(email, 254))
                .param("action", action)
                .param("ip", ip == null ? null : truncate(ip, 64))
                .param("detail", detail)
                .update();
    }

    public long count(String action, String email) {
        return jdbc.sql(
                        "SELECT count(*) FROM identity.audit_event WHERE action = :action AND lower(email) = lower(:email)")
                .param("action", action)
                .param("email", email)
                .query(Long.class)
                .single();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
