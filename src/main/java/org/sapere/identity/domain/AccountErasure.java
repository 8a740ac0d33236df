package org.sapere.identity.domain;

import java.util.UUID;
import org.sapere.identity.AccountErased;
import org.sapere.identity.AccountId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Delete my account" (GDPR art. 17). The account row stays, emptied of everything personal, so that learning
 * records (progress, completions) remain for statistics without pointing at anyone. Sign-in data, tokens and
 * memberships are deleted; the audit log keeps the events but loses the address.
 */
@Service
public class AccountErasure {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    AccountErasure(
            JdbcClient jdbc,
            Accounts accounts,
            PasswordEncoder encoder,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.events = events;
    }

    /** Erases the account after checking the password again; false if the password is wrong. */
    @Transactional
    public boolean erase(UUID account, String password) {
        var found = accounts.findById(account).orElseThrow();
        if (found.passwordHash() == null || !encoder.matches(password, found.passwordHash())) {
            return false;
        }
        eraseNow(account, found.email());
        return true;
    }

    /** True if the account has a password to confirm erasure with (accounts made by single sign-on may not). */
    public boolean hasPassword(UUID account) {
        return accounts.findById(account).map(a -> a.passwordHash() != null).orElse(false);
    }

    /**
     * Erases an account that has no password, once the person typed their e-mail address and signed in a moment
     * ago (with a passkey or through their university); false if the address does not match.
     */
    @Transactional
    public boolean eraseWithoutPassword(UUID account, String typedEmail) {
        var found = accounts.findById(account).orElseThrow();
        if (found.passwordHash() != null || !found.email().equalsIgnoreCase(typedEmail.strip())) {
            return false;
        }
        eraseNow(account, found.email());
        return true;
    }

    private void eraseNow(UUID account, String email) {
        jdbc.sql("DELETE FROM identity.membership WHERE account_id = :id")
                .param("id", account)
                .update();
        jdbc.sql("DELETE FROM identity.alumni_status WHERE account_id = :id")
                .param("id", account)
                .update();
        jdbc.sql("DELETE FROM identity.passkey WHERE account_id = :id")
                .param("id", account)
                .update();
        jdbc.sql("DELETE FROM identity.passkey_user WHERE account_id = :id")
                .param("id", account)
                .update();
        jdbc.sql("DELETE FROM identity.account_token WHERE account_id = :id")
                .param("id", account)
                .update();
        jdbc.sql("DELETE FROM identity.invitation WHERE lower(email) = lower(:email)")
                .param("email", email)
                .update();
        jdbc.sql("DELETE FROM identity.sign_in_failure WHERE lower(email) = lower(:email)")
                .param("email", email)
                .update();
        jdbc.sql(
                        "UPDATE identity.audit_event SET email = NULL, ip = NULL WHERE account_id = :id OR lower(email) = lower(:email)")
                .param("id", account)
                .param("email", email)
                .update();
        jdbc.sql("""
                UPDATE identity.account SET email = :anonymous, display_name = 'Deleted account', password_hash = NULL,
                       headline = NULL, bio = NULL, country = NULL, course_news = false, enabled = false,
                       platform_admin = false, totp_secret = NULL, totp_enabled_at = NULL,
                       spoken_languages = '{}', interests = '{}', avatar_png = NULL, avatar_updated_at = NULL
                WHERE id = :id""")
                .param("id", account)
                .param("anonymous", "deleted-" + account + "@deleted.invalid")
                .update();
        audit.record("ACCOUNT_ERASED", account, null, null, null);
        events.publishEvent(new AccountErased(new AccountId(account), email));
    }
}
