package org.sapere.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sapere.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which role in an organisation, and who may change that: the organisation's admins and platform
 * admins. Every grant and revocation is audited.
 */
@Service
public class Memberships {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;

    Memberships(JdbcClient jdbc, Accounts accounts, AuditLog audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A member and one of their roles. */
    public record Member(UUID account, String displayName, String email, Role role) {}

    /** An organisation someone may administer. */
    public record Administered(UUID id, String slug, String name) {}

    public List<Administered> administeredBy(UUID account, boolean platformAdmin) {
        return jdbc.sql("""
                SELECT o.id, o.slug, o.name FROM identity.organisation o
                WHERE :all OR EXISTS (SELECT 1 FROM identity.membership m
                                      WHERE m.organisation_id = o.id AND m.account_id = :account AND m.role = 'ORGANISATION_ADMIN')
                ORDER BY o.name""")
                .param("all", platformAdmin)
                .param("account", account)
                .query(Administered.class)
                .list();
    }

    public boolean mayAdminister(UUID account, boolean platformAdmin, String organisationSlug) {
        return administeredBy(account, platformAdmin).stream()
                .anyMatch(o -> o.slug().equals(organisationSlug));
    }

    public List<Member> members(UUID organisation) {
        return jdbc.sql("""
                SELECT a.id AS account, a.display_name, a.email, m.role FROM identity.membership m
                JOIN identity.account a ON a.id = m.account_id
                WHERE m.organisation_id = :org ORDER BY a.display_name, m.role""")
                .param("org", organisation)
                .query((rs, n) -> new Member(
                        rs.getObject("account", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("email"),
                        Role.valueOf(rs.getString("role"))))
                .list();
    }

    /** Grants a role to the person with this address; empty if there is no such (active) account. */
    @Transactional
    public Optional<UUID> grant(UUID organisation, String email, Role role, UUID by) {
        var account = accounts.findByEmail(email).filter(Account::enabled);
        account.ifPresent(a -> {
            accounts.addMembership(a.id(), organisation, role);
            audit.record("ROLE_GRANTED", a.id(), a.email(), null, role + " in " + organisation + " by " + by);
        });
        return account.map(Account::id);
    }

    @Transactional
    public void revoke(UUID organisation, UUID account, Role role, UUID by) {
        var removed = jdbc.sql(
                        "DELETE FROM identity.membership WHERE organisation_id = :o AND account_id = :a AND role = :r")
                .param("o", organisation)
                .param("a", account)
                .param("r", role.name())
                .update();
        if (removed > 0) {
            audit.record("ROLE_REVOKED", account, null, null, role + " in " + organisation + " by " + by);
        }
    }
}
