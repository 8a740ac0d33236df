package org.sapere.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sapere.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts and their memberships, in the {@code identity} schema. */
@Repository
public class Accounts {

    private static final String COLUMNS = "id, email, display_name, password_hash, headline, bio, platform_admin,"
            + " enabled, email_verified_at IS NOT NULL AS email_verified, language";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Account account) {
        jdbc.sql("""
                INSERT INTO identity.account (id, email, display_name, password_hash, headline, bio, platform_admin, enabled,
                                              email_verified_at, language)
                VALUES (:id, :email, :name, :hash, :headline, :bio, :admin, :enabled,
                        CASE WHEN :verified THEN now() END, :language)""")
                .param("id", account.id())
                .param("email", account.email())
                .param("name", account.displayName())
                .param("hash", account.passwordHash())
                .param("headline", account.headline())
                .param("bio", account.bio())
                .param("admin", account.platformAdmin())
                .param("enabled", account.enabled())
                .param("verified", account.emailVerified())
                .param("language", account.language())
                .update();
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity.account WHERE id = :id")
                .param("id", id)
                .query(Account.class)
                .optional();
    }

    /** Marks the address as verified; true if it was not before. */
    public boolean markVerified(UUID id) {
        return jdbc.sql(
                                "UPDATE identity.account SET email_verified_at = now() WHERE id = :id AND email_verified_at IS NULL")
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Demo content only: an admin with a known TOTP key. */
    void enableTotp(UUID id, String secret) {
        jdbc.sql("UPDATE identity.account SET totp_secret = :secret, totp_enabled_at = now() WHERE id = :id")
                .param("id", id)
                .param("secret", secret)
                .update();
    }

    public void changePassword(UUID id, String hash) {
        jdbc.sql("UPDATE identity.account SET password_hash = :hash WHERE id = :id")
                .param("id", id)
                .param("hash", hash)
                .update();
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity.account WHERE lower(email) = lower(:email)")
                .param("email", email.strip())
                .query(Account.class)
                .optional();
    }

    public List<Account> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity.account WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Account.class)
                .list();
    }

    /** The name and address of each of these accounts (only the columns a list of people needs). */
    public List<org.sapere.identity.Contact> contacts(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, display_name, email FROM identity.account WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new org.sapere.identity.Contact(
                        new org.sapere.identity.AccountId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3)))
                .list();
    }

    /** Name, address, language and time zone of each of these accounts, and whether mail may reach them. */
    public List<org.sapere.identity.Addressee> addressees(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, display_name, email, language, time_zone, enabled AND email_verified_at IS NOT NULL
                FROM identity.account WHERE id = ANY(:ids)""")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new org.sapere.identity.Addressee(
                        new org.sapere.identity.AccountId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM identity.account)")
                .query(Boolean.class)
                .single();
    }

    public void addMembership(UUID accountId, UUID organisationId, Role role) {
        jdbc.sql("""
                INSERT INTO identity.membership (account_id, organisation_id, role) VALUES (:a, :o, :r)
                ON CONFLICT DO NOTHING""")
                .param("a", accountId)
                .param("o", organisationId)
                .param("r", role.name())
                .update();
    }

    public boolean hasMembership(UUID accountId, UUID organisationId, Role role) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM identity.membership
                               WHERE account_id = :a AND organisation_id = :o AND role = :r)""")
                .param("a", accountId)
                .param("o", organisationId)
                .param("r", role.name())
                .query(Boolean.class)
                .single();
    }

    public java.util.List<UUID> organisationsWithRole(UUID accountId, Role role) {
        return jdbc.sql("SELECT organisation_id FROM identity.membership WHERE account_id = :a AND role = :r")
                .param("a", accountId)
                .param("r", role.name())
                .query(UUID.class)
                .list();
    }
}
