package org.sapere.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sapere.identity.InvitationSent;
import org.sapere.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;

    Memberships(JdbcClient jdbc, Accounts accounts, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
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

    /**
     * Offers a role to an address without an account. The invitation is accepted when someone registers with the
     * address and confirms it (which proves they read its mail); until then it is listed as pending.
     */
    @Transactional
    public void invite(UUID organisation, String email, Role role, UUID by, String byName, String language) {
        var created = jdbc.sql("""
                INSERT INTO identity.invitation (id, organisation_id, email, role, invited_by)
                VALUES (:id, :org, :email, :role, :by) ON CONFLICT DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("org", organisation)
                .param("email", email)
                .param("role", role.name())
                .param("by", by)
                .update();
        if (created > 0) {
            var name = jdbc.sql("SELECT name FROM identity.organisation WHERE id = :id")
                    .param("id", organisation)
                    .query(String.class)
                    .single();
            audit.record("INVITED", null, email, null, role + " in " + organisation + " by " + by);
            events.publishEvent(new InvitationSent(email, name, role, byName, language));
        }
    }

    /** Gives the roles waiting for this address; called once the address is confirmed. */
    @Transactional
    public void acceptInvitations(UUID account, String email) {
        var pending = jdbc.sql("""
                UPDATE identity.invitation SET accepted_at = now()
                WHERE lower(email) = lower(:email) AND accepted_at IS NULL
                RETURNING organisation_id, role""")
                .param("email", email)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2))})
                .list();
        for (var p : pending) {
            accounts.addMembership(account, (UUID) p[0], (Role) p[1]);
            audit.record("ROLE_GRANTED", account, email, null, p[1] + " in " + p[0] + " by invitation");
        }
    }

    /** Invitations not accepted yet. */
    public record Invitation(String email, Role role) {}

    public boolean isProfessorAnywhere(UUID account) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM identity.membership WHERE account_id = :a AND role = 'PROFESSOR')")
                .param("a", account)
                .query(Boolean.class)
                .single();
    }

    public List<Invitation> pendingInvitations(UUID organisation) {
        return jdbc.sql("""
                SELECT email, role FROM identity.invitation WHERE organisation_id = :org AND accepted_at IS NULL
                ORDER BY created_at""")
                .param("org", organisation)
                .query((rs, n) -> new Invitation(rs.getString(1), Role.valueOf(rs.getString(2))))
                .list();
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
